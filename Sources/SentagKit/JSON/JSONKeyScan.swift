#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One pass over a small JSON document for what `JSONDecoder` does not say: where a syntax
/// error is, and a key given twice in one object (FoundationEssentials' decoder keeps the first
/// silently, other readers the last, so the file means different things to different tools).
///
/// Hand-written because neither the decoder nor `Decodable` exposes positions or repeated keys;
/// it builds no values and only locates: strings, nesting, commas and colons are checked, a
/// scalar must be `true`, `false`, `null` or a JSON number. `JSONDecoder` stays the judge of
/// everything else (escapes in values, UTF-8), so a document this scan passes may still be
/// refused by it, without a position. For hand-edited files such as `labels.json`.
public struct JSONKeyScan {
    /// A step of the way to a value: an object's key or an array's index (from 0).
    public enum PathComponent: Equatable, Sendable {
        case key(String)
        case index(Int)
    }

    /// What the scan found.
    public enum Finding: Equatable, Sendable {
        /// `line` and `column` count from 1; `column` in characters.
        case syntaxError(line: Int, column: Int, reason: String)
        /// `path` leads to the object that holds `key` twice.
        case repeatedKey(path: [PathComponent], key: String)
    }

    /// Deeper than this is refused rather than recursed into (a hostile `[[[[…`).
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var offset = 0
    private var path: [PathComponent] = []

    private struct Stop: Error {
        var finding: Finding
    }

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The first problem in `bytes`, or nil.
    public static func scan(_ bytes: [UInt8]) -> Finding? {
        var scan = JSONKeyScan(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scan.offset = 3 }  // a UTF-8 byte order mark
        let outcome = Result { () throws(Stop) in
            try scan.value(depth: 0)
            scan.skipSpace()
            if scan.offset < bytes.count { throw scan.failure("more text after the end of the document") }
        }
        guard case .failure(let stop) = outcome else { return nil }
        return stop.finding
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
    }

    private mutating func value(depth: Int) throws(Stop) {
        skipSpace()
        guard let byte = current else { throw failure("the document ends where a value should be") }
        if (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")) && depth >= Self.maximumDepth {
            throw failure("nested more than \(Self.maximumDepth) levels deep")
        }
        switch byte {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): _ = try string()
        default: try scalar()
        }
    }

    private mutating func object(depth: Int) throws(Stop) {
        offset += 1
        var keys: Set<String> = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let key = try string()
            if !keys.insert(key).inserted { throw Stop(finding: .repeatedKey(path: path, key: key)) }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key \"\(key)\"") }
            offset += 1
            path.append(.key(key))
            try value(depth: depth)
            path.removeLast()
            skipSpace()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return
            default: throw failure("expected ',' or '}' after the value of \"\(key)\"")
            }
        }
    }

    private mutating func array(depth: Int) throws(Stop) {
        offset += 1
        skipSpace()
        if current == UInt8(ascii: "]") {
            offset += 1
            return
        }
        var index = 0
        while true {
            path.append(.index(index))
            try value(depth: depth)
            path.removeLast()
            skipSpace()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return
            default: throw failure("expected ',' or ']' after an element")
            }
            index += 1
        }
    }

    /// A string literal; its text, escapes decoded.
    private mutating func string() throws(Stop) -> String {
        let start = offset
        offset += 1
        var escaped = false
        while true {
            guard let byte = current else {
                offset = start
                throw failure("a string that never ends")
            }
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw failure("a control character inside a string; write it as an escape (\\n, \\t)") }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                offset += 1
            }
            offset += 1
        }
        offset += 1
        let literal = bytes[start..<offset]
        guard escaped else { return String(decoding: literal.dropFirst().dropLast(), as: UTF8.self) }
        guard let text = try? JSONDecoder().decode(String.self, from: Data(literal)) else {
            offset = start
            throw failure("a bad escape in a string")
        }
        return text
    }

    private mutating func scalar() throws(Stop) {
        let start = offset
        while let byte = current, Self.isScalarByte(byte) { offset += 1 }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard ["true", "false", "null"].contains(text) || Self.isNumber(text) else {
            offset = start
            if text.isEmpty, let byte = current {
                let shown = byte < 0x80 ? String(UnicodeScalar(byte)) : "non-ASCII text"
                throw failure("unexpected '\(shown)'")
            }
            throw failure("'\(text)' is not a value (strings need double quotes)")
        }
    }

    private static func isScalarByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default: false
        }
    }

    /// Whether `text` is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        func digits() -> Int {
            let count = rest.prefix(while: { $0.isASCII && $0.isNumber }).count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == "-" { rest = rest.dropFirst() }
        if rest.first == "0" {
            rest = rest.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if rest.first == "." {
            rest = rest.dropFirst()
            if digits() == 0 { return false }
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            if digits() == 0 { return false }
        }
        return rest.isEmpty
    }

    /// A syntax error at the current offset, with its line and column.
    private func failure(_ reason: String) -> Stop {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<before.endIndex], as: UTF8.self).count + 1
        return Stop(finding: .syntaxError(line: line, column: column, reason: reason))
    }
}
