import SentagKit
import Testing

/// Issue 10, items 2 and 3: a run reaching sentences not on screen is asked about first, the
/// confirmation names what was labeled, `u` undoes the run as one step and restores labels,
/// and a note typed before `s` is neither lost silently nor claimed to be saved.
@Suite struct SafeRunTests {
    typealias F = SessionFixture

    @Test func aRunPastWhatIsOnScreenAsksFirstAndYesLabelsIt() throws {
        var session = F.started()
        let (none, asked) = session.handle("n 9", at: F.at(1))
        #expect(none.isEmpty && asked.isEmpty, "\(asked)")
        #expect(session.question == "label 2 sentences you have not seen as noise (alpha:3–4)? [y/N] ")
        #expect(F.onScreen(session) == "Alpha one.")
        let (records, events) = session.handle("y", at: F.at(2))
        #expect(records.map(\.text) == F.documents[0].text.split(separator: "\n").map(String.init), "\(records)")
        #expect(records.allSatisfy { $0.label == "noise" } && records.map(\.run) == [false, true, true, true])
        #expect(
            Array(events.prefix(3)) == [
                .saved(label: "noise", count: 4, place: "alpha:1–4"),
                .message("only 4 sentences left in this document"),
                .documentDone(
                    DocumentSummary(
                        document: "alpha", labels: LabelSet.default.names, counts: [0, 0, 0, 4], undecided: 0,
                        flagged: 0)),
            ], "\(events)")
        #expect(session.question == nil && F.onScreen(session) == "Beta one.")
    }

    @Test(arguments: ["n", "", "no", "c", "N"])
    func anythingButYesCancelsAndSavesNothing(_ answer: String) {
        var session = F.started()
        _ = session.handle("q 3", at: F.at(1))
        let (records, events) = session.handle(answer, at: F.at(2))
        #expect(records.isEmpty && events == [.message("not labeled: the run was cancelled, nothing was saved")])
        #expect(session.question == nil && F.onScreen(session) == "Alpha one.")
        #expect(session.ledger.decidedInScope == 0)
    }

    @Test func whatIsOnScreenFollowsTheContext() {
        var session = F.started()
        // One sentence after the current one is on screen: `n 2` needs no question.
        #expect(session.handle("n 2", at: F.at(1)).records.count == 2)
        _ = session.handle(":context 0", at: F.at(2))
        _ = session.handle("c 2", at: F.at(3))
        #expect(session.question == "label 1 sentence you have not seen as claim (alpha:4)? [y/N] ")
        _ = session.handle("no", at: F.at(4))
        _ = session.handle(":goto beta:1", at: F.at(5))
        _ = session.handle(":context 3", at: F.at(6))
        #expect(session.handle("c 3", at: F.at(7)).records.count == 3, "beta:1–3 all on screen")
    }

    @Test func theLoopShowsTheQuestionAsThePromptAndUndoTakesTheWholeRun() {
        let result = LoopHarness.run(["c", "n 9", "y", "u"])
        let expected = """
            [c/q/p/n ?] > n 9
            label 1 sentence you have not seen as noise (alpha:4)? [y/N] y
            saved noise ×3: alpha:2–4
            only 3 sentences left in this document
            end of alpha: claim 1, noise 3; 0 skipped, 0 flagged
            """
        #expect(result.output.contains(expected), "actual output:\n\(result.output)")
        #expect(
            result.output.contains("[c/q/p/n ?] > u\nundid noise ×3: alpha:2–4; label this sentence again\n"),
            "actual output:\n\(result.output)")
        #expect(result.store.records.suffix(3).map(\.label) == [nil, nil, nil], "\(result.store.records)")
        #expect(F.onScreen(result.session) == "Alpha two mentions Putin.")
        #expect(result.session.stats(at: F.at(9)).countsThisSession == [1, 0, 0, 0])
    }

    @Test func undoAfterRelabelingBringsBackTheEarlierLabel() {
        let result = LoopHarness.run(["c", "q", ":goto 1", "n", "u"])
        #expect(
            result.output.contains("undid noise on alpha:1; this sentence is claim again"),
            "actual output:\n\(result.output)")
        #expect(result.output.hasSuffix("current label: claim\n[c/q/p/n ?] > \n"), "actual output:\n\(result.output)")
        let last = result.store.records.last
        #expect(
            last?.label == "claim" && last?.undo == true && last?.text == "Alpha one.", "\(String(describing: last))")
        // This session's counts follow what is in force: claim and quote, not noise.
        #expect(result.session.stats(at: F.at(9)).countsThisSession == [1, 1, 0, 0])
    }

    @Test func relabelingInTheSameSessionKeepsStatsAndCountsInStep() {
        var session = F.started()
        _ = session.handle("c", at: F.at(1))
        _ = session.handle("b", at: F.at(2))
        _ = session.handle("q", at: F.at(3))
        let stats = session.stats(at: F.at(4))
        #expect(stats.counts == [0, 1, 0, 0] && stats.countsThisSession == [0, 1, 0, 0], "\(stats)")
        #expect(stats.decisionsThisSession == 1, "\(stats)")
    }

    @Test func aNoteBeforeSkipWaitsForTheLabelOfThatSentence() throws {
        var session = F.started()
        _ = session.handle(":note irony?", at: F.at(1))
        _ = session.handle(":flag", at: F.at(2))
        let (none, skipped) = session.handle("s", at: F.at(3))
        #expect(none.isEmpty)
        #expect(
            skipped.first
                == .message(
                    "skipped; the note and flag on alpha:1 are kept, not saved: saved when you label that sentence"),
            "\(skipped)")
        _ = session.handle("c", at: F.at(4))  // Alpha two: no note
        _ = session.handle(":goto 1", at: F.at(5))
        #expect(session.view()?.note == "irony?" && session.view()?.flagged == true)
        let (records, _) = session.handle("q", at: F.at(6))
        let record = try #require(records.first)
        #expect(record.text == "Alpha one." && record.note == "irony?" && record.flag == true, "\(record)")
        #expect(session.stats(at: F.at(7)).unsaved.isEmpty)
    }

    @Test func aNoteLeftOnAnUnlabeledSentenceIsReportedAsNotSavedAtTheEnd() {
        let result = LoopHarness.run(["c", ":note check the photo agency", "s", ":quit"])
        #expect(result.outcome == .quit)
        #expect(result.store.records.map(\.note) == [nil], "\(result.store.records)")
        #expect(
            result.closing == [
                "1 decision this session (claim 1), all saved in mem/alice.jsonl",
                "1 skipped (alpha:2) · 0 flagged unsure · 1 of 7 labeled (14%), 6 left",
                "not saved: the note on alpha:2 (that sentence has no decision)",
            ], "\(result.closing)")
    }
}
