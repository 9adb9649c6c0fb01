#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One readable line of a label file, reduced to what deciding "who said what" needs.
///
/// The full record stays on disk; `offset`/`length` find it again (`LabelFileIndex.record(_:)`).
public struct LabelFileEntry: Equatable, Sendable {
    public var id: SentenceID
    /// Index into `LabelFileIndex.labelNames`; -1 for a retraction (`"label": null`).
    public var label: Int32
    public var adjudicated: Bool
    public var flagged: Bool
    /// 1-based line number in the file.
    public var line: Int32
    public var offset: Int64
    public var length: Int32

    public var isRetraction: Bool { label < 0 }
}

/// A label file read once, line by line, into compact entries (about 40 bytes a line).
///
/// Reading never stops at a bad line: a truncated or malformed line, or one missing a required
/// key, becomes a `LabelFileWarning` and is skipped. Labels are interned (`labelNames`), ids kept
/// as 64-bit integers, so a file of a million lines costs no String per line.
public struct LabelFileIndex: Sendable {
    public let path: String
    /// The annotator the file belongs to: its name without `.jsonl`.
    public let annotator: String
    public private(set) var entries: [LabelFileEntry] = []
    /// Every label name seen, in order of first appearance.
    public private(set) var labelNames: [String] = []
    public private(set) var warnings: [LabelFileWarning] = []
    /// False when the last line has no newline (a crash mid-write or a hand edit).
    public private(set) var endsWithNewline = true

