import SentagKit
import Testing

/// The derivation of queues from a plan: overlap exactly F × sentences with K distinct
/// annotators, every other sentence once, balanced shares, whole documents, document order,
/// the same on every run.
@Suite struct WorkAssignmentTests {
    @Test(arguments: [(0.2, 2, 3), (0.5, 3, 5), (0.0, 2, 4), (1.0, 2, 2), (0.1, 4, 20)])
    func overlapItemsHaveKAnnotatorsAndTheRestOne(overlap: Double, k: Int, annotators: Int) throws {
        let corpus = PlanTestSupport.corpus(PlanTestSupport.sizes(120))
        let names = (0..<annotators).map { "a\($0)" }
        let plan = try PlanTestSupport.plan(corpus, annotators: names, overlap: overlap, k: k)
        let queues = try PlanTestSupport.queues(plan, corpus)
        let coverage = PlanTestSupport.coverage(queues, count: corpus.count)
        let overlapped = coverage.filter { $0 == k && k > 1 }.count
        let expected = Int((overlap * Double(corpus.count)).rounded())
        #expect(overlapped == expected, "\(overlapped) overlap items, expected \(expected) of \(corpus.count)")
        #expect(coverage.allSatisfy { $0 == 1 || ($0 == k && k > 1) }, "\(Set(coverage))")
        // Each overlap item's K annotators are distinct: K queues hold it, none twice.
        for queue in queues.values {
            #expect(Set(queue.positions).count == queue.count, "\(queue.annotator) holds a sentence twice")
        }
        // The queue's kinds say the same as the coverage.
        for queue in queues.values {
            for (slot, position) in queue.positions.enumerated() {
                #expect((queue.kinds[slot] == .overlap) == (coverage[position] == k && k > 1))
            }
        }
    }

    @Test func sharesAreBalancedAndDocumentsWholeWhenThereAreEnough() throws {
        let sizes = PlanTestSupport.sizes(300)
        let corpus = PlanTestSupport.corpus(sizes)
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob", "carol", "dave"], overlap: 0.2)
        #expect(plan.unitLimit >= sizes.max()!, "unit limit \(plan.unitLimit): every document is one unit")
        let queues = try PlanTestSupport.queues(plan, corpus)
        let counts = plan.annotators.map { queues[$0]!.count }
        #expect(counts.max()! - counts.min()! <= sizes.max()!, "\(counts)")
        let total = corpus.count + Int((0.2 * Double(corpus.count)).rounded())
        #expect(counts.reduce(0, +) == total, "\(counts)")
        // Every document is read whole by whoever has a sentence of it, but for the one unit
        // cut where the overlap reaches exactly 20%.
        var cut = 0
        for queue in queues.values {
            let held = Set(queue.positions)
            for range in corpus.documentRanges {
                let mine = range.filter { held.contains($0) }.count
                if mine != 0 && mine != range.count { cut += 1 }
            }
        }
        #expect(cut <= 2 * 4, "\(cut) partial documents")
    }

    @Test func aSmallCorpusIsCutIntoStretchesSoSharesStillBalance() throws {
        let corpus = PlanTestSupport.corpus([48, 47, 30, 23, 20])
        let plan = try PlanTestSupport.plan(corpus)
        #expect(plan.unitLimit == 9, "\(plan.unitLimit)")
        let queues = try PlanTestSupport.queues(plan, corpus)
        let counts = plan.annotators.map { queues[$0]!.count }
        #expect(counts.max()! - counts.min()! <= plan.unitLimit, "\(counts)")
        #expect(counts.reduce(0, +) == 168 + 34, "\(counts)")
    }

    @Test func queuesAreInDocumentOrderWithOverlapSpreadThrough() throws {
        let corpus = PlanTestSupport.corpus(PlanTestSupport.sizes(200))
        let plan = try PlanTestSupport.plan(corpus, overlap: 0.2)
        for queue in try PlanTestSupport.queues(plan, corpus).values {
            #expect(queue.positions == queue.positions.sorted(), "\(queue.annotator)'s queue is not in corpus order")
            // Overlap items are spread: each half of the queue has a share of them.
            let half = queue.count / 2
            let first = queue.kinds[..<half].filter { $0 == .overlap }.count
            let second = queue.kinds[half...].filter { $0 == .overlap }.count
            #expect(
                first > 0 && second > 0,
                "\(queue.annotator): \(first) overlap items in the first half, \(second) in the second")
        }
    }

    @Test func theSamePlanGivesTheSameQueuesAndRosterOrderDoesNotMatter() throws {
        let corpus = PlanTestSupport.corpus(PlanTestSupport.sizes(80))
        let one = try PlanTestSupport.plan(corpus, annotators: ["carol", "alice", "bob"], seed: 42)
        let two = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob", "carol"], seed: 42)
        #expect(one.jsonBytes == two.jsonBytes)
        let first = try PlanTestSupport.queues(one, corpus)
        let again = try PlanTestSupport.queues(try Plan(jsonBytes: one.jsonBytes, location: "plan.json"), corpus)
        for name in one.annotators {
            #expect(first[name]!.positions == again[name]!.positions, "\(name)")
        }
        let other = try PlanTestSupport.queues(try PlanTestSupport.plan(corpus, seed: 43), corpus)
        #expect(first["alice"]!.positions != other["alice"]!.positions, "another seed, another plan")
    }

    @Test func goldItemsAreMixedIntoEveryQueueAtTheRateAndAreNotOwnItems() throws {
        let corpus = PlanTestSupport.corpus(PlanTestSupport.sizes(100))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let gold = (0..<40).map { i in corpus.sentences[i * 37] }
        let file = try folder.write(
            "gold.jsonl",
            gold.enumerated().map { #"{"id":"\#($1.id)","label":"\#(["claim", "quote"][$0 % 2])"}"# }
                .joined(separator: "\n") + "\n")
        let plan = try PlanTestSupport.plan(corpus, gold: file, goldRate: 0.05)
        #expect(plan.gold?.items.count == 40)
        let queues = try PlanTestSupport.queues(plan, corpus)
        let goldPositions = Set(gold.map { corpus.position(of: $0.id)! })
        let coverage = PlanTestSupport.coverage(queues, count: corpus.count)
        for position in goldPositions { #expect(coverage[position] == 0, "gold is not an own item") }
        for queue in queues.values {
            let own = queue.count - queue.count(of: .gold)
            let expected = min(40, Int((0.05 * Double(own) / 0.95).rounded()))
            #expect(
                queue.count(of: .gold) == expected, "\(queue.annotator): \(queue.count(of: .gold)) of \(queue.count)")
            for (slot, position) in queue.positions.enumerated() where queue.kinds[slot] == .gold {
                #expect(goldPositions.contains(position))
                #expect(queue.hidesOthers(atSlot: slot))
            }
            // Spread: not all gold in one half.
            let golds = queue.kinds.indices.filter { queue.kinds[$0] == .gold }
            #expect(golds.first! < queue.count / 2 && golds.last! >= queue.count / 2, "\(golds) of \(queue.count)")
        }
        // Everything but the gold items is somebody's.
        #expect(coverage.enumerated().allSatisfy { $1 > 0 || goldPositions.contains($0) })
    }
}
