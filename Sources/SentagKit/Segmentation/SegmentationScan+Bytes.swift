/// Character classes the segmenter needs, read straight from UTF-8 bytes.
///
/// Every function takes a byte index and a `limit` it must not read past, and answers with a
/// byte length (0: not that class), so callers step over multi-byte characters without decoding.
extension SegmentationScan {
    /// Bytes that may start something the line scan must look at, as a 256-entry table (1: look):
    /// a line break (LF VT FF CR, and the lead bytes of NEL, LS, PS), a terminator (`.` `?` `!`,
    /// and the lead bytes of `…`, `。`, `．`, `？`, `！`), an opening bracket (`(` `[`) or a list
    /// bullet inside a line.
    ///
    /// A table lookup keeps the scan loop free of data-dependent branches.
    static let bytesThatMayMatter: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x0A...0x0D, 0x21, 0x28, 0x2E, 0x3F, 0x5B, 0xC2, 0xE2, 0xE3, 0xEF: 1
        default: 0
        }
    }

    /// A line break at `index`: LF, VT, FF, CR (CRLF counts as one), NEL, U+2028, U+2029.
    @inline(__always)
    func lineBreakLength(at index: Int) -> Int {
        let byte = base[index]
        if byte &- 0x0A < 4 {
            return byte == 0x0D && index + 1 < count && base[index + 1] == 0x0A ? 2 : 1
        }
        if byte == 0xC2 { return index + 1 < count && base[index + 1] == 0x85 ? 2 : 0 }
        if byte == 0xE2, index + 2 < count, base[index + 1] == 0x80, base[index + 2] & 0xFE == 0xA8 { return 3 }
        return 0
    }

    /// White space inside a line at `index`: space, tab, NBSP, the Unicode spaces U+1680,
    /// U+2000–U+200A, U+202F, U+205F, U+3000, and the invisible U+200B, U+2060, U+FEFF (BOM).
    @inline(__always)
    func spaceLength(at index: Int, limit: Int) -> Int {
        let byte = base[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte < 0xC2 { return 0 }
        if byte == 0xC2 { return index + 1 < limit && base[index + 1] == 0xA0 ? 2 : 0 }
        guard index + 2 < limit else { return 0 }
        let second = base[index + 1]
        let third = base[index + 2]
        switch byte {
        case 0xE2:
            if second == 0x80 { return third <= 0x8B || third == 0xAF ? 3 : 0 }
            return second == 0x81 && (third == 0x9F || third == 0xA0) ? 3 : 0
        case 0xE3: return second == 0x80 && third == 0x80 ? 3 : 0
        case 0xEF: return second == 0xBB && third == 0xBF ? 3 : 0
        case 0xE1: return second == 0x9A && third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// White space (as `spaceLength(at:limit:)`) that ends just before `end`, not before `floor`.
    @inline(__always)
    func spaceLength(endingAt end: Int, floor: Int) -> Int {
        guard end > floor else { return 0 }
        let last = base[end - 1]
        if last == 0x20 || last == 0x09 { return 1 }
        if last < 0x80 { return 0 }
        if end - 2 >= floor, last == 0xA0, base[end - 2] == 0xC2 { return 2 }
        if end - 3 >= floor, spaceLength(at: end - 3, limit: end) == 3 { return 3 }
        return 0
    }

    /// A list bullet at `index`: `•` `·` `‣` `⁃` `◦` `▪` `▫` `●` `○` `■` `□` `►` `▸` `➢` `➤` `∙` `⦁`
    /// and Word's private-use bullets U+F0A7, U+F0B7; `-` and `*` only when white space or the
    /// end of the line follows (so `-5` and `*Note` are not bullets).
    ///
    /// Returns the bullet's length and its scalar value. Every one of them opens a list item for the
    /// rules; only SPEC's own (`isOutsideSentence`) is left out of the sentence's text.
    func bullet(at index: Int, limit: Int) -> (length: Int, scalar: UInt32) {
        let byte = base[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") {
            let next = index + 1
            if next >= limit || lineBreakLength(at: next) > 0 || spaceLength(at: next, limit: limit) > 0 {
                return (1, UInt32(byte))
            }
            return (0, 0)
        }
        if byte == 0xC2 { return index + 1 < limit && base[index + 1] == 0xB7 ? (2, 0xB7) : (0, 0) }
        guard byte >= 0xE2, byte <= 0xEF, index + 2 < limit else { return (0, 0) }
        let scalar = UInt32(byte & 0x0F) << 12 | UInt32(base[index + 1] & 0x3F) << 6 | UInt32(base[index + 2] & 0x3F)
        switch scalar {
        case 0x2022, 0x2023, 0x2043, 0x25E6, 0x25AA, 0x25AB, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25BA, 0x25B8,
            0x27A2, 0x27A4, 0x2219, 0x2981, 0xF0A7, 0xF0B7:
            return (3, scalar)
        default:
            return (0, 0)
        }
    }

    /// SPEC.md's bullets (`•`, `*`, `-`, `·`): opening a line, they are not part of the sentence.
    ///
    /// The other glyphs stay in the text (the Golden Rules keep `⁃9. The first item` whole).
    @inline(__always)
    static func isOutsideSentence(bullet scalar: UInt32) -> Bool {
        scalar == 0x2022 || scalar == 0xB7 || scalar == 0x2D || scalar == 0x2A
    }

    /// A closing quote or bracket at `index`: `"` `'` `)` `]` `}` `»` `”` `’` `›` `」` `』`.
    @inline(__always)
    func closerLength(at index: Int, limit: Int) -> Int {
        let byte = base[index]
        switch byte {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return 1
        case 0xC2: return index + 1 < limit && base[index + 1] == 0xBB ? 2 : 0
        case 0xE2:
            guard index + 2 < limit, base[index + 1] == 0x80 else { return 0 }
            let third = base[index + 2]
            return third == 0x9D || third == 0x99 || third == 0xBA ? 3 : 0
        case 0xE3:
            guard index + 2 < limit, base[index + 1] == 0x80 else { return 0 }
            return base[index + 2] == 0x8D || base[index + 2] == 0x8F ? 3 : 0
        default: return 0
        }
    }

    /// A closing quote or bracket that ends just before `end`, not before `floor`.
    @inline(__always)
    func closerLength(endingAt end: Int, floor: Int) -> Int {
        guard end > floor else { return 0 }
        let last = base[end - 1]
        if last < 0x80 { return closerLength(at: end - 1, limit: end) }
        if end - 2 >= floor, closerLength(at: end - 2, limit: end) == 2 { return 2 }
        if end - 3 >= floor, closerLength(at: end - 3, limit: end) == 3 { return 3 }
        return 0
    }

    /// An opening quote or bracket at `index`: `"` `'` `` ` `` `(` `[` `{` `«` `¿` `¡` `“` `‘` `„`
    /// `‚` `‹` `「` `『`.
    ///
    /// `isBracket` tells brackets from quotes.
    @inline(__always)
    func opener(at index: Int, limit: Int) -> (length: Int, isBracket: Bool) {
        let byte = base[index]
        switch byte {
        case 0x22, 0x27, 0x60: return (1, false)
        case 0x28, 0x5B, 0x7B: return (1, true)
        case 0xC2:
            guard index + 1 < limit else { return (0, false) }
            let second = base[index + 1]
            return second == 0xAB || second == 0xBF || second == 0xA1 ? (2, false) : (0, false)
        case 0xE2:
            guard index + 2 < limit, base[index + 1] == 0x80 else { return (0, false) }
            let third = base[index + 2]
            return third == 0x9C || third == 0x98 || third == 0x9E || third == 0x9A || third == 0xB9
                ? (3, false) : (0, false)
        case 0xE3:
            guard index + 2 < limit, base[index + 1] == 0x80 else { return (0, false) }
            return base[index + 2] == 0x8C || base[index + 2] == 0x8E ? (3, false) : (0, false)
        default: return (0, false)
        }
    }

    /// A terminator of CJK text at `index`: `。` `．` `！` `？` `｡`.
    ///
    /// They end a sentence whether or not a space follows.
    @inline(__always)
    func ideographicTerminatorLength(at index: Int, limit: Int) -> Int {
        guard index + 2 < limit else { return 0 }
        let byte = base[index]
        let second = base[index + 1]
        let third = base[index + 2]
        if byte == 0xE3 { return second == 0x80 && third == 0x82 ? 3 : 0 }
        if byte == 0xEF {
            if second == 0xBC { return third == 0x8E || third == 0x81 || third == 0x9F ? 3 : 0 }
            return second == 0xBD && third == 0xA1 ? 3 : 0
        }
        return 0
    }

    /// `…` (U+2026) at `index`.
    @inline(__always)
    func isEllipsisCharacter(at index: Int, limit: Int) -> Bool {
        index + 2 < limit && base[index] == 0xE2 && base[index + 1] == 0x80 && base[index + 2] == 0xA6
    }

    /// The Unicode scalar at `index` and its length in bytes (U+FFFD for a stray byte, which
    /// valid UTF-8 never has).
    @inline(__always)
    func scalar(at index: Int, limit: Int) -> (value: Unicode.Scalar, length: Int) {
        let byte = base[index]
        if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
        var length = 0
        var value: UInt32 = 0
        if byte >= 0xF0 {
            length = 4
            value = UInt32(byte & 0x07)
        } else if byte >= 0xE0 {
            length = 3
            value = UInt32(byte & 0x0F)
        } else if byte >= 0xC0 {
            length = 2
            value = UInt32(byte & 0x1F)
        }
        guard length > 0, index + length <= limit else { return ("\u{FFFD}", 1) }
        for k in 1..<length { value = value << 6 | UInt32(base[index + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// How a word starts: the first scalar at `index`, as the boundary rules see it.
    func initial(at index: Int, limit: Int) -> Initial {
        let byte = base[index]
        if byte < 0x80 {
            if byte &- 0x41 < 26 { return .uppercase }
            if byte &- 0x61 < 26 { return .lowercase }
            if byte &- 0x30 < 10 { return .digit }
            if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "@") { return .symbol }
            return .punctuation
        }
        let properties = scalar(at: index, limit: limit).value.properties
        if properties.isLowercase { return .lowercase }
        if properties.isUppercase || properties.changesWhenLowercased { return .uppercase }
        if properties.isAlphabetic { return .uncased }
        if properties.numericType != nil { return .digit }
        switch properties.generalCategory {
        case .currencySymbol, .otherSymbol: return .symbol
        default: break
        }
        return .punctuation
    }

    /// The first character of a word, as far as sentence boundaries care.
    enum Initial {
        case uppercase, lowercase, digit
        /// A letter of a script without case (CJK, Arabic…).
        case uncased
        /// `$`, `£`, `#`, `@`, emoji: can open a sentence.
        case symbol
        /// Anything else: `,`, `;`, `-`, `—`…
        case punctuation
    }
}
