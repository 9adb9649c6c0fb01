import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `sentag review` run as a script would run it: lines on standard input.
@Suite struct ReviewCommandTests {
    @Test func decisionsLandAdjudicatedWithTheVotesTheySettle() throws {
        let fixture = try ReviewFixture()
        let result = try fixture.review(["q", "n", ":quit"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            try fixture.decisions() == ["Alpha two mentions Putin.=quote", "Alpha four.=noise"], "\(result.transcript)")
        let timePattern = try Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#)
        let records = try fixture.records()
        for record in records {
            for key in ["id", "doc", "index", "start", "end", "text", "label", "annotator", "time"] {
                #expect(record[key] != nil, "missing \(key): \(record)")
            }
            #expect((record["time"] as? String)?.wholeMatch(of: timePattern) != nil, "\(record)")
            #expect(record["adjudicated"] as? Bool == true && record["annotator"] as? String == "judge", "\(record)")
        }
        #expect(records.first?["votes"] as? [String: String] == ["alice": "quote", "bob": "claim"], "\(records)")
        #expect(records.last?["votes"] as? [String: String] == ["alice": "noise", "bob": "quote"], "\(records)")
        // The ids are the ones the annotators rated.
        let rated = try fixture.records("alice").map { $0["id"] as! String }
        #expect(records.allSatisfy { rated.contains($0["id"] as! String) }, "\(records)")
        // The screen: the sentence in context, the votes, the counts.
        let screen = """
            alpha:2 of 4 · Alpha one. · 0 of 3 adjudicated (0%)
              Alpha one.
            ▸ Alpha two mentions Putin.
              Alpha three.
              votes: claim 1 · quote 1
              alice: quote
              bob: claim
            [c/q/p/n ?] > q
            saved quote
            """
        #expect(result.stdout.contains(screen), "\(result.transcript)")
        #expect(result.stdout.contains("3 sentences in the queue; 0 of 3 adjudicated so far"), "\(result.transcript)")
    }

    @Test func theSummarySaysWhatWasSettledWhatIsLeftAndPerLabel() throws {
        let fixture = try ReviewFixture()
        let result = try fixture.review(["q", "n"])
        #expect(result.status == 0, "\(result.transcript)")
        let summary = """
            2 adjudications this session, all saved in \(fixture.project.labelFile("judge"))
            2 of 3 disagreements settled by judge (67%), 1 left
              claim    0
              quote    1  (+1 this session)
              caption  0
              noise    1  (+1 this session)

            """
        #expect(result.stdout.hasSuffix(summary), "\(result.transcript)")
        let next = try fixture.review(["c"])
        #expect(
            next.stdout.contains("1 adjudication this session")
                && next.stdout.contains("3 of 3 disagreements settled by judge (100%), 0 left")
                && next.stdout.contains("  claim    1  (+1 this session)\n  quote    1\n"), "\(next.transcript)")
    }

