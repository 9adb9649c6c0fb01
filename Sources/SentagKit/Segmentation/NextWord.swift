/// The start of the word after a terminator and the white space after it, as the boundary rules
/// see it: opening quotes or brackets skipped, how its first character looks, and its leading
/// ASCII letters packed for the word lists.
struct NextWord {
    /// How the first character after the openers looks.
    let initial: SegmentationScan.Initial
    /// An opening quote came first (`. “They`).
    let afterQuote: Bool
    /// An opening bracket came first (`. (cited`).
    let afterBracket: Bool
    /// The leading ASCII letters, as written (nil if none or more than 16).
    let word: PackedWord?
    /// The letters are followed by a period (`Mr.`).
    let wordEndsWithPeriod: Bool
    /// Where the word starts (after the openers) and where its leading ASCII letters end.
    let start: Int
    let lettersEnd: Int

    init(scan: SegmentationScan, start: Int, limit: Int) {
        var index = start
        var afterQuote = false
        var afterBracket = false
        while index < limit {
            let opener = scan.opener(at: index, limit: limit)
            guard opener.length > 0 else { break }
            if opener.isBracket { afterBracket = true } else { afterQuote = true }
            index += opener.length
        }
        self.afterQuote = afterQuote
        self.afterBracket = afterBracket
        self.start = index
        guard index < limit else {
            initial = .punctuation
            word = nil
            wordEndsWithPeriod = false
            lettersEnd = index
            return
        }
        let first = scan.initial(at: index, limit: limit)
        if first == .lowercase, index + 1 < limit, scan.base[index + 1] &- 0x41 < 26 {
            initial = .uppercase  // `iPhone`, `eBay`, `mRNA`: a capitalised word for the rules
        } else {
            initial = first
        }
        var end = index
        while end < limit, SegmentationScan.isASCIILetter(scan.base[end]) { end += 1 }
        word = end > index ? PackedWord(scan.base, from: index, to: end, lowercased: false) : nil
        wordEndsWithPeriod = end < limit && scan.base[end] == UInt8(ascii: ".")
        lettersEnd = end
    }

    /// How many ASCII letters the word opens with.
    var letterCount: Int { lettersEnd - start }

    /// A word that opens sentences (`The`, `He`, `How`, `I`…), or a personal title (`Mr.`).
    var isSentenceStarter: Bool {
        guard let word else { return false }
        if WordList.sentenceStarters.contains(word) { return true }
        return wordEndsWithPeriod && WordList.personalTitles.contains(word)
    }
}
