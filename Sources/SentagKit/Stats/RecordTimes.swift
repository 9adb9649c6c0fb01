/// The `time` of every entry of a label file, read in one more pass over the file.
///
/// Stats needs only the time of each line; decoding every full `AnnotationRecord` for it costs
/// a String per field. This pass finds the `time` member with the tree-free scanner and parses it
/// from its bytes (`LabelFileIndex` has already checked that it is a timestamp).
enum RecordTimes {
    /// `times[position]`: the time of `file.entries[position]`, or nil when the line cannot be
    /// read again (the file changed since it was indexed).
    static func read(_ file: LabelFileIndex) -> [Timestamp?] {
        var times = [Timestamp?](repeating: nil, count: file.entries.count)
        guard !file.entries.isEmpty, var reader = try? LineReader(path: file.path) else { return times }
        defer { reader.close() }
        var next = 0
        let entries = file.entries
        try? reader.forEachLine { (line: UnsafeBufferPointer<UInt8>, number: Int, _: Int64) throws(Never) in
            guard next < entries.count, Int(entries[next].line) == number else { return }
            defer { next += 1 }
            try? JSONObjectScanner.scan(line) { (member) throws(JSONObjectScanner.Failure) in
                guard JSONObjectScanner.key(line, member.key, is: "time") else { return }
                let raw = UnsafeBufferPointer(rebasing: line[member.value])
                if case .string(hasEscapes: true) = member.kind {
                    times[next] = JSONStringScanner.decode(raw, hasEscapes: true).flatMap { Timestamp($0) }
                } else {
                    times[next] = Timestamp(utf8: raw)
                }
            }
        }
        return times
    }
}
