import SentagKit
import Testing

/// The two switches review needs in the shared session core: no runs (`c 3`) and no run line in
/// help.
///
/// Their defaults keep `sentag label` as it was.
@Suite struct ReviewSessionHookTests {
    typealias F = SessionFixture

    func session(allowsRuns: Bool, scope: [Int] = [0, 2]) -> LabelingSession {
        var table = DecisionTable()
        table.ensureJournal("judge")
        let view = DecisionView(table: table, labelSet: .default, corpus: F.corpus)
        let ledger = DecisionLedger(view: view, journal: 0, adjudicated: false, scope: .positions(Set(scope)))
        var session = LabelingSession(
            decisions: view, annotator: "judge", queue: SessionQueue(positions: scope, corpusCount: F.corpus.count),
            ledger: ledger, recordMaker: AnnotatorRecordMaker(annotator: "judge"), sessionID: "s",
            allowsRuns: allowsRuns)
        _ = session.start(at: F.at(0))
        return session
    }

    @Test func aRunIsRefusedWithTheLineQuotedAndNothingRecorded() {
        var session = session(allowsRuns: false)
        let (records, events) = session.handle(" n 3 ", at: F.at(1))
        #expect(records.isEmpty, "\(records)")
        #expect(
            events == [
                .problem(
                    "'n 3': one sentence at a time here, no count; expected a label alone: claim, quote, caption, noise (c/q/p/n)"
                )
            ], "\(events)")
        #expect(F.onScreen(session) == "Alpha one.")
        let (single, _) = session.handle("n", at: F.at(2))
        #expect(single.map(\.text) == ["Alpha one."], "\(single)")
        #expect(F.onScreen(session) == "Alpha three.", "the queue goes on with its next item")
    }

    @Test func runsStayOnByDefault() {
        var session = session(allowsRuns: true, scope: [0, 1, 2])
        let (records, _) = session.handle("n 2", at: F.at(1))
        #expect(records.map(\.text) == ["Alpha one.", "Alpha two mentions Putin."], "\(records)")
    }

    /// A run never leaves the session's scope (a plan's share): the next sentence belongs to
    /// someone else.
    @Test func aRunStopsWhereTheScopeEnds() {
        var session = session(allowsRuns: true)
        let (records, events) = session.handle("n 2", at: F.at(1))
        #expect(records.map(\.text) == ["Alpha one."], "\(records)")
        #expect(
            events.contains(.message("the run stopped after 1 sentence: the next one is not in this session's queue")),
            "\(events)")
    }

    @Test func helpLeavesOutTheRunLineOnlyWhenAsked() {
        let plain = TerminalStyle(enabled: false)
        let labeling = SessionScreen(labelSet: .default, style: plain).help(width: 100).joined(separator: "\n")
        let review = SessionScreen(labelSet: .default, style: plain, doneWord: "adjudicated", offersRuns: false)
            .help(width: 100).joined(separator: "\n")
        #expect(labeling.contains("n 3  this sentence and the next 2"), "\(labeling)")
        #expect(!review.contains(" 3  this sentence"), "\(review)")
        #expect(review.contains("u  undo the last decision"), "\(review)")
    }
}
