import SentagKit
import Testing

/// Blind rounds: under a plan, `sentag label` takes its share only, and nothing (a suggestion
/// included) is proposed on overlap or gold items.
@Suite struct BlindRoundTests {
    @Test func suggestionsAreSilentOnOverlapAndGoldItems() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        for d in 0..<12 {
            try folder.write(
                "corpus/doc\(d).txt", (0..<8).map { "Line \($0) of document \(d) is here." }.joined(separator: "\n"))
        }
        let corpus = try Corpus.load([folder.file("corpus")])
        let gold = (0..<6).map { #"{"id":"\#(corpus.id(at: $0 * 15))","label":"noise"}"# }
        let goldFile = try folder.write("gold.jsonl", gold.joined(separator: "\n"))
        let store = FolderStore(path: folder.file("annotations"))
        let plan = try PlanMaker.make(
            PlanMaker.Options(
                annotators: ["alice", "bob"], overlap: 0.5, sources: [folder.file("corpus")], goldFile: goldFile,
                goldRate: 0.1), corpus: corpus, labelSet: .default)
        _ = try PlanDocument.write(plan, replacing: nil, in: store)

        var options = LabelingSetup.Options(sources: [], annotator: "alice", sourcesGiven: false)
        options.suggestion = { _ in 0 }
        let setup = try LabelingSetup.prepare(options, store: store)
        defer { setup.journal.close() }
        let share = try #require(setup.plannedQueue)
        #expect(setup.session.queue.positions == share.positions, "the session's queue is alice's share")
        let proposal = try #require(setup.session.proposal)
        var counts: [PlannedQueue.Kind: (shown: Int, silent: Int)] = [:]
        for (slot, position) in share.positions.enumerated() {
            let proposed = proposal(setup.session.corpus.sentences[position])
            var count = counts[share.kinds[slot], default: (0, 0)]
            if proposed == nil { count.silent += 1 } else { count.shown += 1 }
            counts[share.kinds[slot]] = count
        }
        #expect(counts[.single]?.silent == 0 && (counts[.single]?.shown ?? 0) > 0, "\(counts)")
        #expect(counts[.overlap]?.shown == 0 && (counts[.overlap]?.silent ?? 0) > 0, "\(counts)")
        #expect(counts[.gold]?.shown == 0 && (counts[.gold]?.silent ?? 0) > 0, "\(counts)")

        #expect(
            throws: PlanError.notInRoster(
                annotator: "carol", roster: ["alice", "bob"], location: PlanDocument.location(in: store))
        ) {
            try LabelingSetup.prepare(
                LabelingSetup.Options(sources: [], annotator: "carol", sourcesGiven: false), store: store)
        }
    }
}
