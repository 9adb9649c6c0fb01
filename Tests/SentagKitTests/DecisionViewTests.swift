import Testing

@testable import SentagKit

/// `DecisionView` resolves a lane's corpus places on its first walk and keeps them: the verdicts
/// must stay the same for slots added after that walk and for copies of the view.
@Suite struct DecisionViewTests {
    typealias F = SessionFixture

    /// The positions of alice's decisions that count, and the slots of her orphans.
    static func walk(_ view: DecisionView) -> (positions: [Int], orphans: [Int]) {
        var positions: [Int] = []
        var orphans: [Int] = []
        view.forEachDecision(journal: 0, adjudicated: false) { decision in
            positions.append(decision.position ?? -1)
        } orphans: { slot, _ in
            orphans.append(slot)
        }
        return (positions, orphans)
    }

    @Test func slotsAddedAfterTheFirstWalkGetTheirPlaces() {
        var view = F.view(F.table(of: [F.record(1, "claim"), F.record(4, "quote")]))
        #expect(Self.walk(view).positions == [1, 4])
        // A new sentence, a sentence whose record disagrees with the corpus, and one not in it.
        var changed = F.record(2, "noise")
        changed.text = "Alpha three, edited."
        var missing = F.record(3, "claim")
        missing.id = SentenceID(rawValue: 0xDEAD_BEEF)
        view.apply(
            [F.record(5, "caption"), changed, missing],
            at: (10...12).map { RecordPosition(line: Int64($0), offset: Int64($0) * 100) })
        let (positions, orphans) = Self.walk(view)
        #expect(positions == [1, 4, 5])
        #expect(orphans == [3, 4])
    }

    @Test func aCopyWalkedFirstGivesTheOriginalTheSameVerdicts() {
        let view = F.view(F.table(of: [F.record(0, "claim"), F.record(6, "quote")]))
        var copy = view
        copy.apply([F.record(3, "noise")], at: [RecordPosition(line: 3, offset: 300)])
        #expect(Self.walk(copy).positions == [0, 6, 3])
        #expect(Self.walk(view).positions == [0, 6])
    }

    @Test func ratingsRowsAreInTheOrderFirstMetWithOrWithoutACorpus() throws {
        let bobs = [F.record(1, "quote"), F.record(3, "noise")].map { record in
            var record = record
            record.annotator = "bob"
            return record
        }
        let table = DecisionTable(
            journals: F.table(of: [F.record(5, "claim"), F.record(1, "quote")]).journals
                + F.table(of: bobs, annotator: "bob").journals)
        let withCorpus = try Ratings.collect(DecisionView(table: table, labelSet: .default, corpus: F.corpus))
        let without = try Ratings.collect(DecisionView(table: table, labelSet: .default))
        let expected = [5, 1, 3].map { F.corpus.id(at: $0) }
        #expect(withCorpus.table.itemIDs == expected)
        #expect(without.table.itemIDs == expected)
        #expect(withCorpus.table.cells == without.table.cells)
        #expect(withCorpus.slots == without.slots)
    }
}
