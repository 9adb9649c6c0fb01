import SentagKit
import Testing

/// Issue 10, item 4: Caps Lock and habits from other programs.
@Suite struct InputForgivenessTests {
    func parse(_ line: String, _ labels: LabelSet = .default) -> Result<SessionCommand, SessionInputError> {
        SessionCommand.parse(line, labels: labels)
    }

    @Test(arguments: [
        ("C", SessionCommand.label(0, count: 1)), ("Q", .label(1, count: 1)), ("N 3", .label(3, count: 3)),
        ("NOISE", .label(3, count: 1)), ("U", .undo), ("B", .back), ("S", .skip), (":QUIT", .quit),
    ])
    func keysAndNamesInUpperCase(_ line: String, _ command: SessionCommand) {
        #expect(parse(line) == .success(command))
    }

    @Test func anExactKeyWinsOverOneInAnotherCase() throws {
        let labels = try LabelSet([
            Label(name: "cat", key: "c"), Label(name: "cow", key: "C"), Label(name: "ox", key: "U"),
        ])
        #expect(parse("c", labels) == .success(.label(0, count: 1)))
        #expect(parse("C", labels) == .success(.label(1, count: 1)))
        // `U` is a label's key here, so it is not undo; `u` still is.
        #expect(parse("U", labels) == .success(.label(2, count: 1)))
        #expect(parse("u", labels) == .success(.undo))
    }

    @Test(arguments: ["quit", "exit", "q!", "QUIT", ":q!", ":wq"])
    func quitWordsGetAHint(_ line: String) {
        let result = parse(line)
        #expect(result == .failure(.quitWord(line)))
        if case .failure(let error) = result {
            #expect(
                error.description
                    == "'\(line)' is not a label; to end the session type :quit or press Ctrl-D (every decision is already saved)"
            )
        }
    }

    @Test func theSessionGoesOnAfterTheHint() {
        let result = LoopHarness.run(["exit", "C"])
        #expect(result.output.contains("[c/q/p/n ?] > exit\n'exit' is not a label; to end the session type :quit"))
        #expect(result.outcome == .endOfInput && result.store.records.map(\.label) == ["claim"], "\(result.output)")
    }
}
