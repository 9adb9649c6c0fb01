import Foundation
import Testing

/// `sentag label` in a real pseudo-terminal: libedit's prompt, Tab completion, UTF-8 input,
/// Ctrl-C and Ctrl-D, and the history file.
@Suite(.serialized) struct LabelTerminalTests {
    @Test func libeditPromptCompletionCtrlCAndCtrlD() throws {
        let fixture = try LabelFixture()
        let state = fixture.root.appendingPathComponent("state").path
        let environment = [
            "TERM": "xterm", "NO_COLOR": "1", "XDG_STATE_HOME": state, "HOME": fixture.root.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
        ]
        let terminal = try PseudoTerminal(
            SentagBinary.path, ["label", fixture.corpus, "--annotations", fixture.annotations, "--annotator", "alice"],
            environment: environment, directory: fixture.root.path)
        let prompt = "[c/q/p/n ?] > "
        #expect(terminal.waitForPrompt(prompt), "no prompt:\n\(terminal.text)")
        #expect(terminal.text.contains("▸ Alpha one."), "\(terminal.text)")

        // Tab completes a label name: "cl" + Tab shows "aim".
        terminal.type("cl\t")
        #expect(terminal.waitFor("aim"), "no completion:\n\(terminal.text)")
        terminal.type("\r")
        #expect(terminal.waitFor("saved claim"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 2), "\(terminal.text)")

        // Tab completes a command; UTF-8 text goes through.
        terminal.type(":no\t")
        // libedit redraws with a cursor movement: ":no", then "te " after it.
        #expect(terminal.waitFor("te "), "no command completion:\n\(terminal.text)")
        terminal.type("café\r")
        #expect(terminal.waitFor("note kept"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 3), "\(terminal.text)")
        terminal.type("q\r")
        #expect(terminal.waitFor("saved quote"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 4), "\(terminal.text)")

        // Ctrl-C with text clears the line; on an empty line it asks once more.
        // (typed apart: a Ctrl-C also flushes keys the program has not read yet, as on any tty)
        terminal.type("xyz")
        #expect(terminal.waitFor("xyz"), "\(terminal.text)")
        terminal.type("\u{03}")
        #expect(terminal.waitForPrompt(prompt, count: 5), "\(terminal.text)")
        terminal.type("\u{03}")
        #expect(terminal.waitFor("Ctrl-C again quits"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 6), "\(terminal.text)")
        // Ctrl-D on an empty line ends the session cleanly.
        terminal.type("\u{04}")
        #expect(terminal.waitFor("all saved in"), "\(terminal.text)")
        #expect(terminal.wait() == 0, "\(terminal.text)")

        #expect(try fixture.decisions() == ["Alpha one.=claim", "Alpha two mentions Putin.=quote"], "\(terminal.text)")
        #expect(try fixture.records()[1]["note"] as? String == "café", "\(terminal.text)")
        let history = try String(contentsOfFile: state + "/sentag/history", encoding: .utf8)
        #expect(history.contains(":note"), "\(history)")
    }

    @Test func ctrlCTwiceOnAnEmptyLineQuits() throws {
        let fixture = try LabelFixture()
        let terminal = try PseudoTerminal(
            SentagBinary.path, ["label", fixture.corpus, "--annotations", fixture.annotations, "--annotator", "alice"],
            environment: ["TERM": "xterm", "NO_COLOR": "1", "HOME": fixture.root.path, "LANG": "C.UTF-8"],
            directory: fixture.root.path)
        let prompt = "[c/q/p/n ?] > "
        #expect(terminal.waitForPrompt(prompt), "\(terminal.text)")
        terminal.type("\u{03}")
        #expect(terminal.waitForPrompt(prompt, count: 2), "\(terminal.text)")
        terminal.type("\u{03}")
        #expect(terminal.wait() == 0, "\(terminal.text)")
    }

