/// The on/off state of every `LayoutFeature` of the sentence being featurized, and the rules
/// that set them.
///
/// Wraps the featurizer's reusable buffer (indexed by `LayoutFeature.rawValue`), so setting a
/// flag allocates nothing.
struct LayoutFlags {
    private let flags: UnsafeMutableBufferPointer<Bool>

    init(_ flags: UnsafeMutableBufferPointer<Bool>) {
        self.flags = flags
        flags[LayoutFeature.bias.rawValue] = true
    }

    subscript(feature: LayoutFeature) -> Bool {
        get { flags[feature.rawValue] }
        nonmutating set { flags[feature.rawValue] = newValue }
    }

    func set(_ cue: WordCues.Cue, quoted: Bool) {
        switch cue {
        case .attribution: self[.attributionVerb] = self[.attributionVerb] || !quoted
        case .firstPerson:
            self[.firstPersonPronoun] = true
            if !quoted { self[.firstPersonOutsideQuotes] = true }
        case .secondPerson: self[.secondPersonPronoun] = true
        case .credit: self[.photoCredit] = true
        case .callToAction: self[.callToAction] = true
        case .url: self[.url] = true
        }
    }

    func setQuotation(_ scan: QuotationScan, carried: Bool) {
        let marks = scan.openings + scan.closings
        self[.noQuotationMarks] = marks == 0
        self[.startsWithOpeningQuote] = scan.startsWithOpening
        self[.endsWithClosingQuote] = scan.endsWithClosing
        self[.wholeSentenceQuoted] = (scan.startsWithOpening || carried) && (scan.endsWithClosing || scan.openAtEnd)
        self[.quoteThenAttribution] = scan.wordsAfterClosing
        self[.opensQuoteAfterColon] = scan.opensAfterColon
        self[.leavesQuotationOpen] = scan.openAtEnd
        self[.insideQuotationAtStart] = carried
        self[.insideQuotationWithoutMarks] = carried && marks == 0
        self[.closesCarriedQuotation] = carried && scan.closings > 0
        let share = scan.quotedFraction
        switch share {
        case 0: self[.quotedShareNone] = true
        case ..<0.2: self[.quotedShareUnderAFifth] = true
        case ..<0.5: self[.quotedShareUnderHalf] = true
        case ..<0.8: self[.quotedShareUnderFourFifths] = true
        default: self[.quotedShareMost] = true
        }
        self[.attributionVerbWithQuote] = self[.attributionVerb] && (marks > 0 || carried)
    }

    /// Final punctuation, looked for before any closing quotation marks.
    func setPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) {
        var end = bytes.count
        while end > 0 && (bytes[end - 1] <= TextFolding.straightSingle || bytes[end - 1] == 0x20) { end -= 1 }
        guard end > 0 else { return }
        switch bytes[end - 1] {
        case 0x2E:
            if end >= 3 && bytes[end - 2] == 0x2E && bytes[end - 3] == 0x2E {
                self[.endsWithEllipsis] = true
            } else {
                self[.endsWithPeriod] = true
            }
        case 0x3F, 0x21: self[.endsWithQuestionOrExclamation] = true
        case 0x29: self[.endsWithParenthesis] = true
        case 0x3A: self[.endsWithColon] = true
        default:
            if TextFolding.isWordByte(bytes[end - 1]) { self[.endsWithoutPunctuation] = true }
        }
    }

    /// Capitals, as counted while folding (folding lowercases the text).
    func setCase(_ counts: TextFolding.CaseCounts) {
        self[.startsLowercase] = counts.firstKind == 2
        self[.startsWithDigit] = counts.firstKind == 3
        self[.allCapitals] = counts.uppercase >= 4 && counts.uppercase * 5 >= (counts.uppercase + counts.lowercase) * 4
        self[.titleCase] = counts.words >= 4 && counts.capitalisedWords * 10 >= counts.words * 7
    }

    func setLineAndLength(_ sentence: ModelSentence, words: Int) {
        self[.startsLine] = sentence.startsLine
        self[.endsLine] = sentence.endsLine
        let ownLine = sentence.startsLine && sentence.endsLine
        self[.lineOfItsOwn] = ownLine
        self[.lineOfItsOwnWithoutPunctuation] = ownLine && self[.endsWithoutPunctuation]
        switch words {
        case ...3: self[.wordsUpTo3] = true
        case ...6: self[.wordsUpTo6] = true
        case ...12: self[.wordsUpTo12] = true
        case ...25: self[.wordsUpTo25] = true
        default: self[.wordsOver25] = true
        }
    }

    func setPosition(_ sentence: ModelSentence) {
        let index = sentence.indexInDocument
        let count = sentence.sentencesInDocument
        self[.firstSentence] = index == 0
        self[.secondSentence] = index == 1
        self[.thirdSentence] = index == 2
        self[.lastSentence] = index == count - 1
        self[.secondToLastSentence] = index == count - 2
        self[.inFirstFifth] = index * 5 < count
        self[.inLastFifth] = index * 5 >= count * 4
        self[.shortArticle] = count <= 5
    }
}
