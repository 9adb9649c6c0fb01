/// What the word just before a period looks like: letters, digits, inner periods, case.
///
/// Computed in one pass over the token's bytes (opening quotes and brackets already stripped), so
/// the boundary rules can tell `U.S.` from `example.com`, `E.` from `Inc.`, `1,000` from `N°`.
struct TokenShape {
    /// Byte length of the token.
    private(set) var length = 0
    private(set) var letters = 0
    private(set) var uppercaseLetters = 0
    private(set) var digits = 0
    /// Periods inside the token (`U.S` has one: the final period is not part of the token).
    private(set) var innerPeriods = 0
    /// Bytes that are neither ASCII letters, digits nor periods (`,`, `$`, `%`, `-`, UTF-8).
    private(set) var otherBytes = 0
    /// `@`, `/` or `:`: an e-mail address, a URL, a path.
    private(set) var looksLikeAddress = false
    private(set) var startsUppercase = false
    /// Every period-separated part is one or two letters (`U.S`, `e.g`, `Ph.D`).
    private(set) var shortLetterParts = true
    /// The token's bytes without its inner periods, ASCII lowercased (nil past 16 bytes).
    private(set) var lowercased: PackedWord?

    init(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) {
        length = end - start
        var part = 0
        var packed = (low: UInt64(0), high: UInt64(0))
        var packedCount = 0
        var index = start
        while index < end {
            let byte = base[index]
            if byte &- 0x41 < 26 || byte &- 0x61 < 26 {
                letters &+= 1
                part &+= 1
                if byte < 0x60 {
                    uppercaseLetters &+= 1
                    if index == start { startsUppercase = true }
                }
            } else if byte &- 0x30 < 10 {
                digits &+= 1
                shortLetterParts = false
            } else if byte == 0x2E {
                innerPeriods &+= 1
                if part == 0 || part > 2 { shortLetterParts = false }
                part = 0
                index &+= 1
                continue
            } else {
                otherBytes &+= 1
                shortLetterParts = false
                if byte == 0x40 || byte == 0x2F || byte == 0x3A { looksLikeAddress = true }
            }
            if packedCount < PackedWord.capacity {
                let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                if packedCount < 8 {
                    packed.low |= UInt64(lower) << UInt64(packedCount &* 8)
                } else {
                    packed.high |= UInt64(lower) << UInt64((packedCount &- 8) &* 8)
                }
            }
            packedCount &+= 1
            index &+= 1
        }
        if part == 0 || part > 2 { shortLetterParts = false }
        if packedCount <= PackedWord.capacity {
            lowercased = PackedWord(low: packed.low, high: packed.high)
        }
    }

    /// Letters only, with no inner period: a word such as `Mr`, `Inc`, `etc`.
    var isPlainWord: Bool { letters == length && length > 0 }

    /// One letter: an initial (`E.`), a list letter (`a.`), a page (`p.`).
    var isSingleLetter: Bool { length == 1 && letters == 1 }

    /// Letters in parts of one or two, split by periods: `U.S`, `e.g`, `a.m`, `Ph.D`, `J.C`.
    var isInitialism: Bool { innerPeriods > 0 && shortLetterParts && otherBytes == 0 }

    /// Digits, with optional separators: `55`, `1,000`, `$100.00`, `1026.253.553`.
    var isNumber: Bool { digits > 0 && letters == 0 }

    /// A small unpunctuated number that can number a list item: `1`, `10`, `250`.
    var isListNumber: Bool { digits == length && length <= 3 }

    /// All letters are capitals and there are at least two (`AM`, `U.S`, `CNN`).
    var isAllCaps: Bool { letters >= 2 && uppercaseLetters == letters }

    /// `i`, `iv`, `XII`: a Roman numeral made of I, V and X, of up to four letters, in one case.
    func isRomanNumeral(_ base: UnsafePointer<UInt8>, from start: Int) -> Bool {
        guard isPlainWord, length <= 4 else { return false }
        let uppercase = base[start] < 0x60
        for index in start..<(start + length) {
            let byte = base[index]
            guard (byte < 0x60) == uppercase else { return false }
            switch byte | 0x20 {
            case UInt8(ascii: "i"), UInt8(ascii: "v"), UInt8(ascii: "x"): continue
            default: return false
            }
        }
        return true
    }
}