    func start(_ fixture: LabelFixture, _ extra: [String] = [], environment: [String: String] = [:]) throws
        -> PseudoTerminal
    {
        var base = [
            "TERM": "xterm", "NO_COLOR": "1", "HOME": fixture.root.path, "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        for (key, value) in environment { base[key] = value }
        return try PseudoTerminal(
            SentagBinary.path,
            ["label", fixture.corpus, "--annotations", fixture.annotations, "--annotator", "alice"] + extra,
            environment: base, directory: fixture.root.path)
    }

    /// Issue 10, item 8: `--instant`: a label key acts without Enter, digits make a run, `:`
    /// opens the line editor, `u` undoes the run, Ctrl-D ends.
    @Test func instantModeActsOnOneKey() throws {
        let fixture = try LabelFixture()
        let terminal = try start(fixture, ["--instant"])
        let prompt = "[c/q/p/n ?] instant > "
        #expect(terminal.waitForPrompt(prompt), "no prompt:\n\(terminal.text)")
        #expect(terminal.text.contains("instant mode: a label key acts at once"), "\(terminal.text)")
        terminal.type("c")
        #expect(terminal.waitFor("saved claim"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 2), "\(terminal.text)")
        terminal.type("2n")
        #expect(terminal.waitFor("saved noise ×2: alpha:2–3"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 3), "\(terminal.text)")
        terminal.type(":")
        // libedit draws the prompt again, with the ':' on the line.
        #expect(terminal.waitForPrompt(prompt, count: 4), "\(terminal.text)")
        terminal.type("note hi\r")
        #expect(terminal.waitFor("note kept"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 5), "\(terminal.text)")
        terminal.type("C")  // Caps Lock
        #expect(terminal.waitFor("saved claim", count: 2), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 6), "\(terminal.text)")
        terminal.type("u")
        #expect(terminal.waitFor("undid claim on alpha:4"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 7), "\(terminal.text)")
        terminal.type("u")
        #expect(terminal.waitFor("undid noise ×2: alpha:2–3"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 8), "\(terminal.text)")
        terminal.type("\u{04}")
        #expect(terminal.waitFor("all saved in"), "\(terminal.text)")
        #expect(terminal.wait() == 0, "\(terminal.text)")
        // The terminal is left as it was found: lines and echo.
        var modes = termios()
        #expect(tcgetattr(terminal.master, &modes) == 0)
        #expect(modes.c_lflag & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO), "lflag \(modes.c_lflag)")
        #expect(
            try fixture.decisions() == [
                "Alpha one.=claim", "Alpha two mentions Putin.=noise", "Alpha three.=noise", "Alpha four.=claim",
                "Alpha four.=null", "Alpha three.=null", "Alpha two mentions Putin.=null",
            ], "\(terminal.text)")
        #expect(try fixture.records()[3]["note"] as? String == "hi", "the pending note went with the label")
    }

    /// Issue 10, item 5: on a terminal `:guide` goes through `$PAGER`, and the sentence is shown
    /// again after it.
    @Test func guideGoesThroughThePager() throws {
        let fixture = try LabelFixture()
        try "# Guide\n\n## claim\n\nOwn voice.\n\n## quote\n\nTheir words.\n".write(
            toFile: fixture.annotations + "/GUIDELINES.md", atomically: true, encoding: .utf8)
        let terminal = try start(fixture, environment: ["PAGER": "sed s/^/paged:/"])
        let prompt = "[c/q/p/n ?] > "
        #expect(terminal.waitForPrompt(prompt), "no prompt:\n\(terminal.text)")
        terminal.type(":guide quote\r")
        #expect(terminal.waitFor("paged:Their words."), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 2), "\(terminal.text)")
        #expect(!terminal.text.contains("Own voice"), "only the section:\n\(terminal.text)")
        #expect(terminal.text.components(separatedBy: "▸ Alpha one.").count - 1 == 2, "\(terminal.text)")
        terminal.type("\u{04}")
        #expect(terminal.wait() == 0, "\(terminal.text)")
    }
}
