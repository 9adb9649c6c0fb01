/// A document as a plan knows it: its id, how many sentences it had and a hash of their ids.
///
/// The plan keeps this for every document it covers, so the queues can be derived from the plan
/// alone (the corpus only maps a document's sentences to positions), and a document that was
/// edited, added or removed since is told apart from one that was not.
public struct PlannedDocument: Equatable, Sendable {
    public var id: String
    public var sentences: Int
    /// `CorpusHash.document`: XXH64 of the document's sentence ids.
    public var hash: UInt64

    public init(id: String, sentences: Int, hash: UInt64) {
        self.id = id
        self.sentences = sentences
        self.hash = hash
    }
}
