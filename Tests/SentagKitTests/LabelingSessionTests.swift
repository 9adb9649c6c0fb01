import SentagKit
import Testing

/// The session state machine, line by line, without a terminal or a file.
@Suite struct LabelingSessionTests {
    typealias F = SessionFixture

    @Test func startShowsTheFirstUnlabeledSentence() {
        var session = F.session()
        let events = session.start(at: F.at(0))
        #expect(events == [.started(queued: 7, decided: 0, total: 7), .show])
        #expect(F.onScreen(session) == "Alpha one.")
        let view = session.view()
        #expect(
            view?.documentID == "alpha" && view?.sentenceNumber == 1 && view?.sentencesInDocument == 4,
            "\(String(describing: view))")
        #expect(view?.before == [] && view?.after == ["Alpha two mentions Putin."], "\(String(describing: view))")
        #expect(view?.place == "alpha:1" && view?.headline == "Alpha one.", "\(String(describing: view))")
    }

    @Test func labelMakesOneRecordWithTimeOnSentenceAndSessionThenMovesOn() throws {
        var session = F.started()
        let step = session.plan("q", at: F.at(2.5))
        #expect(step.records.count == 1)
        let record = try #require(step.records.first)
        #expect(record.label == "quote" && record.text == "Alpha one." && record.annotator == "alice")
        #expect(record.ms == 2500 && record.session == "test0001" && record.time == F.at(2.5), "\(record)")
        #expect(F.onScreen(session) == "Alpha one.", "planning alone must not move on")
        let events = session.apply(step, at: F.at(2.5))
        #expect(events == [.saved(label: "quote", count: 1, place: "alpha:1"), .show])
        #expect(F.onScreen(session) == "Alpha two mentions Putin.")
        #expect(session.ledger.label(at: 0) == 1 && session.ledger.decidedInScope == 1)
    }

    @Test func countLabelsTheNextSentencesOfTheDocumentOnly() {
        var session = F.started()
        _ = session.handle("c", at: F.at(1))
        _ = session.handle("s", at: F.at(2))  // skip "Alpha two"
        let (records, events) = session.handle("n 5", at: F.at(3))
        #expect(records.map(\.text) == ["Alpha three.", "Alpha four."])
        #expect(records.allSatisfy { $0.label == "noise" })
        #expect(events.first == .saved(label: "noise", count: 2, place: "alpha:3–4"))
        #expect(events.contains(.message("only 2 sentences left in this document")), "\(events)")
        #expect(F.onScreen(session) == "Beta one.")
    }

    @Test func undoRetractsTheLastDecisionAndShowsItsSentence() throws {
        var session = F.started()
        _ = session.handle("c", at: F.at(1))
        let (records, events) = session.handle("u", at: F.at(2))
        let retraction = try #require(records.first)
        #expect(records.count == 1 && retraction.label == nil && retraction.text == "Alpha one.", "\(records)")
        #expect(retraction.session == "test0001")
        #expect(events == [.undone(label: "claim", count: 1, restored: nil, place: "alpha:1"), .show], "\(events)")
        #expect(F.onScreen(session) == "Alpha one." && session.ledger.label(at: 0) == nil)
        // Relabeling returns to where the annotator was.
        _ = session.handle("q", at: F.at(3))
        #expect(F.onScreen(session) == "Alpha two mentions Putin.")
        // Nothing more to undo than what was decided.
        _ = session.handle("u", at: F.at(4))
        let (none, message) = session.handle("u", at: F.at(5))
        #expect(none.isEmpty && message == [.message("nothing to undo")], "\(message)")
    }

    @Test func undoAfterARestartUsesTheLabelFile() throws {
        // A previous session labeled sentences 0, 1, 2, then undid 2.
        let table = F.table(of: [
            F.record(0, "claim"), F.record(1, "quote"), F.record(2, "noise"), F.record(2, nil),
        ])
        var session = F.started(F.session(table: table))
        #expect(F.onScreen(session) == "Alpha three.", "resumes at the first unlabeled sentence")
        let (records, events) = session.handle("u", at: F.at(1))
        #expect(records.first?.text == "Alpha two mentions Putin." && records.first?.label == nil, "\(records)")
        #expect(
            events.first == .undone(label: "quote", count: 1, restored: nil, place: "alpha:2"), "\(events)")
        #expect(F.onScreen(session) == "Alpha two mentions Putin.")
        let (again, _) = session.handle("u", at: F.at(2))
        #expect(again.first?.text == "Alpha one.", "\(again)")
    }

    @Test func backShowsThePreviousSentenceAndRelabelingReturns() {
        var session = F.started()
        _ = session.handle("c", at: F.at(1))
        _ = session.handle("c", at: F.at(2))
        let (none, events) = session.handle("b", at: F.at(3))
        #expect(none.isEmpty && events == [.show])
        #expect(F.onScreen(session) == "Alpha two mentions Putin." && session.view()?.currentLabel == "claim")
        _ = session.handle("b", at: F.at(4))
        #expect(F.onScreen(session) == "Alpha one.")
        let (records, _) = session.handle("q", at: F.at(5))
        #expect(records.first?.label == "quote")
        #expect(F.onScreen(session) == "Alpha two mentions Putin.")
        _ = session.handle("s", at: F.at(6))
        #expect(F.onScreen(session) == "Alpha three.")
    }

    @Test func backAtTheStartSaysSo() {
        var session = F.started()
        let (records, events) = session.handle("b", at: F.at(1))
        #expect(records.isEmpty && events.count == 1)
        guard case .message(let text)? = events.first else { Issue.record("\(events)"); return }
        #expect(text.contains("no earlier sentence"), "\(text)")
    }

    @Test func skipMakesNoRecord() {
        var session = F.started()
        let (records, events) = session.handle("s", at: F.at(1))
        #expect(records.isEmpty && events == [.message("skipped"), .show])
        #expect(F.onScreen(session) == "Alpha two mentions Putin.")
    }

    @Test func gotoSentenceOfThisOrAnotherDocument() {
        var session = F.started()
        _ = session.handle(":goto 3", at: F.at(1))
        #expect(F.onScreen(session) == "Alpha three.")
        _ = session.handle(":goto be:2", at: F.at(2))
        #expect(F.onScreen(session) == "Beta two.")
        // The queue carries on from the target.
        _ = session.handle("c", at: F.at(3))
        #expect(F.onScreen(session) == "Beta three.")
    }

    @Test(arguments: [
        (":goto 9", "no sentence 9 in alpha; it has 4 (1–4)"),
        (":goto zeta:1", "unknown document 'zeta'"),
    ])
    func gotoProblems(_ line: String, _ expected: String) {
        var session = F.started()
        let (records, events) = session.handle(line, at: F.at(1))
        guard case .problem(let text)? = events.first else { Issue.record("\(events)"); return }
        #expect(records.isEmpty && text.hasPrefix(expected), "\(text)")
        #expect(F.onScreen(session) == "Alpha one.")
    }

    @Test func gotoALabeledSentenceIsAnExcursion() throws {
        let table = F.table(of: [F.record(4, "claim")])
        var session = F.started(F.session(table: table))
        _ = session.handle(":goto beta:1", at: F.at(1))
        #expect(F.onScreen(session) == "Beta one." && session.view()?.currentLabel == "claim")
        _ = session.handle("n", at: F.at(2))
        #expect(F.onScreen(session) == "Alpha one.", "back to where the annotator was")
    }

    @Test func findGoesToTheNextSentenceContainingTheText() {
        var session = F.started()
        _ = session.handle(":find putin", at: F.at(1))
        #expect(F.onScreen(session) == "Alpha two mentions Putin.")
        _ = session.handle(":find BETA T", at: F.at(2))
        #expect(F.onScreen(session) == "Beta two.")
        let (_, events) = session.handle(":find nowhere", at: F.at(3))
        #expect(events == [.message("no other sentence contains 'nowhere'")])
    }

    @Test func noteAndFlagBeforeTheLabelGoIntoTheRecord() throws {
        var session = F.started()
        let (none, noteEvents) = session.handle(":note irony?", at: F.at(1))
        #expect(none.isEmpty && noteEvents.count == 1)
        _ = session.handle(":flag", at: F.at(2))
        #expect(session.view()?.flagged == true && session.view()?.note == "irony?")
        let (records, _) = session.handle("c", at: F.at(3))
        let record = try #require(records.first)
        #expect(record.note == "irony?" && record.flag == true, "\(record)")
        #expect(session.view()?.note == nil && session.view()?.flagged == false, "the next sentence starts clean")
    }

    @Test func noteAndFlagOnADecidedSentenceAppendItAgain() throws {
        var session = F.started()
        _ = session.handle("c", at: F.at(1))
        _ = session.handle("b", at: F.at(2))
        let (noted, _) = session.handle(":note checked", at: F.at(3))
        #expect(noted.count == 1 && noted[0].label == "claim" && noted[0].note == "checked", "\(noted)")
        let (flagged, events) = session.handle(":flag", at: F.at(4))
        #expect(flagged.first?.flag == true && flagged.first?.note == "checked", "\(flagged)")
        #expect(events == [.message("flagged as unsure")])
        let (unflagged, _) = session.handle(":flag", at: F.at(5))
        #expect(unflagged.first?.flag == false, "\(unflagged)")
        #expect(F.onScreen(session) == "Alpha one.", "amending does not move on")
    }

    @Test func notesOfEarlierSessionsAreKeptWhenRelabeling() throws {
        let table = F.table(of: [F.record(0, "claim", note: "from last week")])
        var session = F.started(F.session(table: table, filter: .all))
        #expect(session.view()?.note == "from last week")
        let (records, _) = session.handle("q", at: F.at(1))
        #expect(records.first?.note == "from last week", "\(records)")
    }

    @Test func statsCountLabelsPaceAndWhatIsLeft() {
        var session = F.started()
        _ = session.handle("c", at: F.at(10))
        _ = session.handle("c", at: F.at(20))
        _ = session.handle("n", at: F.at(60))
        let (_, events) = session.handle(":stats", at: F.at(60))
        guard case .stats(let stats)? = events.first else { Issue.record("\(events)"); return }
        #expect(stats.counts == [2, 0, 0, 1] && stats.countsThisSession == [2, 0, 0, 1], "\(stats)")
        #expect(stats.decided == 3 && stats.total == 7 && stats.left == 4, "\(stats)")
        #expect(stats.perMinute == 3.0, "\(stats)")
        #expect(stats.estimatedMillisecondsLeft == 80_000, "\(stats)")
    }

    @Test func contextToggles() {
        var session = F.started()
        let (_, events) = session.handle(":context", at: F.at(1))
        #expect(events == [.message("context off"), .show])
        #expect(session.view()?.after == [])
        _ = session.handle(":c", at: F.at(2))
        #expect(session.view()?.after == ["Alpha two mentions Putin."])
    }

    @Test func helpGuideAndQuitAreEvents() {
        var session = F.started()
        #expect(session.handle("?", at: F.at(1)).events == [.help, .show])
        #expect(session.handle(":guide", at: F.at(1)).events == [.guide(section: nil), .show])
        #expect(session.handle(":quit", at: F.at(1)).events == [.quit])
    }

    @Test func unknownInputChangesNothing() {
        var session = F.started()
        let (records, events) = session.handle("clam", at: F.at(1))
        #expect(records.isEmpty)
        #expect(events == [.problem("unknown label 'clam'; expected claim, quote, caption, noise (c/q/p/n)")])
        #expect(F.onScreen(session) == "Alpha one." && session.ledger.decidedInScope == 0)
    }

    @Test func theQueueEndsAndLabelsAreRefusedThen() {
        var session = F.started()
        var events: [SessionEvent] = []
        for second in 1...7 { events = session.handle("c", at: F.at(Double(second))).events }
        #expect(events.last == .finished, "\(events)")
        #expect(session.current == nil && session.view() == nil)
        let (records, refused) = session.handle("q", at: F.at(9))
        #expect(records.isEmpty)
        guard case .problem(let text)? = refused.first else { Issue.record("\(refused)"); return }
        #expect(text.contains("queue is done"), "\(text)")
        // Undo still works at the end.
        #expect(
            session.handle("u", at: F.at(10)).events.first
                == .undone(label: "claim", count: 1, restored: nil, place: "beta:3"))
        #expect(F.onScreen(session) == "Beta three.")
    }

    @Test func resumeSkipsLabeledSentencesAndOnlyFlaggedShowsFlagged() throws {
        let table = F.table(of: [F.record(0, "claim"), F.record(1, "quote", flag: true), F.record(3, "noise")])
        var resumed = F.session(table: table)
        #expect(resumed.start(at: F.at(0)).first == .started(queued: 4, decided: 3, total: 7))
        #expect(F.onScreen(resumed) == "Alpha three.")
        _ = resumed.handle("c", at: F.at(1))
        #expect(F.onScreen(resumed) == "Beta one.", "alpha four was labeled before")
        let flagged = F.started(F.session(table: table, filter: .flagged))
        #expect(flagged.queue.positions == [1])
        #expect(F.started(F.session(table: table, filter: .all)).queue.count == 7)
    }

    @Test func shuffleIsReproducibleForASeed() {
        let first = F.session(order: .shuffle, seed: 42).queue.positions
        let again = F.session(order: .shuffle, seed: 42).queue.positions
        let other = F.session(order: .shuffle, seed: 7).queue.positions
        #expect(first == again)
        #expect(first.sorted() == Array(0..<7))
        #expect(first != other, "different seeds should give different orders: \(first) \(other)")
    }

    @Test func unknownLabelsInTheFileCountAsUnlabeledWithAWarning() throws {
        let table = F.table(of: [F.record(0, "rumour")])
        let session = F.session(table: table)
        #expect(session.ledger.label(at: 0) == nil)
        let warnings = session.decisions.labelWarnings
        #expect(warnings.count == 1 && warnings[0].location.hasSuffix(":1"), "\(warnings)")
        #expect(warnings[0].message.contains("'rumour'"), "\(warnings)")
    }

    @Test func recordMakerIsPluggable() throws {
        struct Adjudication: SessionRecordMaker {
            func makeRecord(for sentence: Sentence, label: String?, details: RecordDetails) -> AnnotationRecord {
                AnnotationRecord(
                    sentence: sentence, label: label, annotator: "judge", time: details.time, session: details.session,
                    adjudicated: true, votes: ["alice": "claim", "bob": "quote"])
            }
        }
        var table = DecisionTable()
        table.ensureJournal("judge")
        let view = DecisionView(table: table, labelSet: .default, corpus: F.corpus)
        let ledger = DecisionLedger(view: view, journal: 0, adjudicated: true, scope: .positions([2, 5]))
        let queue = SessionQueue(positions: [5, 2], corpusCount: F.corpus.count)
        var session = LabelingSession(
            decisions: view, annotator: "judge", adjudicated: true, queue: queue, ledger: ledger,
            recordMaker: Adjudication(), sessionID: "s", describe: { _ in ["alice: claim", "bob: quote"] })
        _ = session.start(at: F.at(0))
        #expect(F.onScreen(session) == "Beta two." && session.view()?.details == ["alice: claim", "bob: quote"])
        #expect(session.view()?.total == 2)
        let (records, _) = session.handle("c", at: F.at(1))
        #expect(records.first?.adjudicated == true && records.first?.votes?["bob"] == "quote", "\(records)")
        #expect(F.onScreen(session) == "Alpha three.")
        let (_, events) = session.handle(":goto alpha:1", at: F.at(2))
        #expect(events == [.problem("alpha:1 is not in this session's queue")], "\(events)")
    }
}
