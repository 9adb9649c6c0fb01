import SentagKit
import Testing

/// Suggestions in the labeling loop, with scripted input: what the screen shows, what Enter on
/// an empty line does, and what the records carry.
@Suite struct ModelSuggestionsTests {
    typealias F = ModelFixture

    /// bob has labeled the last four articles (positions 6–29): 8 claims, 8 quotes, 4 captions, 4 noise.
    static let bob = F.journal("bob", F.truth(6..<30))

    struct Prepared {
        var session: LabelingSession
        var suggestions: ModelSuggestions
    }

    static func prepare(
        _ journals: [JournalDecisions] = [bob], options: ModelSuggestions.Options = .init(minimumPerLabel: 4),
        corpus: Corpus = F.corpus, cache: MemoryCache = MemoryCache()
    ) -> Prepared {
        var table = DecisionTable(journals: journals)
        table.ensureJournal("alice")
        let view = DecisionView(table: table, labelSet: .default, corpus: corpus)
        let ledger = DecisionLedger(view: view, journal: table.index(of: "alice")!, adjudicated: false)
        let queue = SessionQueue.labeling(
            corpusCount: corpus.count, ledger: ledger, order: .document, seed: 1, filter: .unlabeled)
        var session = LabelingSession(
            decisions: view, annotator: "alice", queue: queue, ledger: ledger,
            recordMaker: AnnotatorRecordMaker(annotator: "alice"), sessionID: "test0001")
        let suggestions = ModelSuggestions(view: view, cache: cache, options: options)
        session.suggestions = suggestions
        return Prepared(session: session, suggestions: suggestions)
    }

    struct Run {
        var output: String
        var records: [AnnotationRecord]
    }

    static func run(_ lines: [String], _ prepared: Prepared) -> Run {
        let output = CapturedOutput()
        let store = SessionLoopTests.MemoryStore()
        var tick = 0.0
        let loop = SessionLoop(
            session: prepared.session, input: ScriptedLineSource(lines), output: output, journal: store,
            screen: SessionScreen(labelSet: .default, style: TerminalStyle(enabled: false)),
            clock: {
                tick += 1
                return F.at(tick)
            })
        _ = loop.run()
        return Run(output: output.text, records: store.records)
    }

    @Test func enterOnAnEmptyLineAcceptsTheSuggestion() throws {
        let result = Self.run([""], Self.prepare())
        let record = try #require(result.records.first, "\(result.output)")
        #expect(record.label == "claim" && record.suggested == "claim", "\(record)\n\(result.output)")
        #expect(record.text == F.corpus.sentences[0].text)
        let line = result.output.split(separator: "\n").first { $0.contains("suggestion:") }.map(String.init) ?? ""
        #expect(line.hasPrefix("  suggestion: claim (p ") && line.hasSuffix(")"), "\(result.output)")
        #expect(result.output.contains("\n[c/q/p/n ?] Enter: claim > \n"), "the prompt names it:\n\(result.output)")
    }

    @Test func anotherLabelIsSavedWithTheSuggestionItOverrode() throws {
        let result = Self.run(["q"], Self.prepare())
        let record = try #require(result.records.first, "\(result.output)")
        #expect(record.label == "quote" && record.suggested == "claim", "\(record)")
    }

    @Test func suggestOffShowsNoneAndAnEmptyLineDoesNothing() {
        let result = Self.run(["", "c"], Self.prepare(options: .init(suggest: false, minimumPerLabel: 4)))
        #expect(!result.output.contains("suggestion:"), "\(result.output)")
        #expect(result.records.map(\.label) == ["claim"] && result.records[0].suggested == nil, "\(result.records)")
    }

    @Test func aWithheldSentenceIsBlind() {
        let options = ModelSuggestions.Options(withheld: { $0 == 0 }, minimumPerLabel: 4)
        let result = Self.run(["", "c", ""], Self.prepare(options: options))
        #expect(result.records.count == 2, "\(result.output)")
        #expect(result.records.first?.suggested == nil && result.records.first?.text == F.corpus.sentences[0].text)
        #expect(result.records.last?.suggested != nil && result.records.last?.suggested == result.records.last?.label)
    }

