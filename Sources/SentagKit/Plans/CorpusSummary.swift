/// What a plan says about the corpus it covers: sizes, and a hash over the sentence ids in
/// corpus order (`CorpusHash.corpus`), so a changed corpus is noticed before anyone labels it.
public struct CorpusSummary: Equatable, Sendable {
    public var documents: Int
    public var sentences: Int
    public var hash: UInt64

    public init(documents: Int, sentences: Int, hash: UInt64) {
        self.documents = documents
        self.sentences = sentences
        self.hash = hash
    }

    /// The summary of `corpus`.
    public init(_ corpus: Corpus) {
        self.init(documents: corpus.documents.count, sentences: corpus.count, hash: CorpusHash.corpus(corpus))
    }

    /// `168 sentences in 5 documents`.
    public var description: String {
        "\(sentences) sentence\(sentences == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s")"
    }
}
