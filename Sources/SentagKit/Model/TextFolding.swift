/// Folds a sentence to the bytes the model reads: lowercase, one space for any run of white
/// space, dashes as `-`, `…` as `...`, and each kind of quotation mark as one control byte.
///
/// Quotation marks stay apart in the folded text because where they open and close matters;
/// `QuotationScan` reads them, and `quotesAsASCII` turns them into `"` and `'` for n-grams and
/// duplicate keys. ASCII is folded byte by byte; other scalars are decoded and go through
/// Unicode's lowercase mapping. White space at both ends is dropped. Folding also counts the
/// capitals of the original text, which the lowercase result no longer shows.
enum TextFolding {
    /// Opening double quotation marks: `“ „ «`.
    static let openingDouble: UInt8 = 0x01
    /// Closing double quotation marks: `” » ‟`.
    static let closingDouble: UInt8 = 0x02
    /// The straight double quotation mark: `"`.
    static let straightDouble: UInt8 = 0x03
    /// Opening single quotation marks: `‘ ‛`.
    static let openingSingle: UInt8 = 0x04
    /// The closing single quotation mark `’`, also an apostrophe.
    static let closingSingle: UInt8 = 0x05
    /// The straight single quotation mark `'`, also an apostrophe.
    static let straightSingle: UInt8 = 0x06

    /// Letter case in the original text (ASCII letters only).
    struct CaseCounts {
        var uppercase = 0
        var lowercase = 0
        /// Words (runs of letters) and those that start with a capital.
        var words = 0
        var capitalisedWords = 0
        /// The first letter or digit: 1 uppercase, 2 lowercase, 3 digit, 0 none.
        var firstKind: UInt8 = 0
    }

    /// Appends the folded bytes of `text` to `out` (which is not cleared) and returns its case counts.
    @discardableResult
    static func fold(_ text: String, into out: inout [UInt8]) -> CaseCounts {
        var text = text
        return text.withUTF8 { fold(utf8: $0, into: &out) }
    }

    static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> CaseCounts {
        // Every scalar folds to at most as many bytes as it has, but for a lowercase mapping that
        // grows (İ → i̇), and one space may precede it: twice the input is always room enough.
        let startCount = out.count
        let capacity = bytes.count * 2 + 8
        var counts = CaseCounts()
        out.append(contentsOf: repeatElement(0, count: capacity))
        var written = 0
        out.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { preconditionFailure("`out` was just given 8 bytes or more") }
            let target = start + startCount
            counts = fold(utf8: bytes, into: target, written: &written)
        }
        out.removeLast(capacity - written)
        return counts
    }

    private static func fold(
        utf8 bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, written: inout Int
    ) -> CaseCounts {
        var counts = CaseCounts()
        var pendingSpace = false
        var inWord = false
        var length = 0
        @inline(__always) func emit(_ byte: UInt8) {
            if pendingSpace {
                if length > 0 {
                    out[length] = 0x20
                    length += 1
                }
                pendingSpace = false
            }
            out[length] = byte
            length += 1
        }
        defer { written = length }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x41...0x5A:
                    counts.uppercase += 1
                    if !inWord {
                        counts.words += 1
                        counts.capitalisedWords += 1
                    }
                    if counts.firstKind == 0 { counts.firstKind = 1 }
                    inWord = true
                    emit(byte | 0x20)
                    continue
                case 0x61...0x7A:
                    counts.lowercase += 1
                    if !inWord { counts.words += 1 }
                    if counts.firstKind == 0 { counts.firstKind = 2 }
                    inWord = true
                    emit(byte)
                    continue
                case 0x30...0x39:
                    if counts.firstKind == 0 { counts.firstKind = 3 }
                    emit(byte)
                case 0x20, 0x09...0x0D: pendingSpace = true
                case 0x22: emit(straightDouble)
                case 0x27:
                    emit(straightSingle)
                    continue
                case 0x00...0x1F, 0x7F: pendingSpace = true
                default: emit(byte)
                }
                inWord = false
                continue
            }
            // Decode one multi-byte scalar (invalid bytes cannot occur in a String).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            let scalarBytes = UnsafeBufferPointer(rebasing: bytes[index..<min(index + length, count)])
            index += length
            switch value {
            case 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
                pendingSpace = true
                inWord = false
            case 0x201C, 0x201E, 0xAB:
                emit(openingDouble)
                inWord = false
            case 0x201D, 0xBB, 0x201F:
                emit(closingDouble)
                inWord = false
            case 0x2018, 0x201B:
                emit(openingSingle)
                inWord = false
            case 0x2019: emit(closingSingle)
            case 0x2010...0x2015, 0x2212:
                emit(0x2D)
                inWord = false
            case 0x2026:
                emit(0x2E)
                emit(0x2E)
                emit(0x2E)
                inWord = false
            default:
                if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased,
                    case let lower = scalar.properties.lowercaseMapping.utf8, lower.count <= 2 * scalarBytes.count
                {
                    for lowerByte in lower { emit(lowerByte) }
                } else {
                    for scalarByte in scalarBytes { emit(scalarByte) }
                }
            }
        }
        return counts
    }

    /// The folded text of `text` as a new array.
    static func folded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(text, into: &out)
        return out
    }

    /// The byte a folded byte reads as in n-grams and duplicate keys: double marks as `"`, single ones as `'`.
    @inline(__always)
    static func quotesAsASCII(_ byte: UInt8) -> UInt8 {
        switch byte {
        case openingDouble, closingDouble, straightDouble: 0x22
        case openingSingle, closingSingle, straightSingle: 0x27
        default: byte
        }
    }

    /// Letters and digits (any byte of a non-ASCII scalar counts as a letter).
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    @inline(__always)
    static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
