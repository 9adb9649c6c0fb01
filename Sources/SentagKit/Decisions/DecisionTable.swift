/// Every journal of a store, read once: per annotator, the current votes and adjudications with
/// their notes, flags, times, `ms` and suggestions, the undo histories and the summaries.
///
/// "The current decision" is computed here and nowhere else (`DecisionLane.apply`); every
/// command is a view of this table (`DecisionView` and the views built on it). Built by
/// `DecisionTableLoader` from checkpoints and the records appended since; a session keeps it
/// current by applying what it appends.
public struct DecisionTable: Sendable {
    /// One per journal, sorted by annotator name.
    public private(set) var journals: [JournalDecisions]
    /// Journals that could not be read at all (an unsafe file, an unreadable one).
    public private(set) var unreadable: [Diagnostic]

    public init(journals: [JournalDecisions] = [], unreadable: [Diagnostic] = []) {
        self.journals = journals.sorted { $0.annotator.utf8.lexicographicallyPrecedes($1.annotator.utf8) }
        self.unreadable = unreadable
    }

    public var annotators: [String] { journals.map(\.annotator) }

    /// The position of an annotator's journal in `journals`.
    public func index(of annotator: String) -> Int? {
        journals.firstIndex { $0.annotator == annotator }
    }

    public func journal(_ annotator: String) -> JournalDecisions? {
        index(of: annotator).map { journals[$0] }
    }

    /// Adds an empty journal for `annotator` when the table has none (before a session starts
    /// appending to it, so the positions of the other journals stay put).
    public mutating func ensureJournal(_ annotator: String) {
        guard index(of: annotator) == nil else { return }
        journals.append(JournalDecisions(annotator: annotator))
        journals.sort { $0.annotator.utf8.lexicographicallyPrecedes($1.annotator.utf8) }
    }

    /// Applies records just appended to their annotator's journal (adding the journal when it is
    /// new), in order.
    public mutating func apply(_ records: [AnnotationRecord], at positions: [RecordPosition]) {
        for (record, position) in zip(records, positions) {
            ensureJournal(record.annotator)
            guard let index = index(of: record.annotator) else { continue }
            journals[index].apply(record, at: position)
        }
    }

    /// Lines skipped in every journal and journals that could not be read: the first ones kept,
    /// and how many there are in all.
    public var warnings: (kept: [Diagnostic], total: Int) {
        var kept = unreadable
        var total = unreadable.count
        for journal in journals {
            kept += journal.warnings
            total += journal.warningCount
        }
        return (kept, total)
    }
}
