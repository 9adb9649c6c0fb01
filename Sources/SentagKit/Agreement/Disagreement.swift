/// An item whose current ratings differ: where it is, what it says, and who said what.
public struct Disagreement: Equatable, Sendable {
    public var id: SentenceID
    public var doc: String
    public var index: Int
    public var text: String
    /// Every current rating of the item, in annotator order, with its note and unsure flag.
    public var votes: [AnnotatorVote]
    /// Records of this item that could not be read in full (their notes are missing), as
    /// "path:line: cannot read: reason".
    public var unreadable: [String]

    public init(
        id: SentenceID, doc: String, index: Int, text: String, votes: [AnnotatorVote], unreadable: [String] = []
    ) {
        self.id = id
        self.doc = doc
        self.index = index
        self.text = text
        self.votes = votes
        self.unreadable = unreadable
    }

    /// `DOC:N` (N from 1), how the report points at the sentence and what `:goto` takes.
    public var location: String { SentencePlace(document: doc, index: index).description }
}
