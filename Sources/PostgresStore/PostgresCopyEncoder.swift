/// Rows in the text format of `COPY … FROM STDIN`: columns separated by tabs, one row per line,
/// `\N` for NULL, and backslash, tab, newline and carriage return escaped with a backslash.
struct PostgresCopyEncoder {
    var bytes: [UInt8] = []

    mutating func append(_ row: [String?]) {
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\t")) }
            guard var value else {
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            value.withUTF8 { appendField($0) }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends one value's bytes, escaped; the caller writes the tabs and the newline.
    mutating func appendField(_ value: UnsafeBufferPointer<UInt8>) {
        for byte in value {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: bytes.append(byte)
            }
        }
    }

    /// Appends plain bytes that need no escaping (digits, a name checked to hold none of the
    /// escaped bytes) or a separator.
    mutating func appendRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
