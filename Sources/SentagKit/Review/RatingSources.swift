/// Where each current rating of a review's table sits in its label file, so that the notes of
/// the ratings on screen can be read back (`LabelFileIndex.records(_:)`, one `pread` each).
///
/// Notes are not loaded up front: reading the full record of every rating of every item would
/// cost a `pread` and a JSON parse per rating before the first prompt, and only the item on
/// screen needs them. Built in one pass over the entries the files already hold in memory, with
/// one id lookup per line; four bytes per table cell.
public struct RatingSources: Sendable {
    /// One per table column (`LoadedRatings.files`).
    private let files: [LabelFileIndex]
    private let width: Int
    /// `rows × columns`: the position in `files[column].entries` of the latest line that is not
    /// an adjudication; -1 when none.
    private let entries: [Int32]

    /// - Parameters:
    ///   - files: the label files of the table's columns, in column order.
    public init(files: [LabelFileIndex], items: ReviewItems) {
        let width = files.count
        var entries = [Int32](repeating: -1, count: items.table.itemCount * width)
        for (column, file) in files.enumerated() {
            file.entries.withUnsafeBufferPointer { lines in
                for position in lines.indices where !lines[position].adjudicated {
                    guard let row = items.row(of: lines[position].id) else { continue }
                    entries[row * width + column] = Int32(position)
                }
            }
        }
        self.files = files
        self.width = width
        self.entries = entries
    }

    /// The line holding the current rating of `row` by `column`, if that annotator rated it.
    private func entry(row: Int, column: Int) -> LabelFileEntry? {
        let position = entries[row * width + column]
        guard position >= 0 else { return nil }
        let entry = files[column].entries[Int(position)]
        return entry.isRetraction ? nil : entry
    }

    /// Whether the annotator marked the rating unsure; known without reading the file.
    public func isFlagged(row: Int, column: Int) -> Bool {
        entry(row: row, column: column)?.flagged ?? false
    }

    /// The full record of the rating, read again from the label file; nil without a rating.
    public func record(row: Int, column: Int) throws(AnnotationError) -> AnnotationRecord? {
        guard let entry = entry(row: row, column: column) else { return nil }
        return try files[column].record(entry)
    }
}