    @Test func aBlindSessionHasNoSuggestionAndNoSimilar() {
        let result = Self.run(["", ":similar"], Self.prepare(options: .init(blind: true, minimumPerLabel: 4)))
        #expect(result.records.isEmpty && !result.output.contains("suggestion:"), "\(result.output)")
        #expect(result.output.contains("no similar sentences in a blind session"), "\(result.output)")
    }

    @Test func tooFewLabelsSaySoOnceThenSuggestionsStart() throws {
        let result = Self.run(
            ["c", "c", "q", "q", "p", "n", ""], Self.prepare([], options: .init(minimumPerLabel: 1)))
        let waiting = "suggestions start after 1 labels of each class"
        #expect(result.output.components(separatedBy: waiting).count == 2, "said once:\n\(result.output)")
        let start = "suggestions start now"
        #expect(result.output.components(separatedBy: start).count == 2, "\(result.output)")
        #expect(result.records.count == 7, "\(result.output)")
        #expect(result.records.prefix(6).allSatisfy { $0.suggested == nil }, "\(result.records)")
        let accepted = try #require(result.records.last)
        #expect(accepted.text == F.corpus.sentences[6].text && accepted.suggested == accepted.label, "\(accepted)")
    }

    @Test func theLabelOfADuplicateIsSuggestedAndMarked() throws {
        let corpus = Corpus(documents: [
            Document(id: "a", text: "The river burst its banks on Sunday.\nA line of its own.", origin: "a.txt"),
            Document(id: "b", text: "Something else entirely.\nTHE  river burst its banks on sunday.", origin: "b.txt"),
            Document(id: "c", text: "The river burst its banks on Sunday night.", origin: "c.txt"),
        ])
        let bob = F.journal("bob", [(0, "caption")], corpus: corpus)
        let prepared = Self.prepare([bob], options: .init(minimumPerLabel: 5), corpus: corpus)
        let exact = try #require(prepared.suggestions.suggestion(at: 3))
        #expect(
            exact.label == "caption" && exact.duplicateOf == "a:1" && exact.exactDuplicate && exact.probability == nil)
        #expect(SessionScreen.describe(exact) == "suggestion: caption, the label of its duplicate a:1")
        let near = try #require(prepared.suggestions.suggestion(at: 4))
        #expect(near.label == "caption" && near.duplicateOf == "a:1" && !near.exactDuplicate)
        #expect(prepared.suggestions.suggestion(at: 2) == nil, "not a duplicate, and the model is not ready")
        // alice labels the copy in b: the consensus of b:2 joins the index at once.
        var session = prepared.session
        _ = session.start(at: F.at(0))
        _ = session.handle(":goto b:2", at: F.at(1))
        let step = session.handle("", at: F.at(2))
        #expect(step.records.first?.label == "caption" && step.records.first?.suggested == "caption")
    }

    @Test func similarShowsThreeAgreedSentences() {
        let result = Self.run([":similar"], Self.prepare())
        let lines = result.output.split(separator: "\n").map(String.init)
        guard let heading = lines.firstIndex(of: "the 3 most similar sentences with an agreed label:") else {
            Issue.record("no :similar listing in\n\(result.output)")
            return
        }
        #expect(lines[heading + 1].hasPrefix("  claim · "), "\(result.output)")
        #expect(lines[heading + 1].contains("The council in"), "\(result.output)")
        #expect(lines.filter { $0.hasPrefix("  claim · ") || $0.hasPrefix("  quote · ") }.count >= 3)
    }

    @Test func aLargeSetTrainsInTheBackgroundAndSavesTheModel() throws {
        let cache = MemoryCache()
        let prepared = Self.prepare(options: .init(synchronousLimit: 0, minimumPerLabel: 4), cache: cache)
        let suggestions = prepared.suggestions
        let notice = suggestions.takeNotices().joined(separator: " ")
        #expect(
            notice.contains("the model is training on 24 agreed labels in the background")
                || notice.contains("the model is trained on"), "\(notice)")
        suggestions.recorded(position: 0, label: 0, consensus: 0)
        suggestions.waitUntilPrepared()
        #expect(suggestions.provenance == .rebuilt("no saved model"), "\(suggestions.provenance)")
        #expect(suggestions.suggestion(at: 1) != nil)
        #expect(cache.writes == 1)
        let again = Self.prepare(options: .init(minimumPerLabel: 4), cache: cache)
        #expect(again.suggestions.provenance == .saved, "\(again.suggestions.provenance)")
        let more = Self.prepare(
            [Self.bob, F.journal("carol", F.truth(0..<2))], options: .init(minimumPerLabel: 4), cache: cache)
        #expect(more.suggestions.provenance == .savedAndCaughtUp(2), "\(more.suggestions.provenance)")
    }

    @Test func uncertainOrderPutsTheSmallestMarginFirst() throws {
        let prepared = Self.prepare()
        let (queue, note) = LabelingSetup.uncertainFirst(prepared.session.queue, suggestions: prepared.suggestions)
        #expect(note == "least certain first (--order uncertain)")
        #expect(queue.positions.sorted() == Array(0..<30))
        let margins = try #require(prepared.suggestions.predictions(at: queue.positions)).map(\.margin)
        #expect(margins == margins.sorted(), "\(margins)")
        let unready = Self.prepare([], options: .init(minimumPerLabel: 4))
        let (same, why) = LabelingSetup.uncertainFirst(unready.session.queue, suggestions: unready.suggestions)
        #expect(same.positions == Array(0..<30))
        #expect(
            why?.hasPrefix("--order uncertain: suggestions start after 4 labels of each class") == true, "\(why ?? "")")
    }
}

