/// Who gave which label to which item: the dense item × annotator matrix agreement is computed on.
///
/// Items are rows, annotators columns; a cell holds an index into `labels`, or `RatingTable.none`
/// when that annotator has no current rating of the item. Every coefficient reads this table only,
/// so the published worked examples can be entered as tables and tested without label files.
/// Memory: two bytes a cell (a million cells for 100k items and 10 annotators is 2 MB).
public struct RatingTable: Equatable, Sendable {
    /// The value of a cell without a rating.
    public static let none: Int16 = -1

    public let annotators: [String]
    public let labels: [String]
    /// One id per row.
    ///
    /// Synthetic tables (tests, worked examples) number their rows.
    public let itemIDs: [SentenceID]
    /// Row-major: `cells[item * annotators.count + annotator]`.
    public let cells: [Int16]

    public init(annotators: [String], labels: [String], itemIDs: [SentenceID], cells: [Int16]) {
        precondition(cells.count == itemIDs.count * annotators.count, "cells must be items × annotators")
        precondition(labels.count <= Int(Int16.max), "too many labels")
        self.annotators = annotators
        self.labels = labels
        self.itemIDs = itemIDs
        self.cells = cells
    }

    /// A table from rows of label indexes (nil: no rating); rows are numbered 0, 1, 2… as ids.
    public init(annotators: [String], labels: [String], rows: [[Int?]]) {
        var cells: [Int16] = []
        cells.reserveCapacity(rows.count * annotators.count)
        for row in rows {
            precondition(row.count == annotators.count, "every row needs one cell per annotator")
            for cell in row {
                if let cell {
                    precondition(labels.indices.contains(cell), "label index \(cell) outside the label set")
                    cells.append(Int16(cell))
                } else {
                    cells.append(Self.none)
                }
            }
        }
        self.init(
            annotators: annotators, labels: labels,
            itemIDs: rows.indices.map { SentenceID(rawValue: UInt64($0)) }, cells: cells)
    }

    public var itemCount: Int { itemIDs.count }
    public var annotatorCount: Int { annotators.count }
    public var labelCount: Int { labels.count }

    /// The label index `annotator` gave `item`, or nil.
    public subscript(item: Int, annotator: Int) -> Int? {
        let cell = cells[item * annotators.count + annotator]
        return cell < 0 ? nil : Int(cell)
    }

    /// The number of ratings (filled cells).
    public var ratingCount: Int {
        var count = 0
        for cell in cells where cell >= 0 { count += 1 }
        return count
    }
}
