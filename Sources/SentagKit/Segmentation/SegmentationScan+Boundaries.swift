/// The rules that decide whether a terminator inside a line ends a sentence.
///
/// A terminator is a cluster: periods, `?`, `!`, `…`, spaced ellipses (`. . .`), then any closing
/// quotes and brackets (`.”`, `?’`, `.)`). What follows the cluster decides:
///
/// - `?` `!`: a boundary unless a lowercase word, a comma or the like follows (`Yahoo! in`,
///   `!’ he said`, `alone!, he`); after a name spelled with `!`, only before a sentence opener
///   (`Yahoo! Research`); inside a quotation, not before short fragments that run to its closing
///   quote (`“Is it Monday? Tuesday?”`, see `SegmentationScan+Quotations.swift`).
/// - an ellipsis: a boundary before a capital (`executions… When`, `heads…They`), never before a
///   lowercase word (`car… waving`), never inside brackets (`[...]`); an MLA ellipsis of three
///   spaced dots (`is . . . I didn’t`) is inside its sentence, and after `word.` a spaced ellipsis
///   opens the next sentence (`compounds. | . . . The practice`).
/// - a period: the token before it and the word after it decide, see `periodBoundary`.
/// - `。` `．` `！` `？`: always a boundary.
///
/// A closing quote followed by a speech tag that opens with a name (`“Why?” Jones asked.`,
/// `“No.” Mr. Smith said.`, but not `“Why?” He asked.` nor `“No.” Mr. Smith says that…`) is not a
/// boundary. A dash that opens a turn or an item after white space (`future? - Despite`, `Berlin.
/// -- The`) is read past: the word after it decides, and the dash opens the next sentence. A
/// boundary also needs a letter or digit in the sentence before it, so a stray `…` or `!` at the
/// start of a sentence stays with what follows.
extension SegmentationScan {
    /// Where a sentence ends and the next one starts.
    struct Boundary {
        var end: Int
        var next: Int
    }

    /// The decision at the terminator that starts at `start`: the boundary if there is one, and
    /// where the line scan resumes (after the cluster).
    func terminator(at start: Int, sentenceStart: Int, limit: Int) -> (boundary: Boundary?, resume: Int) {
        let cluster = TerminatorCluster(scan: self, start: start, limit: limit)
        let resume = cluster.end
        guard resume < limit, hasWordCharacter(from: sentenceStart, to: start) else { return (nil, resume) }
        if cluster.isEllipsis, !cluster.isStrong, start > 0,
            base[start - 1] == UInt8(ascii: "[") || base[start - 1] == UInt8(ascii: "(")
        {
            return (nil, resume)
        }
        let space = spaceLength(at: resume, limit: limit)
        if space == 0 {
            if lineBreakLength(at: resume) > 0 { return (nil, resume) }
            if cluster.isIdeographic { return (Boundary(end: resume, next: resume), resume) }
            let joined = joinedBoundary(cluster, start: start, sentenceStart: sentenceStart, limit: limit)
            return (joined ? Boundary(end: resume, next: resume) : nil, resume)
        }
        let next = skipSpaces(from: resume, limit: limit)
        guard next < limit, lineBreakLength(at: next) == 0 else { return (nil, resume) }
        let boundary = Boundary(end: resume, next: next)
        if cluster.isIdeographic { return (boundary, resume) }
        // A turn or item opened by a dash (`future? - Despite`, `Berlin. -- The`): the rules read
        // the word after the dash, which stays in the next sentence.
        let turn = dashLength(at: next, limit: limit)
        let wordStart = turn > 0 ? skipSpaces(from: next + turn, limit: limit) : next
        let word = NextWord(scan: self, start: wordStart, limit: limit)
        if turn == 0, cluster.endsWithQuote, word.initial == .uppercase, !word.afterQuote, !word.afterBracket,
            !(word.word.map(WordList.sentenceStarters.contains) ?? false),
            speechTagFollows(at: next, limit: limit, complete: !cluster.hasQuestionMark)
        {
            return (nil, resume)
        }
        if cluster.isStrong {
            switch word.initial {
            case .lowercase, .punctuation: return (nil, resume)
            default:
                if base[start] == UInt8(ascii: "!"), start + 1 == resume, isExclaimedName(before: start, sentenceStart)
                {
                    return (word.isSentenceStarter ? boundary : nil, resume)
                }
                if turn == 0, cluster.hasQuestionMark, !cluster.hasClosers, word.initial == .uppercase,
                    questionFragmentsCloseQuotation(from: next, limit: limit)
                {
                    return (nil, resume)
                }
                return (boundary, resume)
            }
        }
        if cluster.isEllipsis {
            guard word.initial == .uppercase || word.initial == .uncased else { return (nil, resume) }
            if cluster.isSpaced, !cluster.hasClosers {
                let attached = start > sentenceStart && spaceLength(endingAt: start, floor: sentenceStart) == 0
                if attached && cluster.dots >= 4 && base[start + 1] == 0x20 {
                    // `compounds. . . . The`: the word's own period ends the sentence.
                    return (Boundary(end: start + 1, next: skipSpaces(from: start + 1, limit: limit)), resume)
                }
                if !attached && cluster.dots == 3 { return (nil, resume) }
            }
            return (boundary, resume)
        }
        let ends = periodBoundary(
            at: start, sentenceStart: sentenceStart, next: word, nextStart: wordStart, limit: limit)
        return (ends ? boundary : nil, resume)
    }

