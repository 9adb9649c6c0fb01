import SentagKit
import Testing

/// Blind rounds: under a plan, `sentag label` takes its share only, and nothing (a suggestion
/// included) is proposed on overlap or gold items.
@Suite struct BlindRoundTests {
    @Test func suggestionsAreSilentOnOverlapAndGoldItems() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (_, store) = try PlanTestSupport.blindRoundStore(in: folder)

        var options = LabelingSetup.Options(sources: [], annotator: "alice", sourcesGiven: false)
        options.suggestion = { _ in 0 }
        let setup = try LabelingSetup.prepare(options, store: store)
        defer { setup.journal.close() }
        let share = try #require(setup.plannedQueue)
        #expect(setup.session.queue.positions == share.positions, "the session's queue is alice's share")
        let proposal = try #require(setup.session.proposal)
        let counts = PlanTestSupport.shownAndSilent(share) { position in
            proposal(setup.session.corpus.sentences[position]) != nil
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
