/// A list item number or letter at the start of an item: `1.`, `2)`, `3.)`, `(4)`, `a.`, `b)`,
/// `(iv)`.
///
/// A line that opens with a marker is read as a list; a later marker in the same line that
/// continues the sequence (`2.` after `1.`, `b)` after `a)`, `(ii)` after `(i)`), stands after
/// white space and is followed by a capital starts a new item: `1. The first item 2. The second
/// item` is two sentences.
struct ListMarker {
    enum Punctuation: Equatable {
        /// `1.`
        case period
        /// `1)`
        case parenthesis
        /// `1.)`
        case periodParenthesis
        /// `(1)`
        case enclosed
    }

    let punctuation: Punctuation
    /// The number, for `1.`.
    let number: Int?
    /// The letter as written, for `a.` (also set for `i`, `v`, `x`, which can be either).
    let letter: UInt8?
    /// The value of a Roman numeral made of `i`, `v`, `x`, with its case.
    let roman: (value: Int, uppercase: Bool)?
    /// Where the marker ends (after its punctuation).
    let end: Int

    /// The marker at `start`, if one is there and white space follows it.
    init?(_ base: UnsafePointer<UInt8>, at start: Int, limit: Int) {
        var index = start
        let enclosed = base[index] == UInt8(ascii: "(")
        if enclosed { index += 1 }
        let bodyStart = index
        while index < limit, index - bodyStart < 4, Self.isASCIIAlphanumeric(base[index]) { index += 1 }
        let bodyEnd = index
        guard bodyEnd > bodyStart, index < limit else { return nil }
        var number: Int?
        var letter: UInt8?
        var roman: (value: Int, uppercase: Bool)?
        if base[bodyStart] &- 0x30 < 10 {
            var value = 0
            for k in bodyStart..<bodyEnd {
                guard base[k] &- 0x30 < 10 else { return nil }
                value = value * 10 + Int(base[k] &- 0x30)
            }
            guard bodyEnd - bodyStart <= 3 else { return nil }
            number = value
        } else {
            if bodyEnd - bodyStart == 1 { letter = base[bodyStart] }
            roman = Self.romanValue(base, from: bodyStart, to: bodyEnd)
            guard letter != nil || roman != nil else { return nil }
        }
        let punctuation: Punctuation
        if enclosed {
            guard base[index] == UInt8(ascii: ")") else { return nil }
            punctuation = .enclosed
            index += 1
        } else if base[index] == UInt8(ascii: ")") {
            punctuation = .parenthesis
            index += 1
        } else if base[index] == UInt8(ascii: ".") {
            index += 1
            if index < limit, base[index] == UInt8(ascii: ")") {
                punctuation = .periodParenthesis
                index += 1
            } else {
                punctuation = .period
            }
        } else {
            return nil
        }
        guard index < limit, base[index] == 0x20 || base[index] == 0x09 else { return nil }
        self.punctuation = punctuation
        self.number = number
        self.letter = letter
        self.roman = roman
        self.end = index
    }

    /// Whether this marker continues the list that `previous` belongs to.
    func follows(_ previous: ListMarker) -> Bool {
        guard punctuation == previous.punctuation else { return false }
        if let number, let before = previous.number { return number == before + 1 }
        if let letter, let before = previous.letter, letter == before + 1 { return true }
        if let roman, let before = previous.roman {
            return roman.value == before.value + 1 && roman.uppercase == before.uppercase
        }
        return false
    }

    /// How far after a marker the next one is looked for, so that scanning stays linear.
    static let searchWindow = 1_000

    /// Where the next item of the list that starts with `marker` begins: a marker that follows
    /// it, after white space, within `searchWindow` bytes and before the line ends (at the first
    /// line-break byte); nil if there is none.
    ///
    /// The item must open with a capital (`1. The first item 2. The second item`), or with a
    /// lowercase word when the previous item ends in a word that is not a conjunction (`a. here
    /// it is b. another`, but not `(a) a permit; and (b) a fee`).
    static func nextItem(after marker: ListMarker, in base: UnsafePointer<UInt8>, limit: Int) -> (
        start: Int, marker: ListMarker
    )? {
        var index = marker.end
        let limit = min(limit, marker.end + searchWindow)
        while index < limit {
            let byte = base[index]
            if byte &- 0x0A < 4 { return nil }
            if byte == 0xC2, index + 1 < limit, base[index + 1] == 0x85 { return nil }
            if byte == 0xE2, index + 2 < limit, base[index + 1] == 0x80, base[index + 2] & 0xFE == 0xA8 { return nil }
            if byte == 0x20 || byte == 0x09, index + 1 < limit,
                let candidate = ListMarker(base, at: index + 1, limit: limit), candidate.follows(marker),
                opensItem(base, markerStart: index + 1, markerEnd: candidate.end, lineStart: marker.end, limit: limit)
            {
                return (index + 1, candidate)
            }
            index += 1
        }
        return nil
    }

    /// Whether the text around a marker at `markerStart` reads as a new list item.
    private static func opensItem(
        _ base: UnsafePointer<UInt8>, markerStart: Int, markerEnd: Int, lineStart: Int, limit: Int
    ) -> Bool {
        var index = markerEnd
        while index < limit, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
        while index < limit, base[index] == UInt8(ascii: "\"") || base[index] == UInt8(ascii: "'") { index += 1 }
        if index + 2 < limit, base[index] == 0xE2, base[index + 1] == 0x80, base[index + 2] & 0xF8 == 0x98 {
            index += 3
        }
        guard index < limit else { return false }
        if base[index] &- 0x41 < 26 { return true }
        guard base[index] &- 0x61 < 26 else { return false }
        var wordEnd = markerStart
        while wordEnd > lineStart, base[wordEnd - 1] == 0x20 || base[wordEnd - 1] == 0x09 { wordEnd -= 1 }
        var wordStart = wordEnd
        while wordStart > lineStart, isASCIIAlphanumeric(base[wordStart - 1]) { wordStart -= 1 }
        guard wordEnd > wordStart else { return false }
        guard let word = PackedWord(base, from: wordStart, to: wordEnd, lowercased: true) else { return true }
        return !conjunctions.contains(word)
    }

    private static let conjunctions = PackedWord.set("and or nor but then to of with for than as")

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || byte &- 0x41 < 26 || byte &- 0x61 < 26
    }

    private static func romanValue(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (
        value: Int, uppercase: Bool
    )? {
        let uppercase = base[start] < 0x60
        var total = 0
        var previous = 0
        for index in stride(from: end - 1, through: start, by: -1) {
            let byte = base[index]
            guard (byte < 0x60) == uppercase else { return nil }
            let value: Int
            switch byte | 0x20 {
            case UInt8(ascii: "i"): value = 1
            case UInt8(ascii: "v"): value = 5
            case UInt8(ascii: "x"): value = 10
            default: return nil
            }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 ? (total, uppercase) : nil
    }
}
