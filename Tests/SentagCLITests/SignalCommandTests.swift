import Foundation
import Testing

/// SIGTERM and SIGHUP end `label` and `review` with 128 + signal, after the decisions already
/// shown as saved, with the closing line and the terminal restored: piped and on a terminal.
@Suite(.serialized) struct SignalCommandTests {
    static let prompt = "[c/q/p/n ?] > "

    /// Sends `signal` and waits for the end; SIGKILL after 30 s, so a session that ignores the
    /// signal fails the test instead of hanging it.
    static func end(_ session: InteractiveProcess, with signal: Int32) -> String {
        kill(session.process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(30)
        while session.process.isRunning && Date() < deadline { usleep(10_000) }
        if session.process.isRunning { kill(session.process.processIdentifier, SIGKILL) }
        session.process.waitUntilExit()
        usleep(50_000)
        let process = session.process
        return process.terminationReason == .exit
            ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)"
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aPipedLabelSessionEndsWith128PlusTheSignal(_ signal: Int32) throws {
        let fixture = try LabelFixture()
        let session = try InteractiveProcess(
            ["label", fixture.corpus, "--annotations", fixture.annotations, "--annotator", "alice"], in: fixture.root)
        #expect(session.waitFor(Self.prompt), "\(session.output)")
        session.send("c")
        session.send("q")
        #expect(session.waitFor("saved quote"), "\(session.output)")
        #expect(session.waitFor(Self.prompt, count: 3), "\(session.output)")
        let ending = Self.end(session, with: signal)
        #expect(ending == "exit \(128 + signal)", "\(ending)\n\(session.output)")
        #expect(
            session.output.contains(
                "2 decisions this session (claim 1, quote 1), all saved in \(fixture.labelFile())\n"),
            "\(session.output)")
        #expect(try fixture.decisions() == ["Alpha one.=claim", "Alpha two mentions Putin.=quote"])
        let next = try fixture.label([])
        #expect(next.status == 0, "the lock went with the session: \(next.transcript)")
    }

    @Test func aPipedReviewSessionEndsWith143OnSIGTERM() throws {
        let fixture = try ReviewFixture()
        let session = try InteractiveProcess(
            ["review", fixture.project.corpus, "--annotations", fixture.project.annotations, "--adjudicator", "judge"],
            in: fixture.root)
        #expect(session.waitFor(Self.prompt), "\(session.output)")
        session.send("q")
        #expect(session.waitFor("saved quote"), "\(session.output)")
        #expect(session.waitFor(Self.prompt, count: 2), "\(session.output)")
        let ending = Self.end(session, with: SIGTERM)
        #expect(ending == "exit 143", "\(ending)\n\(session.output)")
        #expect(session.output.contains("judge.jsonl"), "the closing lines:\n\(session.output)")
        let records = try fixture.project.records("judge")
        #expect(records.count == 1 && records[0]["label"] as? String == "quote", "\(records)")
    }

    /// `nohup sentag label < script`: a SIGHUP the parent ignores stays ignored.
    @Test func anIgnoredSIGHUPStaysIgnored() throws {
        let fixture = try LabelFixture()
        let session = try InteractiveProcess(
            [
                "/bin/sh", "-c", "trap '' HUP; exec \"$0\" \"$@\"", SentagBinary.path, "label", fixture.corpus,
                "--annotations", fixture.annotations, "--annotator", "alice",
            ], in: fixture.root, executable: "/bin/sh")
        #expect(session.waitFor(Self.prompt), "\(session.output)")
        Foundation.kill(session.process.processIdentifier, SIGHUP)
        session.send("c")
        #expect(session.waitFor("saved claim"), "\(session.output)")
        session.closeInput()
        #expect(session.wait() == 0, "\(session.output)")
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aTerminalSessionEndsWith128PlusTheSignalAndRestoresTheTerminal(_ signal: Int32) throws {
        let fixture = try LabelFixture()
        let terminal = try PseudoTerminal(
            SentagBinary.path, ["label", fixture.corpus, "--annotations", fixture.annotations, "--annotator", "alice"],
            environment: ["TERM": "xterm", "NO_COLOR": "1", "HOME": fixture.root.path, "LANG": "C.UTF-8"],
            directory: fixture.root.path)
        #expect(terminal.waitForPrompt(Self.prompt), "\(terminal.text)")
        terminal.type("c\r")
        #expect(terminal.waitFor("saved claim"), "\(terminal.text)")
        #expect(terminal.waitForPrompt(Self.prompt, count: 2), "\(terminal.text)")
        #expect(!terminal.isCooked, "libedit reads keys one by one")
        kill(terminal.pid, signal)
        if signal == SIGTERM {
            #expect(terminal.waitFor("1 decision this session (claim 1), all saved in"), "\(terminal.text)")
            #expect(terminal.isCooked, "the terminal is back in its normal mode:\n\(terminal.text)")
        }
        let status = terminal.wait()
        #expect(status == 128 + signal && terminal.endingSignal == nil, "\(status)\n\(terminal.text)")
        #expect(try fixture.decisions() == ["Alpha one.=claim"])
    }
}
