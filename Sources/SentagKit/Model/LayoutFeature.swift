/// The hand-made features of a sentence's form and place that matter in news, beside its
/// n-grams: quotation marks and where they open and close, attribution, final punctuation,
/// credits, calls to action, capitals, line and length, position in the article.
///
/// Each is on or off; its raw value is its feature index in `SentenceFeaturizer`'s vectors.
public enum LayoutFeature: Int, CaseIterable, Sendable {
    case bias
    // Quotation marks.
    case noQuotationMarks
    case startsWithOpeningQuote
    case endsWithClosingQuote
    case wholeSentenceQuoted
    case quoteThenAttribution
    case opensQuoteAfterColon
    case leavesQuotationOpen
    case insideQuotationAtStart
    case insideQuotationWithoutMarks
    case closesCarriedQuotation
    case quotedShareNone
    case quotedShareUnderAFifth
    case quotedShareUnderHalf
    case quotedShareUnderFourFifths
    case quotedShareMost
    // Words that say who speaks, or that the reader is spoken to.
    case attributionVerb
    case attributionVerbWithQuote
    case firstPersonPronoun
    case firstPersonOutsideQuotes
    case secondPersonPronoun
    case photoCredit
    case callToAction
    case url
    case email
    case handle
    // Punctuation and capitals.
    case endsWithPeriod
    case endsWithQuestionOrExclamation
    case endsWithEllipsis
    case endsWithoutPunctuation
    case endsWithParenthesis
    case endsWithColon
    case allCapitals
    case titleCase
    case startsLowercase
    case startsWithDigit
    case hasDigits
    case hasYear
    case hasPipeOrBullet
    // Line and length.
    case lineOfItsOwn
    case lineOfItsOwnWithoutPunctuation
    case startsLine
    case endsLine
    case wordsUpTo3
    case wordsUpTo6
    case wordsUpTo12
    case wordsUpTo25
    case wordsOver25
    // Position in the article.
    case firstSentence
    case secondSentence
    case thirdSentence
    case lastSentence
    case secondToLastSentence
    case inFirstFifth
    case inLastFifth
    case shortArticle
}
