/// An item whose current ratings differ: where it is, what it says, and who said what.
public struct Disagreement: Equatable, Sendable {
    /// One annotator's current label.
    public struct Vote: Equatable, Sendable {
        public var annotator: String
        public var label: String

        public init(annotator: String, label: String) {
            self.annotator = annotator
            self.label = label
        }
    }

    public var id: SentenceID
    public var doc: String
    public var index: Int
    public var text: String
    /// Every current rating of the item, in annotator order.
    public var votes: [Vote]

    public init(id: SentenceID, doc: String, index: Int, text: String, votes: [Vote]) {
        self.id = id
        self.doc = doc
        self.index = index
        self.text = text
        self.votes = votes
    }

    /// `doc:index`, how the report points at the sentence.
    public var location: String { "\(doc):\(index)" }
}