    @Test func resumesAtTheFirstUnsettledItemAfterARestart() throws {
        let fixture = try ReviewFixture()
        _ = try fixture.review(["q"])
        let second = try fixture.review([])
        #expect(second.status == 0, "\(second.transcript)")
        #expect(second.stdout.contains("2 sentences in the queue; 1 of 3 adjudicated so far"), "\(second.transcript)")
        let shown = second.stdout.split(separator: "\n").filter { $0.hasPrefix("▸ ") }
        #expect(shown == ["▸ Alpha four."], "\(second.transcript)")
        // --only all goes through the settled one again, showing its adjudication.
        let all = try fixture.review([], extra: ["--only", "all"])
        #expect(
            all.stdout.contains("▸ Alpha two mentions Putin.\n  Alpha three.\n  current label: quote"),
            "\(all.transcript)")
    }

    @Test func undoWorksAcrossARestartWithAnAdjudicatedRetraction() throws {
        let fixture = try ReviewFixture()
        _ = try fixture.review(["q", "n"])
        let result = try fixture.review(["u", "c"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stdout.contains("undid noise on alpha:4; label this sentence again"), "\(result.transcript)")
        #expect(
            try fixture.decisions() == [
                "Alpha two mentions Putin.=quote", "Alpha four.=noise", "Alpha four.=null", "Alpha four.=claim",
            ], "\(result.transcript)")
        let retraction = try fixture.records()[2]
        #expect(retraction["adjudicated"] as? Bool == true && retraction["label"] is NSNull, "\(retraction)")
        #expect(retraction["votes"] == nil, "\(retraction)")
        // After the undo and the new decision the session goes on with the next unsettled item.
        #expect(result.stdout.contains("saved claim\n\nbeta:3 of 3 · Beta one."), "\(result.transcript)")
    }

    @Test func nothingToReviewIsAMessageAndExitZero() throws {
        let agreeing = try ReviewFixture(alice: ["c", "q"], bob: ["c", "q", "n"])
        let result = try agreeing.review(["c"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            result.stdout.hasPrefix(
                "nothing to review: the 2 sentences of \(agreeing.project.corpus) with 2 or more ratings all agree (annotators: alice, bob); --all reviews them anyway"
            ),
            "\(result.transcript)")
        #expect(!FileManager.default.fileExists(atPath: agreeing.project.labelFile("judge")), "\(result.transcript)")
        // --all reviews them.
        let all = try agreeing.review(["c", "q"], extra: ["--all"])
        #expect(all.stdout.contains("2 items with at least 2 ratings among alice, bob"), "\(all.transcript)")
        #expect(
            try agreeing.decisions() == ["Alpha one.=claim", "Alpha two mentions Putin.=quote"], "\(all.transcript)")

        let empty = try ReviewFixture(alice: [], bob: [])
        let none = try empty.review([])
        #expect(none.status == 0, "\(none.transcript)")
        #expect(
            none.stdout
                == "nothing to review: \(empty.project.annotations) holds no journals yet; label with 'sentag label' first\n",
            "\(none.transcript)")
    }

    @Test func minVotesAndAllChooseTheItems() throws {
        let fixture = try ReviewFixture()
        let all = try fixture.review([], extra: ["--all"])
        #expect(all.stdout.contains("7 sentences in the queue; 0 of 7 adjudicated"), "\(all.transcript)")
        let three = try fixture.review([], extra: ["--min-votes", "3"])
        #expect(three.status == 0, "\(three.transcript)")
        #expect(three.stdout.hasPrefix("nothing to review: no sentence of"), "\(three.transcript)")
        let zero = try fixture.review([], extra: ["--min-votes", "0"])
        #expect(
            zero.status == 64 && zero.stderr.contains("The value '0' is invalid for '--min-votes <min-votes>'"),
            "\(zero.transcript)")
    }

    @Test func itemsOutsideTheSourcesAreCountedOnce() throws {
        let fixture = try ReviewFixture()
        let beta = fixture.project.corpus + "/beta.txt"
        let result = try fixture.review(["p"], sources: [beta])
        #expect(result.status == 0, "\(result.transcript)")
        let note =
            "2 more items (4 ratings) are on sentences that are not in \(beta) and cannot be shown; review them with the sources they were labeled from"
        #expect(result.stdout.components(separatedBy: note).count == 2, "said once: \(result.transcript)")
        #expect(result.stdout.contains("1 sentence in the queue; 0 of 1 adjudicated"), "\(result.transcript)")
        #expect(try fixture.decisions() == ["Beta three.=caption"], "\(result.transcript)")
    }

    @Test func theAdjudicatorMayAlsoBeAnAnnotator() throws {
        let fixture = try ReviewFixture()
        _ = try fixture.project.label(["c", "q", "p", "q"], annotator: "carol")
        let before = try SentagBinary.run(["agreement", "--json", "--annotations", fixture.project.annotations])
        // carol's vote counts: Alpha four is noise 1 · quote 2.
        let result = try fixture.review(["q", "q"], adjudicator: "carol")
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            result.stdout.contains("votes: quote 2 · noise 1\n  alice: noise\n  bob: quote\n  carol: quote"),
            "\(result.transcript)")
        let records = try fixture.records("carol")
        #expect(records.count == 6 && records.suffix(2).allSatisfy { $0["adjudicated"] as? Bool == true }, "\(records)")
        #expect(
            records.last?["votes"] as? [String: String] == ["alice": "noise", "bob": "quote", "carol": "quote"],
            "\(records)")
        // Adjudications are not votes: agreement is the same as before.
        let after = try SentagBinary.run(["agreement", "--json", "--annotations", fixture.project.annotations])
        #expect(
            before.status == 0 && after.stdout == before.stdout, "before:\n\(before.stdout)\nafter:\n\(after.stdout)")
    }

    @Test(arguments: ["../etc", ".hidden", "a b", "x/y", String(repeating: "a", count: 65)])
    func badAdjudicatorNameIsAUsageError(_ name: String) throws {
        let fixture = try ReviewFixture()
        let result = try fixture.review(["c"], adjudicator: name)
        #expect(result.status == 64, "\(result.transcript)")
        #expect(result.stderr.contains("bad adjudicator name '\(name)'"), "\(result.transcript)")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.project.annotations)
        #expect(Set(files) == ["alice.jsonl", "bob.jsonl", ".sentag"], "\(files)")
        let locks = try FileManager.default.contentsOfDirectory(atPath: fixture.project.annotations + "/.sentag/locks")
        #expect(Set(locks) == ["alice.lock", "bob.lock"], "\(locks)")
    }

    @Test func theAdjudicatorIsRequired() throws {
        let fixture = try ReviewFixture()
        let result = try fixture.review([], adjudicator: nil)
        #expect(result.status == 64 && result.stderr.contains("--adjudicator"), "\(result.transcript)")
    }

    @Test func aMissingSourceIsAnErrorAndLeavesNoAdjudicatorFile() throws {
        let fixture = try ReviewFixture()
        let result = try fixture.review(["c"], sources: ["no-such-dir"])
        #expect(result.status == 1 && result.stderr.hasPrefix("error: no-such-dir"), "\(result.transcript)")
        #expect(!FileManager.default.fileExists(atPath: fixture.project.labelFile("judge")), "\(result.transcript)")
    }

    @Test func aLabelOutsideTheLabelSetIsAWarningNamingTheLine() throws {
        let fixture = try ReviewFixture()
        let path = fixture.project.labelFile("bob")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: #""label":"noise""#, with: #""label":"opinion""#)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try fixture.review(["c"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            result.stderr.hasPrefix("\(path):7: warning: label 'opinion' is not in the label set"),
            "\(result.transcript)")
    }
}

