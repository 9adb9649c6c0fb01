/// The lines a review shows under the sentence: the counts, then each annotator's label, unsure
/// mark and note.
///
///     votes: claim 2 · quote 1
///     alice: claim
///     bob: quote, unsure · note: reported speech?
///     carol: claim
///
/// Notes and flags come from the decision table (no store read).
///
/// Blind (`sentag review --blind`), the names are hidden: the votes are listed as
/// `annotator 1`, `annotator 2`, … in an order shuffled per sentence (seeded by its id), so
/// neither a name nor a column gives away who said what.
public struct VoteDescription: Sendable {
    public let items: ReviewItems
    public let ratings: Ratings
    public let view: DecisionView
    public let blind: Bool

    public init(items: ReviewItems, ratings: Ratings, view: DecisionView, blind: Bool = false) {
        self.items = items
        self.ratings = ratings
        self.view = view
        self.blind = blind
    }

    public func lines(for sentence: Sentence) -> [String] {
        guard let row = items.row(of: sentence.id) else { return ["votes: none (no current rating of this sentence)"] }
        let counts = items.counts(ofRow: row).map { "\($0.label) \($0.count)" }
        var lines = ["votes: " + counts.joined(separator: " · ")]
        let table = items.table
        var columns = Array(0..<table.annotatorCount)
        if blind {
            var random = SplitMix64(seed: sentence.id.rawValue)
            random.shuffle(&columns)
        }
        var shown = 0
        for column in columns {
            guard let label = table[row, column], let slot = ratings.slot(row: row, column: column) else { continue }
            let lane = view.table.journals[ratings.journals[column]].votes
            shown += 1
            let name = blind ? "annotator \(shown)" : table.annotators[column]
            var line = "\(name): \(table.labels[label])"
            if lane.votes[slot].flagged { line += ", unsure" }
            if let note = lane.note(slot: slot), !note.isEmpty {
                line += " · note: " + note.split(whereSeparator: \.isNewline).joined(separator: " ")
            }
            lines.append(line)
        }
        return lines
    }
}
