import SentagKit
import Testing

/// Issue 10, item 8: single keystrokes turned into the session's lines, and the loop's switch.
@Suite struct InstantKeysTests {
    func feed(_ keys: String) -> [InstantKeys.Outcome] {
        var instant = InstantKeys()
        return keys.map { instant.feed($0) }
    }

    @Test func aKeyIsALineAtOnce() {
        #expect(feed("c") == [.line("c")])
        #expect(feed("u") == [.line("u")])
        #expect(feed("C") == [.line("C")])
        #expect(feed("\r") == [.line("")])
    }

    @Test func digitsBeforeAKeyMakeARun() {
        #expect(feed("12n") == [.pending(echo: "1"), .pending(echo: "2"), .line("n 12")])
        #expect(feed("0n") == [.pending(echo: ""), .line("n")], "no count starts with 0")
        #expect(feed("1234n").last == .line("n 123"), "at most three digits")
        #expect(feed("3\u{7F}n") == [.pending(echo: "3"), .pending(echo: "\u{08} \u{08}"), .line("n")])
        #expect(feed("3\rn") == [.pending(echo: "3"), .pending(echo: ""), .line("n 3")], "Enter does not drop it")
    }

    @Test func colonOpensTheLineAndControlKeysDoWhatTheySay() {
        #expect(feed("3:") == [.pending(echo: "3"), .openLine(":")])
        #expect(feed("\u{04}") == [.end])
        #expect(feed("2\u{04}n") == [.pending(echo: "2"), .pending(echo: "\u{08} \u{08}"), .line("n")])
        #expect(feed(" \t") == [.pending(echo: ""), .pending(echo: "")])
        // An arrow key (ESC [ A) is passed over, not read as the key 'A'.
        #expect(feed("\u{1B}[Ac") == [.pending(echo: ""), .pending(echo: ""), .pending(echo: ""), .line("c")])
    }

    @Test func theLoopSwitchesWhenTheSourceCanAndSaysSoWhenItCannot() {
        let source = ScriptedLineSource([":instant", "c", ":instant"])
        source.acceptsInstant = true
        let result = LoopHarness.run([], source: source)
        #expect(
            result.output.contains(
                "[c/q/p/n ?] > :instant\ninstant mode: a label key acts at once, without Enter; digits then a key label a"
            ),
            "\(result.output)")
        #expect(source.prompts[1] == "[c/q/p/n ?] instant > ", "\(source.prompts)")
        #expect(source.prompts[3] == "[c/q/p/n ?] > ", "\(source.prompts)")
        #expect(result.output.contains("line mode: type a key or a name, then Enter"), "\(result.output)")
        let piped = LoopHarness.run([.line(":instant")], instant: true)
        #expect(
            piped.output.hasPrefix("--instant needs a terminal; lines are read one by one here, each ended by Enter\n"),
            "\(piped.output)")
        #expect(piped.output.contains("> :instant\n:instant needs a terminal"), "\(piped.output)")
    }
}
