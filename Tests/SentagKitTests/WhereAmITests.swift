import SentagKit
import Testing

/// Issue 10, item 7: where a resumed session starts and why, the end of an article, the end of
/// a session.
@Suite struct WhereAmITests {
    typealias F = SessionFixture

    @Test func resumingAtAnEarlierSkippedSentenceSaysWhy() {
        // alpha:2 was skipped; the latest decision is on beta:1.
        let table = F.table(of: [
            F.record(0, "claim"), F.record(2, "quote"), F.record(3, "noise"), F.record(4, "claim"),
        ])
        var session = F.session(table: table)
        let events = session.start(at: F.at(0))
        #expect(
            events == [
                .started(queued: 3, decided: 4, total: 7),
                .resuming(at: "alpha:2", last: "beta:1", earlier: true), .show,
            ], "\(events)")
        let screen = SessionScreen(labelSet: .default, style: TerminalStyle(enabled: false))
        #expect(
            screen.render(events[1], view: nil, width: 200) == [
                "resuming at alpha:2, the first sentence not yet labeled: it comes before your last decision (beta:1), so it was skipped or undone"
            ])
    }

    @Test func resumingAfterTheLastDecisionAndNotAtAllOnAFirstSession() {
        let table = F.table(of: [F.record(1, "claim"), F.record(0, "claim")])
        var session = F.session(table: table)
        #expect(session.start(at: F.at(0))[1] == .resuming(at: "alpha:3", last: "alpha:1", earlier: false))
        var fresh = F.session()
        #expect(fresh.start(at: F.at(0)) == [.started(queued: 7, decided: 0, total: 7), .show])
        var all = F.session(table: table, filter: .all)
        #expect(all.start(at: F.at(0)).count == 2, "--only all starts at a labeled sentence: nothing to explain")
    }

    @Test func theEndOfAnArticleIsSummedUpInOneLine() {
        let result = LoopHarness.run(["c", "s", ":flag", "q", "n"])
        #expect(
            result.output.contains(
                "saved noise\nend of alpha: claim 1, quote 1, noise 1; 1 skipped, 1 flagged\n\nbeta:1 of 3"),
            "actual output:\n\(result.output)")
        #expect(result.output.components(separatedBy: "end of ").count == 2, "once:\n\(result.output)")
    }

    @Test func theClosingLinesSumUpTheSession() {
        let result = LoopHarness.run(["c", ":flag", "q", "s", "n", ":note odd", "s"])
        #expect(
            result.closing == [
                "3 decisions this session (claim 1, quote 1, noise 1), all saved in mem/alice.jsonl",
                "2 skipped (alpha:3, beta:1) · 1 flagged unsure · 3 of 7 labeled (43%), 4 left",
                "not saved: the note on beta:1 (that sentence has no decision)",
            ], "\(result.closing)\n\(result.output)")
        #expect(result.session.stats(at: F.at(99)).skipped == ["alpha:3", "beta:1"])
    }
}
