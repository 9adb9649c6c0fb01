import SentagKit
import Testing

/// Line breaks, white space, list bullets and offsets: the layout half of the segmenter's
/// contract in SPEC.md.
@Suite struct SentenceSegmenterLineTests {
    static let lineBreaks: [SegmentCase] = [
        SegmentCase(
            "Breaking news\nThe minister resigned on Monday.", ["Breaking news", "The minister resigned on Monday."],
            note: "a headline without punctuation is a sentence"),
        SegmentCase(
            "Headline\r\nFirst sentence. Second sentence.\r\n", ["Headline", "First sentence.", "Second sentence."]),
        SegmentCase("One\rTwo\r\rThree", ["One", "Two", "Three"], note: "a lone CR is a line break"),
        SegmentCase("Text.\n\n\n  \t\nMore text.\n", ["Text.", "More text."], note: "blank lines give nothing"),
        SegmentCase(
            "It was a cold\nnight in the city.", ["It was a cold", "night in the city."],
            note: "SPEC: a line break always ends a sentence, even mid-phrase"),
        SegmentCase("One\u{2028}Two\u{2029}Three\u{85}Four\u{0C}Five", ["One", "Two", "Three", "Four", "Five"]),
        SegmentCase("He met Gen.\nSmith later.", ["He met Gen.", "Smith later."]),
        SegmentCase(
            "A man walks through debris (Photo: AP)\nHe said it was over.",
            ["A man walks through debris (Photo: AP)", "He said it was over."]),
        SegmentCase("By Jane Smith, Reuters\nKYIV, Dec. 4\n", ["By Jane Smith, Reuters", "KYIV, Dec. 4"]),
        SegmentCase("", []),
        SegmentCase("  \n\t\n\r\n", []),
    ]

    @Test(arguments: lineBreaks)
    func lineBreaksEndSentences(_ example: SegmentCase) { example.check() }

    static let whiteSpace: [SegmentCase] = [
        SegmentCase("  \tHello there.  \t", ["Hello there."]),
        SegmentCase(
            " date 2022-12-06 Russian soldiers defected.", ["date 2022-12-06 Russian soldiers defected."]),
        SegmentCase("Deserters must die\u{A0}\nNext line\u{A0}\u{A0} ", ["Deserters must die", "Next line"]),
        SegmentCase("He said:\u{A0}‘Go.’", ["He said:\u{A0}‘Go.’"], note: "a no-break space inside stays"),
        SegmentCase("\u{FEFF}First line.\nSecond.", ["First line.", "Second."], note: "byte order mark"),
        SegmentCase(
            "\u{2003}Em space. Then\u{3000}ideographic.\u{202F}", ["Em space.", "Then\u{3000}ideographic."]),
        SegmentCase("He left.\u{A0}She stayed.", ["He left.", "She stayed."], note: "NBSP after a period"),
        SegmentCase("\u{200B}Hidden start.\u{2060}", ["Hidden start."]),
    ]

    @Test(arguments: whiteSpace)
    func sentencesCarryNoSurroundingWhiteSpace(_ example: SegmentCase) { example.check() }

    static let bullets: [SegmentCase] = [
        SegmentCase(
            "  • A captured soldier spoke\u{A0}\n  • He was 22\n", ["A captured soldier spoke", "He was 22"]),
        SegmentCase("* First point\n- Second point\n· Third point", ["First point", "Second point", "Third point"]),
        SegmentCase(
            "‣ one\n⁃ two\n◦ three\n▪ four\n● five", ["‣ one", "⁃ two", "◦ three", "▪ four", "● five"],
            note: "glyphs SPEC does not name as bullets are text"),
        SegmentCase("•No space after the bullet", ["No space after the bullet"]),
        SegmentCase("• He left. She stayed.", ["He left.", "She stayed."]),
        SegmentCase("•\n- \n*", [], note: "a bullet alone is not a sentence"),
        SegmentCase(
            "• Home • News • Sport", ["Home", "• News", "• Sport"],
            note: "items of a bulleted line; only the bullet opening the line is outside"),
        SegmentCase("Home • News • Sport", ["Home • News • Sport"], note: "not a list: the line opens with a word"),
        SegmentCase("-5 degrees was the low.", ["-5 degrees was the low."], note: "a minus sign, not a bullet"),
        SegmentCase("*Note: prices may vary.", ["*Note: prices may vary."]),
        SegmentCase(
            "The result - if any - was poor.\n- and then - nothing",
            ["The result - if any - was poor.", "and then - nothing"]),
    ]

    @Test(arguments: bullets)
    func bulletsOpeningALineAreOutsideTheSentence(_ example: SegmentCase) { example.check() }

