/// One sentence of the exported dataset, with its chosen label and the votes behind it.
public struct ExportExample: Equatable, Sendable {
    public var id: SentenceID
    public var doc: String
    /// The sentence's position in its document (from 0).
    public var index: Int
    public var text: String
    public var label: String
    public var split: DatasetSplit
    /// Each annotator's current vote, sorted by annotator name.
    public var votes: [AnnotatorVote]
    /// The label came from an adjudication.
    public var adjudicated: Bool

    public init(
        id: SentenceID, doc: String, index: Int, text: String, label: String, split: DatasetSplit,
        votes: [AnnotatorVote],
        adjudicated: Bool
    ) {
        self.id = id
        self.doc = doc
        self.index = index
        self.text = text
        self.label = label
        self.split = split
        self.votes = votes
        self.adjudicated = adjudicated
    }

    /// The share of votes that agree with `label`; nil when there are no votes (an adjudication only).
    public var agreement: Double? {
        guard !votes.isEmpty else { return nil }
        var agreeing = 0
        for vote in votes where vote.label == label { agreeing += 1 }
        return Double(agreeing) / Double(votes.count)
    }

    /// The distribution of votes over `labels` (the exported labels, in order): each label's
    /// share of the votes cast for one of them.
    ///
    /// With no such vote, all weight on `label`.
    public func distribution(over labels: [String]) -> [Double] {
        var counts = [Int](repeating: 0, count: labels.count)
        var total = 0
        for vote in votes {
            if let position = labels.firstIndex(of: vote.label) {
                counts[position] += 1
                total += 1
            }
        }
        guard total > 0 else { return labels.map { $0 == label ? 1 : 0 } }
        return counts.map { Double($0) / Double(total) }
    }
}
