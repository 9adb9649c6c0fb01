import SentagKit
import Testing

/// The loop with scripted lines and captured output: what a piped session prints and saves.
@Suite struct SessionLoopTests {
    typealias F = SessionFixture

    typealias MemoryStore = LoopHarness.MemoryStore

    func run(
        _ inputs: [LineInput], store: MemoryStore = MemoryStore(), source: ScriptedLineSource? = nil, columns: Int = 80
    ) -> LoopHarness.Run {
        LoopHarness.run(inputs, store: store, source: source, columns: columns)
    }

    @Test func transcriptShowsPromptEchoScreenAndSaves() {
        let result = run([.line("c"), .line("clam"), .line("q")])
        #expect(result.outcome == .endOfInput)
        #expect(result.store.records.map(\.label) == ["claim", "quote"], "\(result.output)")
        let expected = """
            7 sentences in the queue; 0 of 7 labeled so far · ? for help

            alpha:1 of 4 · Alpha one. · 0 of 7 labeled (0%)
            ▸ Alpha one.
              Alpha two mentions Putin.
            [c/q/p/n ?] > c
            saved claim

            alpha:2 of 4 · Alpha one. · 1 of 7 labeled (14%)
              Alpha one.
            ▸ Alpha two mentions Putin.
              Alpha three.
            [c/q/p/n ?] > clam
            unknown label 'clam'; expected claim, quote, caption, noise (c/q/p/n)
            [c/q/p/n ?] > q
            saved quote

            alpha:3 of 4 · Alpha one. · 2 of 7 labeled (29%)
              Alpha two mentions Putin.
            ▸ Alpha three.
              Alpha four.
            [c/q/p/n ?] > \n
            """
        #expect(result.output == expected, "actual output:\n\(result.output)")
    }

    @Test func aFailedWriteKeepsTheSentenceAndTheLineCanBeRetyped() {
        let store = MemoryStore()
        store.failuresLeft = 1
        let result = run([.line("c"), .line("c")], store: store)
        #expect(
            result.output.contains("could not save: no space left on device; nothing was recorded"), "\(result.output)")
        #expect(result.output.contains("still on this sentence"), "\(result.output)")
        #expect(result.store.records.map(\.text) == ["Alpha one."], "\(result.output)")
        #expect(F.onScreen(result.session) == "Alpha two mentions Putin.", "\(result.output)")
        #expect(result.session.ledger.decidedInScope == 1)
    }

    @Test func undoAppendsARetraction() {
        let result = run([.line("c"), .line("u")])
        #expect(result.store.records.map(\.label) == ["claim", nil], "\(result.output)")
        #expect(result.output.contains("undid claim"), "\(result.output)")
    }

    @Test func ctrlCClearsTheLineAndTwiceOnAnEmptyLineQuits() {
        let result = run([
            .interrupt(hadText: true), .interrupt(hadText: false), .line("c"), .interrupt(hadText: false),
            .interrupt(hadText: false), .line("q"),
        ])
        #expect(result.outcome == .interrupted, "\(result.output)")
        #expect(result.store.records.map(\.label) == ["claim"], "\(result.output)")
        #expect(
            result.output.components(separatedBy: "Ctrl-C again quits").count == 3, "asked twice:\n\(result.output)")
    }

    @Test func aTerminationSignalEndsTheLoopAfterWhatWasSaved() {
        let result = run([.line("c"), .terminated(signal: 15), .line("q")])
        #expect(result.outcome == .terminated(signal: 15), "\(result.output)")
        #expect(result.store.records.map(\.label) == ["claim"], "\(result.output)")
        #expect(result.output.hasSuffix("[c/q/p/n ?] > \n"), "\(result.output)")
    }

    @Test func quitEndsTheLoop() {
        let result = run([.line(":quit"), .line("c")])
        #expect(result.outcome == .quit)
        #expect(result.store.records.isEmpty, "\(result.output)")
    }

    @Test func guideHelpAndStatsArePrinted() {
        let result = run([.line(":guide"), .line("?"), .line(":stats")])
        #expect(result.output.contains("# Guidelines\nclaims are…"), "\(result.output)")
        #expect(result.output.contains(":goto N | DOC:N"), "\(result.output)")
        #expect(result.output.contains("0 of 7 labeled (0%), 7 left"), "\(result.output)")
    }

    @Test func redrawUsesTheWidthAndShowsTheSentenceAgain() {
        let source = ScriptedLineSource(inputs: [.line("c")])
        source.beforeRead = { index in if index == 1 { source.simulateRedraw() } }
        let result = run([], source: source, columns: 20)
        let screens = result.output.components(separatedBy: "▸ Alpha two").count - 1
        #expect(screens == 2, "the second sentence drawn twice:\n\(result.output)")
        for line in result.output.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 20 || line.hasPrefix("[c/q/p/n ?] >"), "too wide: '\(line)'")
        }
    }
}