/// Under a plan, the model in the loop is blind on overlap and gold items: no suggestion, no
/// duplicate's label, no `:similar`; the other items of the share get suggestions.
@Suite struct ModelSuggestionsPlanTests {
    @Test func overlapAndGoldItemsGetNoSuggestion() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (corpus, store) = try PlanTestSupport.blindRoundStore(in: folder)
        // carol (outside the roster: a lead's earlier round) labeled every sentence.
        let labels = ["claim", "quote", "caption", "noise"]
        let records = (0..<corpus.count).map {
            AnnotationRecord(
                sentence: corpus.sentences[$0], label: labels[$0 % 4], annotator: "carol", time: SessionFixture.at(0))
        }
        try folder.write("annotations/carol.jsonl", records.flatMap(\.jsonLine))

        let options = LabelingSetup.Options(
            sources: [], annotator: "alice", filter: .all, sourcesGiven: false,
            suggestions: ModelSuggestions.Options(minimumPerLabel: 1))
        let setup = try LabelingSetup.prepare(options, store: store)
        defer { setup.journal.close() }
        let share = try #require(setup.plannedQueue)
        let suggestions = try #require(setup.suggestions)
        let counts = PlanTestSupport.shownAndSilent(share) { position in
            suggestions.suggestion(at: position) != nil
        }
        for (slot, position) in share.positions.enumerated() where share.hidesOthers(atSlot: slot) {
            guard case .unavailable = suggestions.similar(to: position, count: 3) else {
                Issue.record(":similar answered on a blind item")
                continue
            }
        }
        #expect(counts[.single]?.silent == 0 && (counts[.single]?.shown ?? 0) > 0, "\(counts)")
        #expect(counts[.overlap]?.shown == 0 && (counts[.overlap]?.silent ?? 0) > 0, "\(counts)")
        #expect(counts[.gold]?.shown == 0 && (counts[.gold]?.silent ?? 0) > 0, "\(counts)")
    }
}
