/// The rules for a period after an abbreviation that can end a sentence, weighing the kind of
/// abbreviation against what follows it.
///
/// Every kind ends a sentence before a word that typically opens one (`U.S. How`, `Inc. They`,
/// `I. Did`, `& Co. Mr. Jones`) or an opening quote, and never before a number or a bracket. The
/// kinds that close a noun phrase go further, before a *capitalised clause*: one capitalised word
/// (not in capitals, not a name part such as an office, a day or `Day`) followed by a verb or an
/// adverb, or a capitalised plural followed by any lowercase word (`Acme Corp. Shareholders
/// will`, `Springfield, Ill. Doctors there`, `Ford Motor Co. Smith retired`). A name of several
/// capitalised words (`Acme Corp. John Smith said`, a title-case headline) is left alone: it may
/// be an appositive (`Corp. Chief Executive John Smith`) as easily as a new subject.
///
/// - `nameSuffix` (`Corp.`, `Jr.`, `Ave.`): after a name (a capitalised word, `&`, `3M`), before a
///   capitalised clause.
/// - `state` (`Ill.`, `D.C.`) and `country` (`U.S.`): after `City,`, before a capitalised clause.
///   Otherwise a country only before a capitalised plural that is not a name part (`the U.S.
///   Lawyers for`, not `U.S. Marines said`), since names follow a country (`U.S. Army said`) far
///   more often than singular subjects do; a state (`N.Y. Giants`) only before the openers.
/// - `phraseEnd` (`etc.`, `lbs.`): before a capitalised clause.
/// - `ambiguous` (months, initials, `Ph.D.`): only the openers above; an initial before a quoted
///   nickname (`Jacob F. "Jake" Smith`) is not a boundary.
///
/// None of these ends a sentence that so far holds only its first token, or only a fronted
/// prepositional phrase (`In the U.S. Democrats…`, `Across Washington, D.C. Residents…`).
extension SegmentationScan {
    /// Whether the period after `token`, an abbreviation of `kind`, ends the sentence before `next`.
    func abbreviationBoundary(
        kind: Abbreviation, shape: TokenShape, token: (whole: Int, start: Int, end: Int), sentenceStart: Int,
        next: NextWord, limit: Int
    ) -> Bool {
        if next.afterBracket { return false }
        if next.afterQuote {
            guard next.initial == .uppercase else { return false }
            return !(shape.isSingleLetter && quotedNicknameFollows(next, limit: limit))
        }
        if next.isSentenceStarter { return true }
        guard next.initial == .uppercase, token.whole > sentenceStart else { return false }
        switch kind {
        case .nameSuffix:
            guard let previous = previousToken(before: token.whole, floor: sentenceStart),
                opensName(previous.start, previous.end)
            else { return false }
        case .state, .country:
            let previous = previousToken(before: token.whole, floor: sentenceStart)
            let afterCity = previous.map { isCapitalizedWithComma($0.start, $0.end) } ?? false
            if !afterCity && !(kind == .country && isPlural(next)) { return false }
        case .phraseEnd:
            break
        default:
            return false
        }
        return capitalizedClauseFollows(next, limit: limit)
            && !isPrepositionalPhrase(from: sentenceStart, to: token.whole)
    }

    /// Whether `next` opens a clause: one capitalised word that is not a name part, then white
    /// space and a lowercase word that is a verb or an adverb (`Carver said`, `Production will`,
    /// `Staff there`, `Smith retired`, `Production starts`), or any lowercase word after a plural
    /// (`Lawyers for`, `Tickets sold`).
    ///
    /// A name part is followed by a noun instead (`Google unit`).
    func capitalizedClauseFollows(_ next: NextWord, limit: Int) -> Bool {
        guard next.letterCount >= 2, let word = next.word, base[next.start] &- 0x41 < 26,
            isLowercaseWord(from: next.start + 1, to: next.lettersEnd),
            !WordList.nameContinuations.contains(word)
        else { return false }
        let end = next.lettersEnd
        let after = skipSpaces(from: end, limit: limit)
        guard after > end, after < limit, base[after] &- 0x61 < 26 else { return false }
        if isPlural(next) { return true }
        var verbEnd = after
        while verbEnd < limit, base[verbEnd] &- 0x61 < 26 { verbEnd += 1 }
        if verbEnd - after >= 4 {
            let last = base[verbEnd - 1]
            let beforeLast = base[verbEnd - 2]
            // A past tense (`retired`) or a third person (`starts`; not `bus`, `loss`).
            if last == UInt8(ascii: "d") && beforeLast == UInt8(ascii: "e") { return true }
            if last == UInt8(ascii: "s") && beforeLast != UInt8(ascii: "s") && beforeLast != UInt8(ascii: "u") {
                return true
            }
        }
        guard let verb = PackedWord(base, from: after, to: verbEnd, lowercased: false) else { return false }
        return WordList.clauseVerbs.contains(verb)
    }

