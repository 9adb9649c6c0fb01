extension AnnotationRecord {
    /// Writes the record as one JSON object (no newline), keys in SPEC.md's order, optional keys
    /// only when set, unknown keys read earlier written back last.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        Sentence.writeFields(id: id, doc: doc, index: index, start: start, end: end, text: text, to: &writer)
        writer.field("label", label)
        writer.field("annotator", annotator)
        writer.field("time", time.description)
        if let note { writer.field("note", note) }
        if let flag { writer.field("flag", flag) }
        if let suggested { writer.field("suggested", suggested) }
        if let ms { writer.field("ms", ms) }
        if let session { writer.field("session", session) }
        if adjudicated { writer.field("adjudicated", true) }
        if undo { writer.field("undo", true) }
        if run { writer.field("run", true) }
        if let votes {
            writer.key("votes")
            writer.beginObject()
            for (name, label) in votes.sorted(by: { $0.key < $1.key }) { writer.field(name, label) }
            writer.endObject()
        }
        for (key, raw) in extra {
            writer.key(key)
            writer.raw(raw.utf8)
        }
        writer.endObject()
    }

    /// The record as a line of a label file, newline included.
    public var jsonLine: [UInt8] {
        JSONWriter.line(capacity: 256 + text.utf8.count) { writeJSON(to: &$0) }
    }

    /// Decodes one line of a journal with `RecordDecoder` (the one rule); the error says what is
    /// wrong with the line.
    public init(jsonLine bytes: UnsafeBufferPointer<UInt8>, journal: String? = nil) throws(RecordProblem) {
        let decoded = try RecordDecoder.decode(bytes, journal: journal).get()
        self.init(decoded: decoded, line: bytes)
    }

    /// Makes the `String`s of a decoded line.
    public init(decoded record: DecodedRecord, line: UnsafeBufferPointer<UInt8>) {
        func string(_ field: DecodedRecord.Field?) -> String? {
            field.map { DecodedRecord.string($0, in: line) }
        }
        var votes: [String: String]?
        if record.votes != nil {
            votes = [:]
            for (annotator, label) in record.votePairs(in: line) { votes?[annotator] = label }
        }
        let extra = record.extra.map { member -> (String, String) in
            // Keep the value's JSON text as written (strings with their quotes).
            let raw: Range<Int>
            if case .string = member.kind {
                raw = (member.value.lowerBound - 1)..<(member.value.upperBound + 1)
            } else {
                raw = member.value
            }
            let key = JSONStringScanner.decode(UnsafeBufferPointer(rebasing: line[member.key]), hasEscapes: true) ?? ""
            return (key, String(decoding: UnsafeBufferPointer(rebasing: line[raw]), as: UTF8.self))
        }
        self.init(
            id: record.id, doc: DecodedRecord.string(record.doc, in: line), index: record.index, start: record.start,
            end: record.end, text: DecodedRecord.string(record.text, in: line), label: string(record.label),
            annotator: DecodedRecord.string(record.annotator, in: line), time: record.time, note: string(record.note),
            flag: record.flag, suggested: string(record.suggested), ms: record.ms, session: string(record.session),
            adjudicated: record.adjudicated, votes: votes, undo: record.undo, run: record.run, extra: extra)
    }

    public init(jsonLine text: String, journal: String? = nil) throws(RecordProblem) {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(RecordProblem) in try AnnotationRecord(jsonLine: buffer, journal: journal) }
        }
        self = try result.get()
    }
}
