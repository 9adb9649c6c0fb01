/// The lines a review shows under the sentence: the counts, then each annotator's label, unsure
/// mark and note.
///
///     votes: claim 2 · quote 1
///     alice: claim
///     bob: quote, unsure · note: reported speech?
///     carol: claim
///
/// The notes are read back from the label files for the sentence on screen only
/// (`RatingSources`); a note that cannot be read is said so on its line, never fatal.
public struct VoteDescription: Sendable {
    public let items: ReviewItems
    public let sources: RatingSources

    public init(items: ReviewItems, sources: RatingSources) {
        self.items = items
        self.sources = sources
    }

    public func lines(for sentence: Sentence) -> [String] {
        guard let row = items.row(of: sentence.id) else { return ["votes: none (no current rating of this sentence)"] }
        let counts = items.counts(ofRow: row).map { "\($0.label) \($0.count)" }
        var lines = ["votes: " + counts.joined(separator: " · ")]
        let table = items.table
        for column in 0..<table.annotatorCount {
            guard let label = table[row, column] else { continue }
            var line = "\(table.annotators[column]): \(table.labels[label])"
            if sources.isFlagged(row: row, column: column) { line += ", unsure" }
            do {
                if let note = try sources.record(row: row, column: column)?.note, !note.isEmpty {
                    line += " · note: " + note.split(whereSeparator: \.isNewline).joined(separator: " ")
                }
            } catch {
                line += " · note unreadable (\(error))"
            }
            lines.append(line)
        }
        return lines
    }
}