    /// Whether `start..<end` holds only ASCII lowercase letters (so `PlayStation`, `NW` are not
    /// common words).
    private func isLowercaseWord(from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            guard base[index] &- 0x61 < 26 else { return false }
            index += 1
        }
        return true
    }

    /// Whether `next` is a capitalised plural (`Lawyers`, `Protests`; not `Congress`, `Census`,
    /// `Paris`) of at least four letters that is not part of a name after a place (`Marines`).
    private func isPlural(_ next: NextWord) -> Bool {
        guard next.letterCount >= 4, let word = next.word, base[next.lettersEnd - 1] == UInt8(ascii: "s") else {
            return false
        }
        let before = base[next.lettersEnd - 2]
        guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") else {
            return false
        }
        return !WordList.pluralNameParts.contains(word)
    }

    /// Whether the token `start..<end` can be the last word of a name: capitalised (`Acme`,
    /// `Smith,`), a number-led name (`3M`) or `&` (`Pitt, Briggs & Co.`).
    private func opensName(_ start: Int, _ end: Int) -> Bool {
        if end - start == 1 && base[start] == UInt8(ascii: "&") { return true }
        let first = initial(at: start, limit: end)
        return first == .uppercase || first == .digit
    }

    /// Whether the token `start..<end` is a capitalised word followed by a comma (`Springfield,`).
    private func isCapitalizedWithComma(_ start: Int, _ end: Int) -> Bool {
        end - start >= 3 && base[end - 1] == UInt8(ascii: ",") && initial(at: start, limit: end) == .uppercase
    }

    /// Where the word before the white space that ends at `index` ends, after `floor`; nil when
    /// no white space ends at `index` or nothing but white space is left before it.
    func endOfPreviousWord(before index: Int, floor: Int) -> Int? {
        var end = index
        while end > floor {
            let space = spaceLength(endingAt: end, floor: floor)
            guard space > 0 else { break }
            end -= space
        }
        guard end > floor, end < index else { return nil }
        return end
    }

    /// The token before `index` (and the white space before it), not before `floor`.
    func previousToken(before index: Int, floor: Int) -> (start: Int, end: Int)? {
        guard let end = endOfPreviousWord(before: index, floor: floor) else { return nil }
        var start = end
        while start > floor, spaceLength(endingAt: start, floor: floor) == 0 { start -= 1 }
        return (start, end)
    }

    /// Whether `start..<end` is only a prepositional phrase: a preposition such as `In` or
    /// `Across`, then names and the function words of a phrase (`In the U.S.`, `Across much of
    /// Washington, D.C.`), at most eight words.
    func isPrepositionalPhrase(from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let quote = opener(at: index, limit: end)
            guard quote.length > 0 else { break }
            index += quote.length
        }
        var words = 0
        while index < end {
            var wordEnd = index
            while wordEnd < end, Self.isASCIILetter(base[wordEnd]) { wordEnd += 1 }
            guard let word = PackedWord(base, from: index, to: wordEnd, lowercased: false), wordEnd > index else {
                return false
            }
            if words == 0 {
                guard WordList.phraseOpeningPrepositions.contains(word) else { return false }
            } else if base[index] &- 0x61 < 26, !WordList.phraseFunctionWords.contains(word) {
                return false
            }
            words += 1
            guard words <= 8 else { return false }
            // The rest of the token (`Springfield,`, `U.S`), then white space.
            index = wordEnd
            while index < end, spaceLength(at: index, limit: end) == 0 { index += 1 }
            index = skipSpaces(from: index, limit: end)
        }
        return words > 0
    }

    /// Whether a quoted nickname and a surname follow (`“Jake” Smith`): `next` is after the
    /// opening quote; one or two short capitalised words, a closing quote, white space and a
    /// capital.
    private func quotedNicknameFollows(_ next: NextWord, limit: Int) -> Bool {
        let end = min(limit, next.start + 32)
        var index = next.start
        var spaces = 0
        guard index < end, base[index] &- 0x41 < 26 else { return false }
        while index < end {
            let closer = closerLength(at: index, limit: limit)
            if closer > 0 {
                guard index > next.start else { return false }
                let after = skipSpaces(from: index + closer, limit: limit)
                return after > index + closer && after < limit && base[after] &- 0x41 < 26
            }
            let byte = base[index]
            if byte == 0x20 {
                spaces += 1
                guard spaces <= 1 else { return false }
            } else if !Self.isASCIILetter(byte) && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
                return false
            }
            index += 1
        }
        return false
    }

    /// Whether the period after `shape`, an ordinary word, is inside a name written with abbreviated
    /// parts: a short capitalised word (`Jos.`, `Ph.`, `Chas.`) before an initial (`A. Bank`,
    /// `D. in`, `E. Smith`).
    func isAbbreviatedNamePart(_ shape: TokenShape, next: NextWord, limit: Int) -> Bool {
        guard shape.isPlainWord, shape.startsUppercase, shape.uppercaseLetters == 1, shape.length <= 4,
            !next.afterQuote, !next.afterBracket, next.letterCount == 1, next.wordEndsWithPeriod,
            base[next.start] &- 0x41 < 26
        else { return false }
        let after = next.lettersEnd + 1
        return after >= limit || spaceLength(at: after, limit: limit) > 0
    }
}
