/// The current ratings of an annotations folder as a `RatingTable`, with where each came from.
///
/// A rating is an annotator's current decision on a sentence id: the latest line of their file
/// for that id that is not an adjudication, unless it retracts (`"label": null`). Files are read
/// with `LabelFileIndex` (tree-free scanning, integer ids, interned labels), one thread per file
/// up to the number of processors, then merged into the table in annotator order.
public struct LoadedRatings: Sendable {
    public var table: RatingTable
    /// The files read, one per table column, in the same order.
    public var files: [LabelFileIndex]
    /// For each table row: the column and entry position of the first rating found, to read the
    /// sentence's record (doc, index, text) again.
    public var sourceColumn: [Int32]
    public var sourceEntry: [Int32]
    /// Lines skipped as unreadable, in annotator order, then line order.
    public var warnings: [LabelFileWarning]
    /// Annotators left out of the table because their file holds no current rating (an
    /// adjudicator, someone who undid everything). Annotators asked for by name are never left
    /// out.
    public var leftOut: [String]

    /// Reads the label files of `annotators` (all annotators with a current rating when nil).
    ///
    /// Throws when there is no label file at all, when a named annotator has none, when a file
    /// cannot be read, and when a current decision has a label outside `labelSet` (naming file,
    /// line and label; see `LabelFileIndex.labelPositions(in:)`).
    public static func load(
        directory: AnnotationsDirectory, annotators selected: [String]? = nil, labelSet: LabelSet
    ) throws(AnnotationError) -> LoadedRatings {
        let available = try directory.annotators()
        if available.isEmpty { throw .noLabelFiles(directory: directory.path) }
        var names = available
        if let selected {
            for name in selected where !available.contains(name) {
                throw .unknownAnnotator(name: name, known: available)
            }
            names = Array(Set(selected)).sorted()
        }
        let files = try LabelFileIndex.read(paths: names.map { directory.labelFilePath(for: $0) })
        return try LoadedRatings(files: files, labelSet: labelSet, keepEveryFile: selected != nil)
    }

    /// Cells in order of first appearance of each id, before empty rows and columns are dropped.
    struct Merged {
        var ids: [SentenceID] = []
        var cells: [Int16] = []
        var sourceColumn: [Int32] = []
        var sourceEntry: [Int32] = []
        var ratingsPerColumn: [Int] = []
    }

    static func merge(_ files: [LabelFileIndex], labelMaps: [[Int16]]) -> Merged {
        let width = files.count
        var merged = Merged()
        let expected = files.map(\.entries.count).max() ?? 0
        var rowOf = SentenceIDTable(capacity: expected + expected / 4)
        merged.ids.reserveCapacity(expected)
        merged.cells.reserveCapacity(expected * width)
        for (column, file) in files.enumerated() {
            let map = labelMaps[column]
            file.entries.withUnsafeBufferPointer { entries in
                for position in entries.indices {
                    let entry = entries[position]
                    if entry.adjudicated { continue }
                    let row: Int
                    if let existing = rowOf.row(of: entry.id) {
                        row = Int(existing)
                    } else {
                        if entry.label < 0 { continue }  // retracting what was never rated
                        row = merged.ids.count
                        rowOf.insert(entry.id, row: Int32(row))
                        merged.ids.append(entry.id)
                        merged.cells.append(contentsOf: repeatElement(RatingTable.none, count: width))
                        merged.sourceColumn.append(-1)
                        merged.sourceEntry.append(-1)
                    }
                    merged.cells[row * width + column] = entry.label < 0 ? RatingTable.none : map[Int(entry.label)]
                    if entry.label >= 0 && merged.sourceColumn[row] < 0 {
                        merged.sourceColumn[row] = Int32(column)
                        merged.sourceEntry[row] = Int32(position)
                    }
                }
            }
        }
        var perColumn = [Int](repeating: 0, count: width)
        merged.cells.withUnsafeBufferPointer { cells in
            for row in 0..<merged.ids.count {
                for column in 0..<width where cells[row * width + column] >= 0 { perColumn[column] += 1 }
            }
        }
        merged.ratingsPerColumn = perColumn
        return merged
    }

    /// Keeps `columns` and the rows left with a rating. A row's source is re-pointed to a rating
    /// that is still current when the first one found was later retracted.
    static func compact(
        _ merged: Merged, files: [LabelFileIndex], columns: [Int], names: [String], labels: [String], leftOut: [String]
    ) -> LoadedRatings {
        let width = files.count
        var ids: [SentenceID] = []
        var cells: [Int16] = []
        var sourceColumn: [Int32] = []
        var sourceEntry: [Int32] = []
        ids.reserveCapacity(merged.ids.count)
        cells.reserveCapacity(merged.ids.count * columns.count)
        var needsSource: [Int] = []
        for row in 0..<merged.ids.count {
            var any = false
            for column in columns where merged.cells[row * width + column] >= 0 { any = true }
            guard any else { continue }
            ids.append(merged.ids[row])
            for column in columns { cells.append(merged.cells[row * width + column]) }
            let column = Int(merged.sourceColumn[row])
            if column >= 0, merged.cells[row * width + column] >= 0, columns.contains(column) {
                sourceColumn.append(Int32(columns.firstIndex(of: column)!))
                sourceEntry.append(merged.sourceEntry[row])
            } else {
                needsSource.append(ids.count - 1)
                sourceColumn.append(-1)
                sourceEntry.append(-1)
            }
        }
        let kept = columns.map { files[$0] }
        if !needsSource.isEmpty {
            // Rare: find, for each such row, the current entry of its first rater.
            var wanted: [SentenceID: Int] = [:]
            for row in needsSource { wanted[ids[row]] = row }
            for (newColumn, file) in kept.enumerated() {
                for (position, entry) in file.entries.enumerated() where !entry.adjudicated && entry.label >= 0 {
                    guard let row = wanted[entry.id], cells[row * columns.count + newColumn] >= 0 else { continue }
                    if sourceColumn[row] < 0 || Int(sourceColumn[row]) == newColumn {
                        sourceColumn[row] = Int32(newColumn)
                        sourceEntry[row] = Int32(position)
                    }
                }
            }
        }
        var warnings: [LabelFileWarning] = []
        for file in files { warnings.append(contentsOf: file.warnings) }
        return LoadedRatings(
            table: RatingTable(annotators: columns.map { names[$0] }, labels: labels, itemIDs: ids, cells: cells),
            files: kept, sourceColumn: sourceColumn, sourceEntry: sourceEntry, warnings: warnings, leftOut: leftOut)
    }
}

extension LoadedRatings {
    /// The ratings of label files already read (one per annotator, in annotator order).
    /// Without `keepEveryFile`, files holding no current rating are left out of the table.
    public init(files: [LabelFileIndex], labelSet: LabelSet, keepEveryFile: Bool = false) throws(AnnotationError) {
        let names = files.map(\.annotator)
        var labelMaps: [[Int16]] = []
        for file in files { labelMaps.append(try file.labelPositions(in: labelSet)) }
        let merged = Self.merge(files, labelMaps: labelMaps)
        var columns = Array(files.indices)
        var leftOut: [String] = []
        if !keepEveryFile {
            for (column, count) in merged.ratingsPerColumn.enumerated() where count == 0 {
                leftOut.append(names[column])
                columns.removeAll { $0 == column }
            }
        }
        self = Self.compact(
            merged, files: files, columns: columns, names: names, labels: labelSet.names, leftOut: leftOut)
    }
}
