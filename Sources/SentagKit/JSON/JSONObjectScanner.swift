/// Walks the top-level members of one JSON object without building a tree.
///
/// The label files hold millions of one-line objects, and most readers need three or four of
/// their fields. This scanner checks the object's structure (quoted keys, colons, commas, the
/// closing brace, balanced nested values, complete strings and literals) and hands each member to
/// the caller as byte ranges; decoding is left to the caller and done only for the fields it
/// wants. A truncated line (a crash mid-write) fails the structure check.
public enum JSONObjectScanner {
    public enum ValueKind: Equatable, Sendable {
        /// `range` is the string body without its quotes.
        case string(hasEscapes: Bool)
        case number
        case `true`, `false`, null
        case object, array
    }

    public struct Member: Sendable {
        /// The key body without quotes (escapes not decoded; keys here are plain ASCII).
        public var key: Range<Int>
        public var kind: ValueKind
        /// The value's bytes; for strings, the body without quotes.
        public var value: Range<Int>
    }

    public enum Failure: Error, Equatable, Sendable {
        case notAnObject
        case truncated
        case malformed(offset: Int)

        public var reason: String {
            switch self {
            case .notAnObject: "not a JSON object"
            case .truncated: "truncated (the line ends inside the object)"
            case .malformed(let offset): "not valid JSON (at byte \(offset + 1))"
            }
        }
    }

    /// Calls `visit` for each top-level member, in order.
    ///
    /// Throws when the line is not one complete object (white space around it allowed).
    @inline(__always)
    public static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Member) throws(Failure) -> Void
    ) throws(Failure) {
        var i = 0
        let n = bytes.count
        @inline(__always) func skipSpace() {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
        }
        skipSpace()
        guard i < n, bytes[i] == UInt8(ascii: "{") else {
            throw i < n ? .notAnObject : .truncated
        }
        i += 1
        skipSpace()
        if i < n, bytes[i] == UInt8(ascii: "}") {
            i += 1
            skipSpace()
            guard i == n else { throw .malformed(offset: i) }
            return
        }
        while true {
            skipSpace()
            guard i < n else { throw .truncated }
            guard bytes[i] == UInt8(ascii: "\"") else { throw .malformed(offset: i) }
            guard let (keyEnd, _) = JSONStringScanner.findEnd(bytes, from: i + 1) else { throw .truncated }
            let key = (i + 1)..<keyEnd
            i = keyEnd + 1
            skipSpace()
            guard i < n else { throw .truncated }
            guard bytes[i] == UInt8(ascii: ":") else { throw .malformed(offset: i) }
            i += 1
            skipSpace()
            guard i < n else { throw .truncated }
            let kind: ValueKind
            let value: Range<Int>
            switch bytes[i] {
            case UInt8(ascii: "\""):
                guard let (end, escapes) = JSONStringScanner.findEnd(bytes, from: i + 1) else { throw .truncated }
                kind = .string(hasEscapes: escapes)
                value = (i + 1)..<end
                i = end + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let start = i
                kind = bytes[i] == UInt8(ascii: "{") ? .object : .array
                i = try skipNested(bytes, from: i)
                value = start..<i
            case UInt8(ascii: "t"):
                try expect(bytes, &i, "true")
                kind = .true
                value = (i - 4)..<i
            case UInt8(ascii: "f"):
                try expect(bytes, &i, "false")
                kind = .false
                value = (i - 5)..<i
            case UInt8(ascii: "n"):
                try expect(bytes, &i, "null")
                kind = .null
                value = (i - 4)..<i
            case UInt8(ascii: "-"), 0x30...0x39:
                let start = i
                i += 1
                while i < n {
                    let b = bytes[i]
                    if (0x30...0x39).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
                        || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
                    {
                        i += 1
                    } else {
                        break
                    }
                }
                kind = .number
                value = start..<i
            default:
                throw .malformed(offset: i)
            }
            try visit(Member(key: key, kind: kind, value: value))
            skipSpace()
            guard i < n else { throw .truncated }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "}") else { throw .malformed(offset: i) }
            i += 1
            skipSpace()
            guard i == n else { throw .malformed(offset: i) }
            return
        }
    }

    @inline(__always)
    private static func expect(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ literal: StaticString)
        throws(Failure)
    {
        let count = literal.utf8CodeUnitCount
        let available = min(count, bytes.count - i)
        for k in 0..<available where bytes[i + k] != literal.utf8Start[k] {
            throw .malformed(offset: i + k)
        }
        guard available == count else { throw .truncated }
        i += count
    }

    /// The index just past the object or array opening at `from`.
    private static func skipNested(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) throws(Failure) -> Int {
        var depth = 0
        var i = from
        let n = bytes.count
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                guard let (end, _) = JSONStringScanner.findEnd(bytes, from: i + 1) else { throw .truncated }
                i = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default:
                break
            }
            i += 1
        }
        throw .truncated
    }

    /// True when the key bytes equal `name` (an ASCII literal).
    @inline(__always)
    public static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, is name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard range.count == count else { return false }
        let start = name.utf8Start
        for k in 0..<count where bytes[range.lowerBound + k] != start[k] { return false }
        return true
    }

    /// Parses a JSON integer value (no fraction or exponent).
    @inline(__always)
    public static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        var negative = false
        if i < range.upperBound, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard i < range.upperBound, range.upperBound - i <= 18 else { return nil }
        var value = 0
        while i < range.upperBound {
            let b = bytes[i]
            guard (0x30...0x39).contains(b) else { return nil }
            value = value * 10 + Int(b - 0x30)
            i += 1
        }
        return negative ? -value : value
    }
}
