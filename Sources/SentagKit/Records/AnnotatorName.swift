/// Who made a decision: `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
///
/// The name becomes a file name (`<annotations>/<name>.jsonl`), so anything else — a slash, a
/// leading dot, white space — is refused before any file is touched.
public enum AnnotatorName {
    public static func isValid(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { isValid(utf8: $0) }
    }

    /// `isValid` on UTF-8 bytes (a journal field), without making a `String`.
    public static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (1...64).contains(bytes.count) else { return false }
        for (i, byte) in bytes.enumerated() {
            let alnum = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if alnum { continue }
            if i > 0 && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")) {
                continue
            }
            return false
        }
        return true
    }

    /// Throws `StoreError.badAnnotatorName` unless the name is valid.
    public static func validate(_ name: String) throws(StoreError) -> String {
        guard isValid(name) else { throw .badAnnotatorName(name) }
        return name
    }
}
