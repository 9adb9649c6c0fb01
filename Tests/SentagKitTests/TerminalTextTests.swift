import SentagKit
import Testing

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text, café, 東京, 👍🏽", "plain text, café, 東京, 👍🏽"),
        ("\u{1B}[2Jcleared", "^[[2Jcleared"),
        ("\u{1B}]0;pwned\u{07}title", "^[]0;pwned^Gtitle"),
        ("bell\u{07} nul\u{00} del\u{7F}", "bell^G nul^@ del^?"),
        ("a\tb", "a b"),
        ("one\ntwo\r\nthree\rfour", "one^Jtwo^M^Jthree^Mfour"),
        ("csi\u{9B}31m nel\u{85}", "csi\\u{9B}31m nel\\u{85}"),
        ("line\u{2028}para\u{2029}", "line\\u{2028}para\\u{2029}"),
        ("abc\u{202E}fed\u{202C} \u{2066}iso\u{2069}", "abc\\u{202E}fed\\u{202C} \\u{2066}iso\\u{2069}"),
        ("שלום\u{200F} zero\u{200B}width, joiner 👩\u{200D}💻", "שלום\u{200F} zero\u{200B}width, joiner 👩\u{200D}💻"),
    ])
    func controlCharactersBecomeVisible(_ input: String, _ expected: String) {
        let actual = TerminalText.visible(input)
        #expect(actual == expected, "\(Array(actual.unicodeScalars))")
        #expect(!actual.unicodeScalars.contains(where: TerminalText.needsEscaping), "\(actual)")
    }

    @Test func lineBreaksCanBeKept() {
        let actual = TerminalText.visible("# Guide\r\n\u{1B}[1mbold\u{1B}[0m\nend\r", keepingLineBreaks: true)
        #expect(actual == "# Guide\n^[[1mbold^[[0m\nend^M", "\(actual)")
    }

    @Test func wrappingMeasuresTheVisibleText() {
        let lines = TextWrapper.wrap("\u{1B}[2J\u{1B}[2J\u{1B}[2J end", width: 12, first: "> ")
        #expect(lines == ["> ^[[2J^[[2J", "^[[2J end"], "\(lines)")
    }
}

/// The labeling screen with hostile text everywhere it can come from: the article, the
/// document id, a typed note, a typed line, the guidelines.
@Suite struct SessionScreenControlCharacterTests {
    @Test func nothingFromTheArticleOrTheKeyboardReachesTheTerminalRaw() {
        let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}"
        let corpus = Corpus(documents: [
            Document(
                id: "doc\u{1B}[31m",
                text: "Before \u{9B}1m it.\nThe \(hostile) sentence\u{202E} here.\nAfter\u{2028}it.",
                origin: "x.txt")
        ])
        let output = CapturedOutput()
        let loop = SessionLoop(
            session: SessionFixture.session(corpus: corpus),
            input: ScriptedLineSource(["s", ":note \(hostile)", "clam\u{1B}[1m", ":find \u{07}", ":guide", "b"]),
            output: output, journal: SessionLoopTests.MemoryStore(),
            screen: SessionScreen(labelSet: .default, style: TerminalStyle(enabled: false)),
            guidelines: { Guidelines(markdown: "# Guide\n\(hostile)", labelSet: .default) })
        _ = loop.run()
        let raw = output.text.unicodeScalars.filter { $0 != "\n" && TerminalText.needsEscaping($0) }
        #expect(raw.isEmpty, "raw \(raw.map { "U+" + String($0.value, radix: 16) }) in:\n\(output.text)")
        #expect(output.text.contains("doc^[[31m:2 of 4 · Before \\u{9B}1m it."), "\(output.text)")
        #expect(output.text.contains("▸ The ^[[2J^[]0;pwned^G sentence\\u{202E} here."), "\(output.text)")
        #expect(output.text.contains("> :note ^[[2J^[]0;pwned^G\n"), "\(output.text)")
        #expect(output.text.contains("'clam^[[1m'"), "\(output.text)")
        #expect(output.text.contains("\n^[[2J^[]0;pwned^G\n"), "the guidelines:\n\(output.text)")
    }

    @Test func styledScreensKeepTheirOwnEscapesOnly() {
        let screen = SessionScreen(labelSet: .default, style: TerminalStyle(enabled: true))
        let lines = screen.render(.problem("unknown label 'x\u{1B}[8m'"), view: nil, width: 80)
        #expect(lines == ["\u{1B}[31munknown label 'x^[[8m'\u{1B}[0m"], "\(lines)")
    }
}
