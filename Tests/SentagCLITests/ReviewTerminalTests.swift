import Foundation
import Testing

/// `sentag review` in a real pseudo-terminal: libedit's prompt under the votes, a decision, and
/// Ctrl-D ending with the summary.
@Suite(.serialized) struct ReviewTerminalTests {
    @Test func promptUnderTheVotesThenADecisionAndCtrlD() throws {
        let fixture = try ReviewFixture()
        let terminal = try PseudoTerminal(
            SentagBinary.path, fixture.reviewArguments,
            environment: [
                "TERM": "xterm", "NO_COLOR": "1", "HOME": fixture.root.path, "LANG": "C.UTF-8",
                "XDG_STATE_HOME": fixture.root.appendingPathComponent("state").path,
            ], directory: fixture.root.path)
        let prompt = "[c/q/p/n ?] > "
        #expect(terminal.waitForPrompt(prompt), "no prompt:\n\(terminal.text)")
        let screen = terminal.text.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(
            screen.contains(
                "▸ Alpha two mentions Putin.\n  Alpha three.\n  votes: claim 1 · quote 1\n  alice: quote\n  bob: claim\n"
            ),
            "\(terminal.text)")
        // Tab completes a label name here too.
        terminal.type("qu\t")
        #expect(terminal.waitFor("ote"), "no completion:\n\(terminal.text)")
        terminal.type("\r")
        #expect(terminal.waitFor("saved quote"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(prompt, count: 2), "\(terminal.text)")
        #expect(terminal.text.contains("▸ Alpha four."), "\(terminal.text)")
        terminal.type("\u{04}")
        #expect(terminal.waitFor("1 of 3 disagreements settled by judge"), "\(terminal.text)")
        #expect(terminal.wait() == 0, "\(terminal.text)")
        #expect(try fixture.decisions() == ["Alpha two mentions Putin.=quote"], "\(terminal.text)")
    }
}
