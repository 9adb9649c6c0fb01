/// An item whose current ratings differ: where it is, what it says, and who said what.
public struct Disagreement: Equatable, Sendable {
    public var id: SentenceID
    public var doc: String
    public var index: Int
    public var text: String
    /// Every current rating of the item, in annotator order.
    public var votes: [AnnotatorVote]

    public init(id: SentenceID, doc: String, index: Int, text: String, votes: [AnnotatorVote]) {
        self.id = id
        self.doc = doc
        self.index = index
        self.text = text
        self.votes = votes
    }

    /// `DOC:N` (N from 1), how the report points at the sentence and what `:goto` takes.
    public var location: String { SentencePlace(document: doc, index: index).description }
}
