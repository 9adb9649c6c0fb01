#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads back `doc`, `index` and `text` of chosen lines of a label file, in file order.
///
/// The exporter decides from `LabelFileIndex` entries alone and needs the full record only of
/// the kept items. Reading each of those with its own `pread` and decoding the whole record
/// (every key, the timestamp, the extras) cost more than the rest of an export; here the chosen
/// lines are fetched with few large `pread`s (each covering as many of the next chosen lines as
/// fit in a 1 MB window, so a dense selection reads the file nearly sequentially and a sparse one
/// reads little more than the lines) and only the three fields are decoded. Consecutive lines of
/// the same document share one `String` for the document id.
struct SentenceFieldReader {
    /// The fields the exporter writes.
    struct Fields {
        /// Position in `DocumentTable.names`.
        var document: Int32
        var index: Int
        var text: String
    }

    /// Document ids seen so far, numbered in order of first appearance.
    struct DocumentTable {
        private(set) var names: [String] = []
        private var numbers: [String: Int32] = [:]
        private var lastRaw: [UInt8] = []
        private var lastNumber: Int32 = -1

        /// The number of the document whose id is the JSON string body `raw`.
        mutating func number(raw: UnsafeBufferPointer<UInt8>, hasEscapes: Bool) -> Int32? {
            if lastNumber >= 0, raw.count == lastRaw.count,
                lastRaw.withUnsafeBufferPointer({
                    raw.isEmpty || memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0
                })
            {
                return lastNumber
            }
            guard let name = JSONStringScanner.decode(raw, hasEscapes: hasEscapes) else { return nil }
            let number: Int32
            if let known = numbers[name] {
                number = known
            } else {
                number = Int32(names.count)
                numbers[name] = number
                names.append(name)
            }
            lastRaw = Array(raw)
            lastNumber = number
            return number
        }
    }

    static let window = 1 << 20

    /// The fields of `index.entries[p]` for each `p` of `positions` (ascending), in that order.
    static func read(
        _ index: LabelFileIndex, positions: [Int32], documents: inout DocumentTable
    ) throws(AnnotationError) -> [Fields] {
        let fd = open(index.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: index.path, reason: FileSystem.describe(errno: errno)) }
        defer { FileSystem.closeDescriptor(fd) }
        var result: [Fields] = []
        result.reserveCapacity(positions.count)
        var buffer = [UInt8](repeating: 0, count: window)
        var windowStart: Int64 = 0
        var windowCount = 0
        try index.entries.withUnsafeBufferPointer { (entries) throws(AnnotationError) in
            var i = 0
            while i < positions.count {
                let entry = entries[Int(positions[i])]
                let length = Int(entry.length)
                if entry.offset < windowStart || entry.offset + Int64(length) > windowStart + Int64(windowCount) {
                    var end = entry.offset + Int64(length)
                    var j = i + 1
                    while j < positions.count {
                        let next = entries[Int(positions[j])]
                        let nextEnd = next.offset + Int64(next.length)
                        if nextEnd - entry.offset > Int64(window) || next.offset < entry.offset { break }
                        end = max(end, nextEnd)
                        j += 1
                    }
                    let count = Int(end - entry.offset)
                    if count > buffer.count { buffer = [UInt8](repeating: 0, count: count) }
                    try fill(&buffer, count: count, fd: fd, offset: entry.offset, path: index.path)
                    windowStart = entry.offset
                    windowCount = count
                }
                let start = Int(entry.offset - windowStart)
                let fields = try buffer.withUnsafeBufferPointer { (all) throws(AnnotationError) -> Fields in
                    let line = UnsafeBufferPointer(rebasing: all[start..<(start + length)])
                    guard let fields = parse(line, documents: &documents) else {
                        throw .unreadable(
                            path: "\(index.path):\(entry.line)",
                            reason: "the line changed since it was read (no valid doc, index and text)")
                    }
                    return fields
                }
                result.append(fields)
                i += 1
            }
        }
        return result
    }

    private static func fill(
        _ buffer: inout [UInt8], count: Int, fd: Int32, offset: Int64, path: String
    ) throws(AnnotationError) {
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw .unreadable(
                    path: path, reason: n < 0 ? FileSystem.describe(errno: errno) : "the file got shorter")
            }
            done += n
        }
    }

    /// `doc`, `index` and `text` of one label-file line; nil when one is missing or malformed.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, documents: inout DocumentTable) -> Fields? {
        var document: Int32?
        var position: Int?
        var textRange: Range<Int>?
        var textEscapes = false
        do {
            try JSONObjectScanner.scan(line) { (member) throws(JSONObjectScanner.Failure) in
                switch member.key.count {
                case 3 where JSONObjectScanner.key(line, member.key, is: "doc"):
                    guard case .string(let escapes) = member.kind else {
                        throw .malformed(offset: member.value.lowerBound)
                    }
                    document = documents.number(
                        raw: UnsafeBufferPointer(rebasing: line[member.value]), hasEscapes: escapes)
                case 5 where JSONObjectScanner.key(line, member.key, is: "index"):
                    guard member.kind == .number else { throw .malformed(offset: member.value.lowerBound) }
                    position = JSONObjectScanner.integer(line, member.value)
                case 4 where JSONObjectScanner.key(line, member.key, is: "text"):
                    guard case .string(let escapes) = member.kind else {
                        throw .malformed(offset: member.value.lowerBound)
                    }
                    textRange = member.value
                    textEscapes = escapes
                default:
                    break
                }
            }
        } catch {
            return nil
        }
        guard let document, let position, let textRange,
            let text = JSONStringScanner.decode(UnsafeBufferPointer(rebasing: line[textRange]), hasEscapes: textEscapes)
        else { return nil }
        return Fields(document: document, index: position, text: text)
    }
}
