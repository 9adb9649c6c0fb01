/// The lines a review shows under the sentence: the counts, then each annotator's label, unsure
/// mark and note.
///
///     votes: claim 2 · quote 1
///     alice: claim
///     bob: quote, unsure · note: reported speech?
///     carol: claim
///
/// Notes and flags come from the decision table (no store read).
public struct VoteDescription: Sendable {
    public let items: ReviewItems
    public let ratings: Ratings
    public let view: DecisionView

    public init(items: ReviewItems, ratings: Ratings, view: DecisionView) {
        self.items = items
        self.ratings = ratings
        self.view = view
    }

    public func lines(for sentence: Sentence) -> [String] {
        guard let row = items.row(of: sentence.id) else { return ["votes: none (no current rating of this sentence)"] }
        let counts = items.counts(ofRow: row).map { "\($0.label) \($0.count)" }
        var lines = ["votes: " + counts.joined(separator: " · ")]
        let table = items.table
        for column in 0..<table.annotatorCount {
            guard let label = table[row, column], let slot = ratings.slot(row: row, column: column) else { continue }
            let lane = view.table.journals[ratings.journals[column]].votes
            var line = "\(table.annotators[column]): \(table.labels[label])"
            if lane.votes[slot].flagged { line += ", unsure" }
            if let note = lane.note(slot: slot), !note.isEmpty {
                line += " · note: " + note.split(whereSeparator: \.isNewline).joined(separator: " ")
            }
            lines.append(line)
        }
        return lines
    }
}
