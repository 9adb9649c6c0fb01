/// The export's view of the decision table: for every sentence of the corpus, each annotator's
/// counted vote and the winning adjudication.
///
/// One row per corpus position, one column per journal (in the table's order). A cell holds the
/// label's position in the label set, -1 for none. When several adjudicators settled the same
/// sentence, the adjudication with the latest `time` wins (on equal times, the later journal).
/// Decisions that do not match a sentence of the sources are counted in `orphaned`.
struct ExportVotes {
    let columns: Int
    /// `positions × columns`.
    private(set) var votes: [Int32]
    /// Per position: the adjudicated label, or -1.
    private(set) var adjudications: [Int32]
    /// Columns with at least one adjudication in force.
    private(set) var adjudicatorColumns: Set<Int> = []
    private var votesPerColumn: [Int]
    /// Current votes and adjudications that are not on a sentence of the sources.
    private(set) var orphaned = 0

    init(view: DecisionView) {
        let count = view.corpus?.count ?? 0
        columns = view.table.journals.count
        votes = [Int32](repeating: -1, count: count * columns)
        adjudications = [Int32](repeating: -1, count: count)
        votesPerColumn = [Int](repeating: 0, count: columns)
        var adjudicationTime = [Int64](repeating: Int64.min, count: count)
        for column in 0..<columns {
            view.forEachDecision(journal: column, adjudicated: false) { decision in
                guard let position = decision.position else {
                    preconditionFailure("the exporter's view has a corpus, which gives every decision its position")
                }
                votes[position * columns + column] = Int32(decision.label)
                votesPerColumn[column] += 1
            } orphans: { _, _ in
                orphaned += 1
            }
            view.forEachDecision(journal: column, adjudicated: true) { decision in
                guard let position = decision.position else {
                    preconditionFailure("the exporter's view has a corpus, which gives every decision its position")
                }
                adjudicatorColumns.insert(column)
                if decision.vote.time >= adjudicationTime[position] {
                    adjudicationTime[position] = decision.vote.time
                    adjudications[position] = Int32(decision.label)
                }
            } orphans: { _, _ in
                orphaned += 1
            }
        }
    }

    /// The votes of a position, one per column (-1: none).
    @inline(__always)
    func withVotes<R>(ofPosition position: Int, _ body: (UnsafeBufferPointer<Int32>) -> R) -> R {
        votes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[(position * columns)..<((position + 1) * columns)]))
        }
    }

    /// Whether a column holds at least one vote (an annotator rather than only an adjudicator).
    func hasVotes(column: Int) -> Bool { votesPerColumn[column] > 0 }
}
