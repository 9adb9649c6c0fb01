/// What a reporting command reads before it computes anything: the store's label set, its
/// decision table and, for commands with sources, the corpus, joined in one `DecisionView`.
///
/// The table is read on a second thread while the corpus is read and segmented. The warnings
/// to print (lines skipped in the journals, journals that could not be read, decisions with a
/// label outside the label set) come out in one list, the same in every command.
public struct ProjectSnapshot {
    public let store: any JournalStore
    public var view: DecisionView
    /// The first warnings, and how many there are in all (`Diagnostic.lines`).
    public let warnings: [Diagnostic]
    public let warningCount: Int

    public var labelSet: LabelSet { view.labelSet }
    public var table: DecisionTable { view.table }

    /// Reads the store (every journal) and, when `sources` is given, the corpus.
    ///
    /// Throws `StoreError.missing` when the store does not exist, `LabelSetError` for a bad
    /// label set, `SourceError` for bad sources.
    public static func read(_ store: any JournalStore, sources: [String]? = nil) throws -> ProjectSnapshot {
        guard store.exists else {
            throw StoreError.missing(
                location: store.location, hint: "label first ('sentag label'), or pass --annotations DIR")
        }
        let labelSet = try LabelSet.load(from: store)
        let loader = DecisionTableLoader(store: store)
        let reading = ConcurrentResult(SendableBox { try loader.load() })
        let corpus = try sources.map { sources throws(SourceError) in try Corpus.load(sources, cache: store.cache) }
        let table = try reading.value()
        let view = DecisionView(table: table, labelSet: labelSet, corpus: corpus, store: store)
        let skipped = table.warnings
        return ProjectSnapshot(
            store: store, view: view, warnings: skipped.kept + view.labelWarnings,
            warningCount: skipped.total + view.labelWarnings.count)
    }

    /// The warning lines to print on standard error.
    public var warningLines: [String] { Diagnostic.lines(warnings, total: warningCount) }
}
