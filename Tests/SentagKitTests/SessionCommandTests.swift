import SentagKit
import Testing

@Suite struct SessionCommandTests {
    let labels = LabelSet.default

    func parse(_ line: String) -> Result<SessionCommand, SessionInputError> {
        SessionCommand.parse(line, labels: labels)
    }

    @Test(arguments: [
        ("c", 0), ("q", 1), ("p", 2), ("n", 3), ("claim", 0), ("quote", 1), ("caption", 2), ("noise", 3),
        ("cl", 0), ("ca", 2), ("noi", 3), ("Claim", 0), ("  q  ", 1),
    ])
    func labelByKeyNameOrUniquePrefix(_ line: String, _ index: Int) {
        #expect(parse(line) == .success(.label(index, count: 1)))
    }

    @Test func labelWithCount() {
        #expect(parse("n 3") == .success(.label(3, count: 3)))
        #expect(parse("noise 12") == .success(.label(3, count: 12)))
    }

    @Test(arguments: [
        ("u", SessionCommand.undo), ("b", .back), ("s", .skip), ("?", .help), ("", .nothing), ("   ", .nothing),
        (":flag", .flag), (":stats", .stats), (":guide", .guide(section: nil)), (":context", .context(nil)),
        (":quit", .quit),
        (":q", .quit), (":st", .stats), (":help", .help), (":find Putin", .find("Putin")),
        (":note not sure at all", .note("not sure at all")), (":goto 12", .goto(.sentence(12))),
        (":goto alpha:3", .goto(.document("alpha", sentence: 3))),
        (":goto news:4:2", .goto(.document("news:4", sentence: 2))),
        (":goto beta", .goto(.document("beta", sentence: 1))),
    ])
    func keysAndCommands(_ line: String, _ command: SessionCommand) {
        #expect(parse(line) == .success(command))
    }

    @Test func unknownLabelQuotesTheInputAndListsTheLabels() {
        let result = parse("clam")
        #expect(result == .failure(.unknownLabel("clam", accepted: "claim, quote, caption, noise (c/q/p/n)")))
        if case .failure(let error) = result {
            #expect(error.description == "unknown label 'clam'; expected claim, quote, caption, noise (c/q/p/n)")
        }
    }

    @Test func ambiguousPrefixNamesTheCandidates() throws {
        let set = try LabelSet([Label(name: "cat", key: "x"), Label(name: "car", key: "y")])
        let result = SessionCommand.parse("ca", labels: set)
        #expect(result == .failure(.ambiguousLabel("ca", candidates: ["cat", "car"])))
        if case .failure(let error) = result { #expect(error.description.contains("'ca'"), "\(error)") }
    }

    @Test(arguments: ["n x", "n 0", "n 1000", "n 2 3", "n -1"])
    func badCounts(_ line: String) {
        guard case .failure(let error) = parse(line), case .badCount = error else {
            Issue.record("expected a bad count for '\(line)', got \(parse(line))")
            return
        }
        #expect(error.description.contains("'\(line)'"), "\(error)")
    }

    @Test(arguments: [":nope", ":f", ":goto", ":find", ":note", ":quit now", ":goto x y", ":goto 0"])
    func badCommandsSayWhatIsAccepted(_ line: String) {
        guard case .failure(let error) = parse(line) else {
            Issue.record("expected an error for '\(line)', got \(parse(line))")
            return
        }
        let message = error.description
        #expect(message == message.lowercased() || message.contains("'"), "\(message)")
        #expect(message.contains("'"), "message should quote something: \(message)")
    }

    @Test func unknownCommandListsTheCommands() {
        guard case .failure(let error) = parse(":nope") else { return }
        #expect(error.description.contains(":goto") && error.description.contains(":quit"), "\(error)")
    }

    @Test func completionOfCommandsLabelsAndDocuments() {
        #expect(SessionCompletion.candidates(before: ":go", labels: labels) == [":goto "])
        #expect(SessionCompletion.candidates(before: ":f", labels: labels) == [":find ", ":flag"])
        #expect(SessionCompletion.candidates(before: "c", labels: labels) == ["claim", "caption"])
        #expect(SessionCompletion.candidates(before: "no", labels: labels) == ["noise"])
        #expect(SessionCompletion.candidates(before: "", labels: labels) == labels.names)
        #expect(
            SessionCompletion.candidates(before: ":goto al", labels: labels, documents: ["alpha", "beta"]) == ["alpha:"]
        )
        #expect(SessionCompletion.candidates(before: "n 3", labels: labels).isEmpty)
    }

    /// The line editor lists candidates on the terminal as they are: an id it could not show
    /// safely (nor anyone type) is not offered.
    @Test func documentIDsWithControlCharactersAreNotOffered() {
        let documents = ["alpha", "alp\u{1B}[2J", "alp\u{202E}ha"]
        let candidates = SessionCompletion.candidates(before: ":goto al", labels: labels, documents: documents)
        #expect(candidates == ["alpha:"], "\(candidates)")
    }
}

@Suite struct AnnotatorChoiceTests {
    @Test func optionThenEnvironmentThenLoginName() throws {
        #expect(
            try LabelingSetup.annotator(option: "ann", environment: ["SENTAG_ANNOTATOR": "env", "USER": "u"]) == "ann")
        #expect(
            try LabelingSetup.annotator(option: nil, environment: ["SENTAG_ANNOTATOR": "env", "USER": "u"]) == "env")
        #expect(try LabelingSetup.annotator(option: nil, environment: ["USER": "u", "LOGNAME": "l"]) == "u")
        #expect(try LabelingSetup.annotator(option: nil, environment: ["LOGNAME": "l"]) == "l")
        #expect(try LabelingSetup.annotator(option: nil, environment: [:], account: "root") == "root")
    }

    @Test func noNameAtAllSaysWhatToDo() {
        #expect(throws: SentagFailure("no annotator name: pass --annotator NAME or set SENTAG_ANNOTATOR")) {
            try LabelingSetup.annotator(option: nil, environment: [:])
        }
    }
}