    /// Reads `path`. A missing file is an empty index (an annotator who has not started yet).
    public init(path: String) throws(AnnotationError) {
        self.path = path
        self.annotator = FileSystem.stem(path)
        guard FileSystem.exists(path) else { return }
        var reader: LineReader
        do {
            reader = try LineReader(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        defer { reader.close() }
        var labelTable = LabelInterner()
        var entries: [LabelFileEntry] = []
        var warnings: [LabelFileWarning] = []
        do {
            try reader.forEachLine { (line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int64) throws(Never) in
                if Self.isBlank(line) { return }
                switch Self.scanEntry(line, labels: &labelTable) {
                case .success(var entry):
                    entry.line = Int32(truncatingIfNeeded: number)
                    entry.offset = offset
                    entry.length = Int32(truncatingIfNeeded: line.count)
                    entries.append(entry)
                case .failure(let error):
                    warnings.append(LabelFileWarning(path: path, line: number, reason: error.description))
                }
            }
        } catch {
            if case .read(let failure) = error { throw .unreadable(path: path, reason: failure.reason) }
        }
        self.entries = entries
        self.labelNames = labelTable.names
        self.warnings = warnings
        self.endsWithNewline = reader.endsWithNewline
    }

    /// The label name of an entry; nil for a retraction.
    public func labelName(of entry: LabelFileEntry) -> String? {
        entry.label < 0 ? nil : labelNames[Int(entry.label)]
    }

    /// For each sentence id, the position in `entries` of its current decision: the latest
    /// non-adjudicated line (or, with `adjudicated: true`, the latest adjudication line). Ids
    /// whose latest line is a retraction are left out.
    public func currentDecisions(adjudicated: Bool = false) -> [SentenceID: Int] {
        var latest: [SentenceID: Int] = [:]
        latest.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() where entry.adjudicated == adjudicated {
            latest[entry.id] = position
        }
        return latest.filter { !entries[$0.value].isRetraction }
    }

    /// Reads the full records of the given entries again from the file (one `pread` each).
    public func records(_ selected: some Sequence<LabelFileEntry>) throws(AnnotationError) -> [AnnotationRecord] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: FileSystem.describe(errno: errno)) }
        defer { FileSystem.closeDescriptor(fd) }
        var records: [AnnotationRecord] = []
        var buffer: [UInt8] = []
        for entry in selected {
            buffer = [UInt8](repeating: 0, count: Int(entry.length))
            var done = 0
            while done < buffer.count {
                let n = buffer.withUnsafeMutableBytes { raw in
                    pread(fd, raw.baseAddress! + done, raw.count - done, off_t(entry.offset) + off_t(done))
                }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw .unreadable(
                        path: path, reason: n < 0 ? FileSystem.describe(errno: errno) : "the file got shorter")
                }
                done += n
            }
            do {
                records.append(
                    try buffer.withUnsafeBufferPointer { (line) throws(LabelLineError) in
                        try AnnotationRecord(jsonLine: line)
                    })
            } catch {
                throw .unreadable(path: "\(path):\(entry.line)", reason: error.description)
            }
        }
        return records
    }

    public func record(_ entry: LabelFileEntry) throws(AnnotationError) -> AnnotationRecord {
        try records(CollectionOfOne(entry))[0]
    }

    @inline(__always)
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line where byte != 0x20 && byte != 0x09 { return false }
        return true
    }

    /// Checks one line and extracts the entry fields. Required keys must be present with the
    /// right kind of value; `id` must be 16 hex digits and `time` a timestamp.
    static func scanEntry(_ line: UnsafeBufferPointer<UInt8>, labels: inout LabelInterner) -> Result<
        LabelFileEntry, LabelLineError
    > {
        var id: SentenceID?
        var label: Int32?
        var adjudicated = false
        var flagged = false
        var seen: UInt16 = 0
        var problem: LabelLineError?
        typealias Scanner = JSONObjectScanner
        do {
            try Scanner.scan(line) { (member) throws(Scanner.Failure) in
                let k = member.key
                func need(_ ok: Bool, _ key: String, _ expected: String) throws(Scanner.Failure) {
                    if !ok {
                        problem = .wrongType(key: key, expected: expected)
                        throw .malformed(offset: member.value.lowerBound)
                    }
                }
                let isString: Bool
                if case .string = member.kind { isString = true } else { isString = false }
                switch k.count {
                case 2 where Scanner.key(line, k, is: "id"):
                    try need(isString, "id", "a string")
                    id = SentenceID(utf8: UnsafeBufferPointer(rebasing: line[member.value]))
                    if id == nil {
                        problem = .badID(
                            String(decoding: UnsafeBufferPointer(rebasing: line[member.value]), as: UTF8.self))
                        throw .malformed(offset: member.value.lowerBound)
                    }
                    seen |= 1 << 0
                case 3 where Scanner.key(line, k, is: "doc"):
                    try need(isString, "doc", "a string")
                    seen |= 1 << 1
                case 5 where Scanner.key(line, k, is: "index"):
                    try need(member.kind == .number, "index", "an integer")
                    seen |= 1 << 2
                case 5 where Scanner.key(line, k, is: "start"):
                    try need(member.kind == .number, "start", "an integer")
                    seen |= 1 << 3
                case 3 where Scanner.key(line, k, is: "end"):
                    try need(member.kind == .number, "end", "an integer")
                    seen |= 1 << 4
                case 4 where Scanner.key(line, k, is: "text"):
                    try need(isString, "text", "a string")
                    seen |= 1 << 5
                case 5 where Scanner.key(line, k, is: "label"):
                    if member.kind == .null {
                        label = -1
                    } else if case .string(let escapes) = member.kind {
                        guard
                            let index = labels.index(
                                UnsafeBufferPointer(rebasing: line[member.value]), hasEscapes: escapes)
                        else {
                            problem = .wrongType(key: "label", expected: "a valid string")
                            throw .malformed(offset: member.value.lowerBound)
                        }
                        label = index
                    } else {
                        try need(false, "label", "a string or null")
                    }
                    seen |= 1 << 6
                case 9 where Scanner.key(line, k, is: "annotator"):
                    try need(isString, "annotator", "a string")
                    seen |= 1 << 7
                case 4 where Scanner.key(line, k, is: "time"):
                    try need(isString, "time", "a string")
                    // A line whose full record cannot be read (`records(_:)`) must not count.
                    let raw = UnsafeBufferPointer(rebasing: line[member.value])
                    let valid: Bool
                    if case .string(hasEscapes: true) = member.kind {
                        valid = JSONStringScanner.decode(raw, hasEscapes: true).flatMap { Timestamp($0) } != nil
                    } else {
                        valid = Timestamp(utf8: raw) != nil
                    }
                    if !valid {
                        problem = .badTime(String(decoding: raw, as: UTF8.self))
                        throw .malformed(offset: member.value.lowerBound)
                    }
                    seen |= 1 << 8
                case 11 where Scanner.key(line, k, is: "adjudicated"):
                    adjudicated = member.kind == .true
                case 4 where Scanner.key(line, k, is: "flag"):
                    flagged = member.kind == .true
                default:
                    break
                }
            }
        } catch {
            return .failure(problem ?? .structure(error))
        }
        if seen != 0x1FF {
            let names = ["id", "doc", "index", "start", "end", "text", "label", "annotator", "time"]
            let missing = names.indices.first { seen & (1 << $0) == 0 }!
            return .failure(.missingKey(names[missing]))
        }
        return .success(
            LabelFileEntry(
                id: id!, label: label!, adjudicated: adjudicated, flagged: flagged, line: 0, offset: 0, length: 0))
    }
}

/// Maps label bytes to small integers without making a String for labels seen before.
struct LabelInterner {
    private(set) var names: [String] = []
    private var raw: [[UInt8]] = []

    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>, hasEscapes: Bool) -> Int32? {
        if !hasEscapes {
            for (i, known) in raw.enumerated() where known.count == bytes.count {
                if bytes.isEmpty
                    || known.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
                {
                    return Int32(i)
                }
            }
        }
        guard let name = JSONStringScanner.decode(bytes, hasEscapes: hasEscapes) else { return nil }
        if let existing = names.firstIndex(of: name) { return Int32(existing) }
        names.append(name)
        raw.append(Array(name.utf8))
        return Int32(names.count - 1)
    }
}
