/// Every sentence id's current votes and adjudication, gathered from the label files' indexes.
///
/// One row per sentence id (in order of first appearance), one column per label file (in the
/// order of `indexes`). A cell holds the position of the annotator's current vote in the label
/// set (-1: none) and the position of that line in the file's index, so the full record can be
/// read again with one `pread`. Flat `Int32` arrays keep a million-line export at a few bytes per
/// cell.
///
/// - A vote is the latest non-adjudicated line for the id in a file; a retraction there removes it.
/// - An adjudication is the latest adjudicated line for the id in a file; a retraction there
///   removes that adjudicator's adjudication. When several files hold a current adjudication for
///   the same id, the one with the latest `time` wins (on equal times, the later file).
/// - A current vote or adjudication whose label is not in the label set is an error naming the
///   file, the line and the label.
struct VoteTable {
    let columns: Int
    private(set) var ids: [SentenceID] = []
    /// `rows × columns`: label positions, -1 for no current vote.
    private(set) var votes: [Int32] = []
    /// `rows × columns`: the vote's position in `indexes[column].entries`, -1 for none.
    private(set) var voteEntries: [Int32] = []
    /// Per row: the adjudicated label position, or -1.
    private(set) var adjudications: [Int32] = []
    /// Per row: the column and entry of the winning adjudication line, -1 when none.
    private(set) var adjudicationColumns: [Int32] = []
    private(set) var adjudicationEntries: [Int32] = []
    /// Columns with at least one current adjudication.
    private(set) var adjudicatorColumns: Set<Int> = []

    var rows: Int { ids.count }

    init(indexes: [LabelFileIndex], labels: LabelSet) throws(AnnotationError) {
        columns = indexes.count
        let total = indexes.reduce(0) { $0 + $1.entries.count }
        var rowOf = SentenceIDTable(capacity: total / max(1, columns) + 16)
        ids.reserveCapacity(total / max(1, columns) + 16)
        // Latest adjudicated line per (row, column), resolved after all files are read.
        var adjudicatedEntries: [Int32] = []

        for (column, index) in indexes.enumerated() {
            index.entries.withUnsafeBufferPointer { entries in
                for position in entries.indices {
                    let entry = entries[position]
                    let (found, inserted) = rowOf.row(for: entry.id)
                    let row = Int(found)
                    if inserted {
                        ids.append(entry.id)
                        votes.append(contentsOf: repeatElement(-1, count: columns))
                        voteEntries.append(contentsOf: repeatElement(-1, count: columns))
                        adjudicatedEntries.append(contentsOf: repeatElement(-1, count: columns))
                    }
                    if entry.adjudicated {
                        adjudicatedEntries[row * columns + column] = Int32(position)
                    } else {
                        voteEntries[row * columns + column] = Int32(position)
                    }
                }
            }
        }

        adjudications = [Int32](repeating: -1, count: ids.count)
        adjudicationColumns = [Int32](repeating: -1, count: ids.count)
        adjudicationEntries = [Int32](repeating: -1, count: ids.count)
        var conflicts: [(row: Int, candidates: [(column: Int, entry: Int32, label: Int32)])] = []
        var conflictOfRow: [Int: Int] = [:]

        for (column, index) in indexes.enumerated() {
            // Label names as the file interned them → positions in the label set; a current
            // decision with a label outside the set has already thrown.
            let translation = try index.labelPositions(in: labels).map(Int32.init)
            func labelPosition(_ entry: LabelFileEntry) -> Int32 { translation[Int(entry.label)] }
            try index.entries.withUnsafeBufferPointer { (entries) throws(AnnotationError) in
                for row in 0..<ids.count {
                    let cell = row * columns + column
                    let votePosition = voteEntries[cell]
                    if votePosition >= 0 {
                        let entry = entries[Int(votePosition)]
                        if entry.isRetraction {
                            voteEntries[cell] = -1
                        } else {
                            votes[cell] = labelPosition(entry)
                        }
                    }
                    let adjudicatedPosition = adjudicatedEntries[cell]
                    if adjudicatedPosition >= 0 {
                        let entry = entries[Int(adjudicatedPosition)]
                        if entry.isRetraction { continue }
                        let label = labelPosition(entry)
                        adjudicatorColumns.insert(column)
                        if adjudicationColumns[row] < 0 {
                            adjudications[row] = label
                            adjudicationColumns[row] = Int32(column)
                            adjudicationEntries[row] = adjudicatedPosition
                        } else {
                            let first = (
                                column: Int(adjudicationColumns[row]), entry: adjudicationEntries[row],
                                label: adjudications[row]
                            )
                            if let open = conflictOfRow[row] {
                                conflicts[open].candidates.append((column, adjudicatedPosition, label))
                            } else {
                                conflictOfRow[row] = conflicts.count
                                conflicts.append((row, [first, (column, adjudicatedPosition, label)]))
                            }
                        }
                    }
                }
            }
        }

        // Several adjudicators settled the same id: the latest time wins.
        for conflict in conflicts {
            var best: (column: Int, entry: Int32, label: Int32)?
            var bestTime: Timestamp?
            for candidate in conflict.candidates {
                let index = indexes[candidate.column]
                let time = try index.record(index.entries[Int(candidate.entry)]).time
                if bestTime == nil || time >= bestTime! {
                    best = candidate
                    bestTime = time
                }
            }
            if let best {
                adjudications[conflict.row] = best.label
                adjudicationColumns[conflict.row] = Int32(best.column)
                adjudicationEntries[conflict.row] = best.entry
            }
        }
    }

    /// The votes of a row, one per column (-1: none).
    @inline(__always)
    func withVotes<R>(ofRow row: Int, _ body: (UnsafeBufferPointer<Int32>) -> R) -> R {
        votes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[(row * columns)..<((row + 1) * columns)]))
        }
    }

    /// Whether a column holds at least one current vote (an annotator rather than only an adjudicator).
    func hasVotes(column: Int) -> Bool {
        var row = 0
        while row < rows {
            if votes[row * columns + column] >= 0 { return true }
            row += 1
        }
        return false
    }
}