    /// A dash that opens a turn or an item inside a line at `index`: `-`, `--`, `–` or `—`, then
    /// white space.
    private func dashLength(at index: Int, limit: Int) -> Int {
        var length = 0
        if base[index] == UInt8(ascii: "-") {
            length = index + 1 < limit && base[index + 1] == UInt8(ascii: "-") ? 2 : 1
        } else if index + 2 < limit, base[index] == 0xE2, base[index + 1] == 0x80,
            base[index + 2] == 0x93 || base[index + 2] == 0x94
        {
            length = 3
        }
        guard length > 0, index + length < limit, spaceLength(at: index + length, limit: limit) > 0 else { return 0 }
        return length
    }

    /// A terminator followed directly by a word, with no space: `world.Today`, `1,000.That`,
    /// `heads…They`.
    ///
    /// A boundary only when a lowercase word or a number ends and a capitalised word starts,
    /// and neither side looks like an address or a file name (`www.site.Com`,
    /// `Jane.Doe@example.com`, `U.S.Army`).
    private func joinedBoundary(_ cluster: TerminatorCluster, start: Int, sentenceStart: Int, limit: Int) -> Bool {
        let after = cluster.end
        guard after + 1 < limit, base[after] &- 0x41 < 26, base[after + 1] &- 0x61 < 26 else { return false }
        var wordEnd = after
        while wordEnd < limit, spaceLength(at: wordEnd, limit: limit) == 0, lineBreakLength(at: wordEnd) == 0 {
            let byte = base[wordEnd]
            if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "/") { return false }
            if byte == UInt8(ascii: "."), wordEnd + 1 < limit, Self.isASCIIAlphanumeric(base[wordEnd + 1]) {
                return false
            }
            wordEnd += 1
        }
        let token = tokenBefore(start, sentenceStart: sentenceStart)
        guard token.end > token.start else { return false }
        let last = base[token.end - 1]
        if cluster.isStrong || cluster.isEllipsis { return last &- 0x61 < 26 || last >= 0x80 }
        let shape = TokenShape(base, from: token.start, to: token.end)
        guard shape.length >= 2, shape.innerPeriods == 0, !shape.looksLikeAddress else { return false }
        guard last &- 0x61 < 26 || (shape.isNumber && last &- 0x30 < 10) else { return false }
        return Abbreviation.of(shape) == nil
    }

    /// A single period followed by white space and `next`.
    ///
    /// - A lowercase word, a comma or the like follows: not a boundary, unless it is a list
    ///   marker whose list goes on in the line (`Smith. a. here it is b. another`).
    /// - The first token of the sentence is a list number or letter (`1.`, `a.`, `iv.`, `Q.`),
    ///   or a number after a colon (`Steps: 1. Open`): not a boundary.
    /// - A title (`Mr.`, `Gen.`, `Mt.`, `vs.`, `e.g.`): never a boundary.
    /// - Before a number: a boundary only after an ordinary word or number (`item. 2.) The`,
    ///   `in 1999. 2000 was`), not after any abbreviation (`p. 55`, `No. 5`, `Sept. 15`).
    /// - An abbreviation that can end a sentence (`U.S.`, `Inc.`, `co.`, `Jr.`, months, an
    ///   initial): a boundary before a typical sentence opener (`U.S. How`, `co. They`, `I. Did`)
    ///   or an opening quote, and, depending on its kind, before a capitalised clause (`Acme
    ///   Corp. Shareholders will`); not before a name (`U.S. Government`, `E. Smith`). See
    ///   `SegmentationScan+Abbreviations.swift`.
    /// - A short capitalised word before an initial (`Jos. A. Bank`, `Ph. D.`): not a boundary.
    /// - `St.`: Saint, unless a capitalised word or a number comes before it (`Main St.`) and a
    ///   sentence opener after it.
    /// - `a.m.`/`p.m.`: a boundary before a capital (`6 P.M. Mr. Smith`) unless the capital
    ///   continues the time (`p.m. Monday`, `a.m. EST`) or the time opens its sentence
    ///   (`At 5 a.m. Mr. Smith went`).
    /// - Any other word or number: a boundary before a capital, a number or `$`/`#`/`@`.
    private func periodBoundary(
        at period: Int, sentenceStart: Int, next: NextWord, nextStart: Int, limit: Int
    ) -> Bool {
        let token = tokenBefore(period, sentenceStart: sentenceStart)
        let shape = TokenShape(base, from: token.start, to: token.end)
        switch next.initial {
        case .lowercase, .punctuation:
            guard Abbreviation.of(shape) == nil, let marker = ListMarker(base, at: nextStart, limit: limit) else {
                return false
            }
            return ListMarker.nextItem(after: marker, in: base, limit: limit) != nil
        default: break
        }
        let isFirstToken = token.whole == sentenceStart
        if isFirstToken, shape.isListNumber || shape.isSingleLetter || shape.isRomanNumeral(base, from: token.start) {
            return false
        }
        if shape.isListNumber, previousNonSpace(before: token.whole, floor: sentenceStart) == UInt8(ascii: ":") {
            return false
        }
        let abbreviation: Abbreviation? =
            shape.looksLikeAddress ? nil : shape.isSingleLetter ? .ambiguous : Abbreviation.of(shape)
        guard let abbreviation else { return !isAbbreviatedNamePart(shape, next: next, limit: limit) }
        if next.initial == .digit { return false }
        switch abbreviation {
        case .title:
            return false
        case .numberLabel:
            return true
        case .ambiguous, .nameSuffix, .state, .country, .phraseEnd:
            return abbreviationBoundary(
                kind: abbreviation, shape: shape, token: token, sentenceStart: sentenceStart, next: next, limit: limit)
        case .saint:
            guard next.isSentenceStarter else { return false }
            guard let previous = previousWordInitial(before: token.whole, floor: sentenceStart) else { return false }
            return previous == .uppercase || previous == .digit
        case .time:
            if next.initial != .uppercase { return false }
            if let word = next.word, WordList.timeContinuations.contains(word) { return false }
            return !opensWithTimeAdverbial(sentenceStart: sentenceStart, timeToken: token.whole)
        }
    }

    /// Whether the word before the `!` at `mark` is a name spelled with it (`Yahoo!`).
    private func isExclaimedName(before mark: Int, _ sentenceStart: Int) -> Bool {
        var start = mark
        while start > sentenceStart, Self.isASCIILetter(base[start - 1]) { start -= 1 }
        guard let word = PackedWord(base, from: start, to: mark, lowercased: false) else { return false }
        return WordList.exclaimedNames.contains(word)
    }

    /// Whether the sentence so far is a short fronted time adverbial: a preposition such as
    /// `At` and at most four more words before the time (`At 5 a.m.`, `On Monday at 10 p.m.`).
    private func opensWithTimeAdverbial(sentenceStart: Int, timeToken: Int) -> Bool {
        var index = sentenceStart
        while index < timeToken {
            let quote = opener(at: index, limit: timeToken)
            guard quote.length > 0 else { break }
            index += quote.length
        }
        var wordEnd = index
        while wordEnd < timeToken, Self.isASCIILetter(base[wordEnd]) { wordEnd += 1 }
        guard let first = PackedWord(base, from: index, to: wordEnd, lowercased: false),
            WordList.frontingPrepositions.contains(first)
        else { return false }
        var words = 0
        var inSpace = true
        for position in index..<timeToken {
            let isSpace = base[position] == 0x20 || base[position] == 0x09
            if inSpace && !isSpace { words += 1 }
            inSpace = isSpace
        }
        return words <= 5
    }

    /// The token that ends at `end`: from the white space before it (or the sentence start).
    ///
    /// `whole` is where it starts; `start..<end` is the token without its opening quotes and
    /// brackets and without closing ones at its end.
    private func tokenBefore(_ end: Int, sentenceStart: Int) -> (whole: Int, start: Int, end: Int) {
        var whole = end
        while whole > sentenceStart, spaceLength(endingAt: whole, floor: sentenceStart) == 0 { whole -= 1 }
        var start = whole
        while start < end {
            let quote = opener(at: start, limit: end)
            guard quote.length > 0 else { break }
            start += quote.length
        }
        var last = end
        while last > start {
            let closer = closerLength(endingAt: last, floor: start)
            guard closer > 0 else { break }
            last -= closer
        }
        return (whole, start, last)
    }

    /// The last byte before `index` that is not white space, if any after `floor`.
    private func previousNonSpace(before index: Int, floor: Int) -> UInt8? {
        var index = index
        while index > floor {
            let space = spaceLength(endingAt: index, floor: floor)
            if space == 0 { return base[index - 1] }
            index -= space
        }
        return nil
    }

    /// How the word before `index` (and the white space before `index`) starts, if there is one
    /// after `floor`.
    private func previousWordInitial(before index: Int, floor: Int) -> Initial? {
        guard let end = endOfPreviousWord(before: index, floor: floor) else { return nil }
        let token = tokenBefore(end, sentenceStart: floor)
        guard token.start < token.end else { return nil }
        return initial(at: token.start, limit: token.end)
    }

    /// Whether `start..<end` holds a letter or a digit (any non-ASCII scalar counts).
    private func hasWordCharacter(from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = base[index]
            if byte >= 0xC0 || Self.isASCIIAlphanumeric(byte) { return true }
            index += 1
        }
        return false
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26 || byte &- 0x61 < 26
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || isASCIILetter(byte)
    }
}
