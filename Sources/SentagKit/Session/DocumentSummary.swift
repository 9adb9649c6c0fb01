/// The one line shown when the queue leaves a document: its decisions per label, the sentences
/// still without one, and the flagged ones (over the sentences of the document in scope).
public struct DocumentSummary: Equatable, Sendable {
    public var document: String
    public var labels: [String]
    public var counts: [Int]
    /// Sentences in scope without a decision.
    public var undecided: Int
    public var flagged: Int

    public init(document: String, labels: [String], counts: [Int], undecided: Int, flagged: Int) {
        self.document = document
        self.labels = labels
        self.counts = counts
        self.undecided = undecided
        self.flagged = flagged
    }
}
