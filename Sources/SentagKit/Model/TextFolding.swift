/// Folds a sentence to the bytes the model reads: lowercase, one space for any run of white
/// space, dashes as `-`, `…` as `...`, and each kind of quotation mark as one control byte.
///
/// Quotation marks stay apart in the folded text because where they open and close matters;
/// `QuotationScan` reads them, and `quotesAsASCII` turns them into `"` and `'` for n-grams and
/// duplicate keys. ASCII is folded byte by byte; other scalars go through Unicode's lowercase
/// mapping. White space at both ends is dropped.
enum TextFolding {
    /// `“ „ «`
    static let openingDouble: UInt8 = 0x01
    /// `” »`
    static let closingDouble: UInt8 = 0x02
    /// `"`
    static let straightDouble: UInt8 = 0x03
    /// `‘ ‛`
    static let openingSingle: UInt8 = 0x04
    /// `’` (also an apostrophe)
    static let closingSingle: UInt8 = 0x05
    /// `'` (also an apostrophe)
    static let straightSingle: UInt8 = 0x06

    /// Appends the folded bytes of `text` to `out` (which is not cleared).
    static func fold(_ text: String, into out: inout [UInt8]) {
        var pendingSpace = false
        let startCount = out.count
        @inline(__always) func emit(_ byte: UInt8) {
            if pendingSpace {
                if out.count > startCount { out.append(0x20) }
                pendingSpace = false
            }
            out.append(byte)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(truncatingIfNeeded: value)
                switch byte {
                case 0x41...0x5A: emit(byte | 0x20)
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: pendingSpace = true
                case 0x22: emit(straightDouble)
                case 0x27: emit(straightSingle)
                case 0x00...0x1F, 0x7F: pendingSpace = true
                default: emit(byte)
                }
                continue
            }
            switch value {
            case 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: pendingSpace = true
            case 0x201C, 0x201E, 0xAB: emit(openingDouble)
            case 0x201D, 0xBB, 0x201F: emit(closingDouble)
            case 0x2018, 0x201B: emit(openingSingle)
            case 0x2019: emit(closingSingle)
            case 0x2010...0x2015, 0x2212: emit(0x2D)
            case 0x2026:
                emit(0x2E)
                out.append(0x2E)
                out.append(0x2E)
            default:
                if scalar.properties.changesWhenLowercased {
                    for lower in scalar.properties.lowercaseMapping.utf8 { emit(lower) }
                } else {
                    for byte in UTF8.encode(scalar)! { emit(byte) }
                }
            }
        }
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
