extension AnnotationRecord {
    /// Writes the record as one JSON object (no newline), keys in SPEC.md's order, optional keys
    /// only when set, unknown keys read earlier written back last.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", id.description)
        writer.field("doc", doc)
        writer.field("index", index)
        writer.field("start", start)
        writer.field("end", end)
        writer.field("text", text)
        writer.field("label", label)
        writer.field("annotator", annotator)
        writer.field("time", time.description)
        if let note { writer.field("note", note) }
        if let flag { writer.field("flag", flag) }
        if let suggested { writer.field("suggested", suggested) }
        if let ms { writer.field("ms", ms) }
        if let session { writer.field("session", session) }
        if adjudicated { writer.field("adjudicated", true) }
        if let votes {
            writer.key("votes")
            writer.beginObject()
            for name in votes.keys.sorted() { writer.field(name, votes[name]!) }
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

    /// Decodes one line of a label file. The error says what is wrong with the line.
    public init(jsonLine bytes: UnsafeBufferPointer<UInt8>) throws(LabelLineError) {
        var id: SentenceID?
        var doc: String?
        var index: Int?
        var start: Int?
        var end: Int?
        var text: String?
        var label: String??
        var annotator: String?
        var time: Timestamp?
        var note: String?
        var flag: Bool?
        var suggested: String?
        var ms: Int?
        var session: String?
        var adjudicated = false
        var votes: [String: String]?
        var extra: [(String, String)] = []

        func string(_ member: JSONObjectScanner.Member, _ key: String) throws(LabelLineError) -> String {
            guard case .string(let escapes) = member.kind else { throw .wrongType(key: key, expected: "a string") }
            guard
                let value = JSONStringScanner.decode(
                    UnsafeBufferPointer(rebasing: bytes[member.value]), hasEscapes: escapes)
            else { throw .wrongType(key: key, expected: "a valid string") }
            return value
        }
        func optionalString(_ member: JSONObjectScanner.Member, _ key: String) throws(LabelLineError) -> String? {
            if member.kind == .null { return nil }
            return try string(member, key)
        }
        func integer(_ member: JSONObjectScanner.Member, _ key: String) throws(LabelLineError) -> Int {
            guard member.kind == .number, let value = JSONObjectScanner.integer(bytes, member.value) else {
                throw .wrongType(key: key, expected: "an integer")
            }
            return value
        }
        func boolean(_ member: JSONObjectScanner.Member, _ key: String) throws(LabelLineError) -> Bool? {
            switch member.kind {
            case .true: return true
            case .false: return false
            case .null: return nil
            default: throw .wrongType(key: key, expected: "true or false")
            }
        }

        var pending: LabelLineError?
        do {
            try JSONObjectScanner.scan(bytes) { (member) throws(JSONObjectScanner.Failure) in
                do throws(LabelLineError) {
                    let keyBytes = UnsafeBufferPointer(rebasing: bytes[member.key])
                    let key = String(decoding: keyBytes, as: UTF8.self)
                    switch key {
                    case "id":
                        let raw = try string(member, key)
                        guard let parsed = SentenceID(raw) else { throw .badID(raw) }
                        id = parsed
                    case "doc": doc = try string(member, key)
                    case "index": index = try integer(member, key)
                    case "start": start = try integer(member, key)
                    case "end": end = try integer(member, key)
                    case "text": text = try string(member, key)
                    case "label": label = .some(try optionalString(member, key))
                    case "annotator": annotator = try string(member, key)
                    case "time":
                        let raw = try string(member, key)
                        guard let parsed = Timestamp(raw) else { throw .badTime(raw) }
                        time = parsed
                    case "note": note = try optionalString(member, key)
                    case "flag": flag = try boolean(member, key)
                    case "suggested": suggested = try optionalString(member, key)
                    case "ms": ms = member.kind == .null ? nil : try integer(member, key)
                    case "session": session = try optionalString(member, key)
                    case "adjudicated": adjudicated = try boolean(member, key) ?? false
                    case "votes":
                        if member.kind == .null { break }
                        guard member.kind == .object,
                            case .object(let members)? = try? JSONParser.parse(
                                UnsafeBufferPointer(rebasing: bytes[member.value]))
                        else { throw .wrongType(key: key, expected: "an object of annotator → label") }
                        var table: [String: String] = [:]
                        for (name, value) in members {
                            guard let vote = value.stringValue else {
                                throw .wrongType(key: key, expected: "an object of annotator → label")
                            }
                            table[name] = vote
                        }
                        votes = table
                    default:
                        // Keep the value's JSON text as written (strings with their quotes).
                        let raw: Range<Int>
                        if case .string = member.kind {
                            raw = (member.value.lowerBound - 1)..<(member.value.upperBound + 1)
                        } else {
                            raw = member.value
                        }
                        extra.append((key, String(decoding: UnsafeBufferPointer(rebasing: bytes[raw]), as: UTF8.self)))
                    }
                } catch {
                    pending = error
                    throw .malformed(offset: member.value.lowerBound)
                }
            }
        } catch {
            if let pendingError = pending { throw pendingError }
            throw .structure(error)
        }
        guard let id else { throw .missingKey("id") }
        guard let doc else { throw .missingKey("doc") }
        guard let index else { throw .missingKey("index") }
        guard let start else { throw .missingKey("start") }
        guard let end else { throw .missingKey("end") }
        guard let text else { throw .missingKey("text") }
        guard let label else { throw .missingKey("label") }
        guard let annotator else { throw .missingKey("annotator") }
        guard let time else { throw .missingKey("time") }
        self.init(
            id: id, doc: doc, index: index, start: start, end: end, text: text, label: label, annotator: annotator,
            time: time, note: note, flag: flag, suggested: suggested, ms: ms, session: session,
            adjudicated: adjudicated, votes: votes, extra: extra)
    }

    public init(jsonLine text: String) throws(LabelLineError) {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(LabelLineError) in try AnnotationRecord(jsonLine: buffer) }
        }
        self = try result.get()
    }
}

/// Why one line of a label file could not be read.
public enum LabelLineError: Error, Equatable, Sendable, CustomStringConvertible {
    case structure(JSONObjectScanner.Failure)
    case missingKey(String)
    case wrongType(key: String, expected: String)
    case badID(String)
    case badTime(String)

    public var description: String {
        switch self {
        case .structure(let failure): failure.reason
        case .missingKey(let key): "no \"\(key)\" key"
        case .wrongType(let key, let expected): "\"\(key)\" is not \(expected)"
        case .badID(let raw): "\"id\" '\(raw)' is not 16 hex digits"
        case .badTime(let raw): "\"time\" '\(raw)' is not an ISO 8601 UTC time"
        }
    }
}