/// Runs that must be interrupted: a second session on the adjudicator's file, `kill -9`.
@Suite struct ReviewDurabilityTests {
    @Test func aSecondSessionOnTheSameAdjudicatorFileIsRefused() throws {
        let fixture = try ReviewFixture()
        let first = try InteractiveProcess(fixture.reviewArguments, in: fixture.root)
        #expect(first.waitFor("[c/q/p/n ?] > "), "\(first.output)")
        let second = try fixture.review(["c"])
        #expect(second.status == 1, "\(second.transcript)")
        #expect(
            second.stderr.contains(
                "judge.jsonl is in use by process \(first.process.processIdentifier) (sentag review)"),
            "\(second.transcript)")
        // Labeling as judge is the same file: refused too. Another adjudicator is not blocked.
        let labeling = try fixture.project.label(["c"], annotator: "judge")
        #expect(labeling.status == 1 && labeling.stderr.contains("(sentag review)"), "\(labeling.transcript)")
        let other = try fixture.review(["c"], adjudicator: "carol")
        #expect(other.status == 0, "\(other.transcript)")
        first.send("q")
        #expect(first.waitFor("saved quote"), "\(first.output)")
        first.closeInput()
        #expect(first.wait() == 0, "\(first.output)")
        let third = try fixture.review([])
        #expect(third.status == 0 && third.stdout.contains("1 of 3 adjudicated so far"), "\(third.transcript)")
    }

    @Test func killMinusNineLosesNoAdjudicationTheScreenShowed() throws {
        let fixture = try ReviewFixture()
        let session = try InteractiveProcess(fixture.reviewArguments + ["--all"], in: fixture.root)
        #expect(session.waitFor("[c/q/p/n ?]"), "\(session.output)")
        for (i, key) in ["c", "q", "p", "n"].enumerated() {
            session.send(key)
            #expect(session.waitFor("saved ", count: i + 1), "\(session.output)")
        }
        session.send("c")  // may or may not be saved when the kill lands
        session.kill(SIGKILL)
        let shown = session.output.components(separatedBy: "\nsaved ").count - 1
        let decisions = try fixture.decisions()
        #expect(shown >= 4 && decisions.count >= shown, "shown \(shown) as saved, file has \(decisions)")
        #expect(
            Array(decisions.prefix(4)) == [
                "Alpha one.=claim", "Alpha two mentions Putin.=quote", "Alpha three.=caption", "Alpha four.=noise",
            ], "\(decisions)")
        let next = try fixture.review([], extra: ["--all"])
        #expect(next.stdout.contains("\(decisions.count) of 7 adjudicated so far"), "\(next.transcript)")
    }
}
