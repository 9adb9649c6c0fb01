import SentagKit
import Testing

@Suite struct SessionScreenTests {
    let view = SessionView(
        documentID: "doc", place: "doc:2", sentenceNumber: 2, sentencesInDocument: 3, decided: 1, total: 4,
        before: ["Before."], text: "The sentence on screen, long enough to wrap at a narrow width.", after: ["After."],
        currentLabel: "claim", flagged: true, note: "odd", details: [])

    @Test func plainRenderingHasNoEscapesAndDimsNothing() {
        let screen = SessionScreen(labelSet: .default, style: TerminalStyle(enabled: false))
        let wide = screen.render(view, width: 80).joined(separator: "\n")
        #expect(!wide.contains("\u{1B}"), "\(wide)")
        #expect(wide.contains("doc:2 of 3 · 1 of 4 labeled (25%)"), "\(wide)")
        #expect(wide.contains("current label: claim · flagged unsure · note: odd"), "\(wide)")
        let lines = screen.render(view, width: 30)
        let text = lines.joined(separator: "\n")
        #expect(lines.contains("  Before.") && lines.contains("  After."), "\(text)")
        for line in lines { #expect(DisplayWidth.of(line) <= 30, "too wide: '\(line)'\n\(text)") }
    }

    @Test func colourDimsContextAndHighlightsTheSentence() {
        let style = TerminalStyle(enabled: true)
        let lines = SessionScreen(labelSet: .default, style: style).render(view, width: 80)
        #expect(lines.contains(style.dim + "  Before." + style.reset), "\(lines)")
        #expect(lines.contains { $0.hasPrefix(style.bold + "▸ The sentence") }, "\(lines)")
    }

    @Test func contextOffHidesNeighbours() {
        var quiet = view
        quiet.before = []
        quiet.after = []
        let text = SessionScreen(labelSet: .default, style: TerminalStyle(enabled: false)).render(quiet, width: 80)
            .joined(separator: "\n")
        #expect(!text.contains("Before.") && !text.contains("After."), "\(text)")
    }

    @Test func colourOnlyOnATerminalWithoutNoColorOrDumb() {
        #expect(TerminalStyle(isTerminal: true, environment: ["TERM": "xterm"]).enabled)
        #expect(!TerminalStyle(isTerminal: false, environment: ["TERM": "xterm"]).enabled)
        #expect(!TerminalStyle(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]).enabled)
        #expect(!TerminalStyle(isTerminal: true, environment: ["TERM": "dumb"]).enabled)
    }

    @Test func displayWidthOfWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("“quoted”") == 8)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("한국어") == 6)
    }

    @Test func wrappingRespectsDisplayWidth() {
        let text = "日本語の文章はスペースなしで続きます そして english words mixed in"
        let lines = TextWrapper.wrap(text, width: 12, first: "▸ ", rest: "  ")
        for line in lines { #expect(DisplayWidth.of(line) <= 12, "'\(line)' in \(lines)") }
        #expect(lines.joined().filter { $0 != " " && $0 != "▸" } == text.filter { $0 != " " }, "\(lines)")
    }

    @Test func promptShowsTheLabelKeys() throws {
        #expect(SessionScreen(labelSet: .default, style: TerminalStyle(enabled: false)).prompt == "[c/q/p/n ?] > ")
        let custom = try LabelSet([Label(name: "yes", key: "y"), Label(name: "no", key: "x")])
        #expect(SessionScreen(labelSet: custom, style: TerminalStyle(enabled: false)).prompt == "[y/x ?] > ")
    }

    @Test func durations() {
        #expect(SessionScreen.duration(45_000) == "45 s")
        #expect(SessionScreen.duration(12 * 60_000) == "12 min")
        #expect(SessionScreen.duration(125 * 60_000) == "2 h 05 min")
    }
}
