/// What the model sees of one sentence: its text and where it sits in its article.
///
/// The later wiring builds these from the corpus with `ModelSentence.sentences(of:_:)`, which
/// also works out the layout (does the sentence start or end a line of the article?) and whether
/// a quotation opened by an earlier sentence of the same paragraph is still open where this one
/// starts: the sentences inside a quotation that runs over several sentences carry no quotation
/// mark of their own, and the guidelines label them quotes.
public struct ModelSentence: Equatable, Sendable {
    public var text: String
    /// Position of the sentence in its document, from 0.
    public var indexInDocument: Int
    /// How many sentences the document has (≥ 1).
    public var sentencesInDocument: Int
    /// The sentence is the first thing on its line of the article (after white space and a bullet).
    public var startsLine: Bool
    /// Nothing but white space follows the sentence on its line.
    public var endsLine: Bool
    /// A quotation opened by an earlier sentence of the same paragraph is still open at its start.
    public var opensInsideQuotation: Bool

    public init(
        text: String, indexInDocument: Int = 0, sentencesInDocument: Int = 1, startsLine: Bool = true,
        endsLine: Bool = true, opensInsideQuotation: Bool = false
    ) {
        self.text = text
        self.indexInDocument = indexInDocument
        self.sentencesInDocument = max(sentencesInDocument, indexInDocument + 1)
        self.startsLine = startsLine
        self.endsLine = endsLine
        self.opensInsideQuotation = opensInsideQuotation
    }

    /// The model's view of every sentence of a document, in order.
    ///
    /// `sentences` are the document's sentences as the segmenter gives them (`Sentence.sentences(of:)`),
    /// whose `start`/`end` are Unicode scalar offsets into `document.text`. A quotation left open
    /// at the end of a line is closed by the line break unless the next line opens a quotation
    /// again (the news convention for a quotation over several paragraphs repeats the opening mark).
    public static func sentences(of document: Document, _ sentences: [Sentence]) -> [ModelSentence] {
        let scalars = Array(document.text.unicodeScalars)
        var result: [ModelSentence] = []
        result.reserveCapacity(sentences.count)
        var quotationOpen = false
        for sentence in sentences {
            let startsLine = Self.onlyBlankBefore(sentence.start, in: scalars)
            let endsLine = Self.onlyBlankAfter(sentence.end, in: scalars)
            if startsLine { quotationOpen = false }
            let scan = QuotationScan(sentence.text, openAtStart: quotationOpen)
            result.append(
                ModelSentence(
                    text: sentence.text, indexInDocument: sentence.index, sentencesInDocument: sentences.count,
                    startsLine: startsLine, endsLine: endsLine, opensInsideQuotation: quotationOpen))
            quotationOpen = scan.openAtEnd
        }
        return result
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\r"
    }

    private static func onlyBlankBefore(_ offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = min(offset, scalars.count) - 1
        while index >= 0 {
            let scalar = scalars[index]
            if scalar == "\n" { return true }
            if !isBlank(scalar) && !bulletScalars.contains(scalar) { return false }
            index -= 1
        }
        return true
    }

    private static func onlyBlankAfter(_ offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = max(offset, 0)
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { return true }
            if !isBlank(scalar) { return false }
            index += 1
        }
        return true
    }

    /// The bullets SPEC.md leaves outside a sentence when they open a line.
    private static let bulletScalars: Set<Unicode.Scalar> = ["•", "*", "-", "·"]
}
