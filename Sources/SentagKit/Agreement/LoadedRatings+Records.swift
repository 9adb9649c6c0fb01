extension LoadedRatings {
    /// The records behind some rows' current ratings, read back from the label files, for what
    /// the table does not hold: the text, the note, the unsure flag.
    ///
    /// The one place `agreement --disagreements` reads records; it finds each rating's line the
    /// way the rest of the table does today (the latest non-adjudicated entry of that id in the
    /// annotator's file) and reads it with `LabelFileIndex.records(_:)`. A record that cannot be
    /// read in full is reported in `problems` ("bob.jsonl:12: cannot read: …"), never fatal.
    ///
    /// - Returns: `records[i][column]`, the record of `rows[i]`'s rating by that annotator
    ///   (nil without a rating or when unreadable), and `problems[i]`, one message per
    ///   unreadable record of `rows[i]`.
    func currentRecords(ofRows rows: [Int]) -> (records: [[AnnotationRecord?]], problems: [[String]]) {
        let width = table.annotatorCount
        var records = [[AnnotationRecord?]](repeating: Array(repeating: nil, count: width), count: rows.count)
        var problems = [[String]](repeating: [], count: rows.count)
        guard !rows.isEmpty else { return (records, problems) }
        var wanted = SentenceIDTable(capacity: rows.count + rows.count / 4)
        for (position, row) in rows.enumerated() { wanted.insert(table.itemIDs[row], row: Int32(position)) }
        for (column, file) in files.enumerated() {
            var latest = [Int32](repeating: -1, count: rows.count)
            file.entries.withUnsafeBufferPointer { entries in
                for position in entries.indices where !entries[position].adjudicated {
                    if let wantedPosition = wanted.row(of: entries[position].id) {
                        latest[Int(wantedPosition)] = Int32(position)
                    }
                }
            }
            let current = latest.indices.filter {
                latest[$0] >= 0 && !file.entries[Int(latest[$0])].isRetraction && table[rows[$0], column] != nil
            }
            let entries = current.map { file.entries[Int(latest[$0])] }
            if let read = try? file.records(entries) {
                for (position, record) in zip(current, read) { records[position][column] = record }
                continue
            }
            for (position, entry) in zip(current, entries) {
                do {
                    records[position][column] = try file.record(entry)
                } catch {
                    problems[position].append(error.description)
                }
            }
        }
        return (records, problems)
    }
}