    @Test func offsetsCountScalarsAndBytes() {
        let spans = SentenceSegmenter().segment("Ça va. Très bien 🙂. Fin.")
        let expected = [
            SentenceSpan(start: 0, end: 6, utf8Start: 0, utf8End: 7),
            SentenceSpan(start: 7, end: 19, utf8Start: 8, utf8End: 24),
            SentenceSpan(start: 20, end: 24, utf8Start: 25, utf8End: 29),
        ]
        #expect(spans == expected, "\(spans)")
    }

    @Test func offsetsStayRightAfterLongNonASCIIRuns() {
        let runs = String(repeating: "Привет, мир — 東京 “quoted” ", count: 40)
        let text = runs + "First. Second 🚀.\r\n" + runs + "Third."
        let sentences = SegmentTestSupport.sentences(text)
        #expect(sentences.count == 3, "\(sentences)")
        #expect(sentences.last == runs + "Third.", "\(sentences)")
    }

    @Test func decomposedCharactersAreCountedByScalar() {
        let sentences = SegmentTestSupport.sentences("Cafe\u{301} opened. It closed.")
        #expect(sentences == ["Cafe\u{301} opened.", "It closed."], "\(sentences)")
    }

    /// Odd and degenerate inputs: nothing crashes, and every span keeps the contract (checked by
    /// `SegmentTestSupport.sentences`).
    @Test(arguments: [
        "....", "!!!", ". . .", "\r\r\n", "•", "(", "1.", "a)", "U.S.", "St.", "\u{2026}", "“", "” .", "a.b.c.d.e.f.",
        String(repeating: ".", count: 10_000), String(repeating: "Mr. ", count: 500),
        String(repeating: "… ", count: 300),
        "1. 2. 3. 4.", "(i) (ii) (iii)", "• • •", "\u{85}\u{2028}", "x\u{0}y. Z.", "A.\u{301} B.", "日本語のテキスト。次の文。",
        "He paused.. . . Then left.", "U.S.a.. . . 東京",
    ])
    func degenerateInputsKeepTheContract(_ text: String) {
        let sentences = SegmentTestSupport.sentences(text)
        let joined = sentences.joined()
        #expect(joined.unicodeScalars.count <= text.unicodeScalars.count, "\(sentences)")
    }

    /// Random texts built from pieces that exercise the rules (terminators, quotes, brackets,
    /// spaces of every kind, bullets, abbreviations, list markers, addresses, CJK, emoji); every
    /// span must keep the contract.
    ///
    /// The generator is seeded, so a failure reproduces.
    @Test func randomTextsKeepTheContract() {
        let pieces: [String] = [
            ".", ". ", "..", "...", ". . .", "…", "?", "!", "?!", "\"", "'", "“", "”", "‘", "’", "(", ")", "[", "]",
            "«", "»",
            " ", "  ", "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2028}", "\u{85}", "\u{FEFF}", "\u{200B}", "\u{3000}",
            "•", "- ",
            "* ", "·", "⁃", "◦", "Mr", "Mr.", "U.S.", "U.S", "a.m.", "p.m.", "St.", "No.", "e.g.", "Inc.", "Jan.",
            "Sept", "I",
            "A", "a", "b", "i", "ii", "iv", "x", "1", "2", "10", "1.", "2.", "1)", "2)", "(1)", "(2)", "a)", "b)",
            "(i)",
            "(ii)", "a.", "b.", "1.5", "$3.2", "1,000.50", "The", "He", "said", "word", "Smith", "iPhone", "Yahoo",
            "www.x.com", "a@b.co", "http://x.y/z", "。", "．", "！", "？", "東京", "🚀", "é", "e\u{301}", ":", ";", ",", "-",
            "—", "$", "#", "@", "\u{1}", "|",
        ]
        var random = SplitMix64(seed: 0x5EED)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<next(30) { text += pieces[next(pieces.count)] }
            _ = SegmentTestSupport.sentences(text)
        }
    }

    @Test func everyNonBlankCharacterIsInSomeSentence() throws {
        let text = "  • One. Two? Three!\n\n(Four.) “Five…” six.\r\nSeven — eight.\u{A0}\n"
        let spans = SentenceSegmenter().segment(text)
        let scalars = Array(text.unicodeScalars)
        var covered = Array(repeating: false, count: scalars.count)
        for span in spans { for k in span.start..<span.end { covered[k] = true } }
        let missing = scalars.indices.filter { !covered[$0] && !SegmentTestSupport.isTrimmed(scalars[$0]) }
            .map { scalars[$0] }
        #expect(missing == ["•"], "\(missing)")
    }
}
