import SentagKit
import Testing

/// The consensus rule: an adjudication (the latest), else a strict majority of the votes that count.
@Suite struct ConsensusLabelsTests {
    typealias F = ModelFixture

    @Test func anAdjudicationFirstElseAStrictMajority() {
        let journals = [
            F.journal("alice", [(0, "claim"), (1, "claim"), (2, "claim"), (3, "quote"), (4, "claim"), (6, "opinion")]),
            F.journal("bob", [(0, "quote"), (1, "claim"), (2, "quote"), (3, "quote"), (5, "quote"), (5, nil)]),
            F.journal("carol", [(1, "quote"), (6, "noise")]),
            F.journal("judge", [(0, "noise"), (7, "caption")], adjudicated: true, start: 10),
            F.journal("judge2", [(7, "quote")], adjudicated: true, start: 100),
        ]
        let view = F.view(journals)
        let consensus = ConsensusLabels(view: view)
        let names = (0..<9).map { consensus.label(at: $0).map { F.labels[$0] } ?? "-" }
        // 0: adjudicated over a 1–1 tie; 1: claim 2 of 3; 2: a 1–1 tie; 3: quote 2 of 2; 4: one
        // vote of one; 5: retracted; 6: 'opinion' is not in the label set, so noise is 1 of 1;
        // 7: the later of two adjudications; 8: nobody.
        #expect(names == ["noise", "claim", "-", "quote", "claim", "-", "noise", "quote", "-"], "\(names)")
        #expect(consensus.origins[0] == .adjudication && consensus.origins[1] == .majority)
        #expect(consensus.positions == [0, 1, 3, 4, 6, 7] && consensus.adjudicated == 2)
        #expect(consensus.countsByLabel == [2, 2, 0, 2], "\(consensus.countsByLabel)")
        for position in 0..<F.corpus.count {
            let one = ConsensusLabels.label(of: F.corpus.id(at: position), in: view)
            #expect(one == consensus.label(at: position), "position \(position): \(String(describing: one))")
        }
    }

    @Test func twoOfFourIsNoMajority() {
        let journals = ["a", "b", "c", "d"].enumerated().map { index, name in
            F.journal(name, [(0, index < 2 ? "claim" : (index == 2 ? "quote" : "noise"))])
        }
        let consensus = ConsensusLabels(view: F.view(journals))
        #expect(consensus.label(at: 0) == nil, "claim 2, quote 1, noise 1 is a plurality, not a majority")
    }

    @Test func aStoreOfAdjudicationsOnlyHasAConsensus() {
        let consensus = ConsensusLabels(view: F.view([F.journal("judge", F.truth(0..<6), adjudicated: true)]))
        #expect(consensus.count == 6 && consensus.adjudicated == 6)
    }
}
