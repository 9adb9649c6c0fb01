import Dispatch
import Foundation
import SentagKit
import Testing

/// `plan.json`: what it holds, how it is read back, what a bad one says, and how two leads
/// writing at once are kept apart.
@Suite struct PlanFileTests {
    let corpus = PlanTestSupport.corpus([12, 7, 30, 4])

    @Test func everyStepReadsBackAsWritten() throws {
        var plan = try PlanTestSupport.plan(corpus, overlap: 0.25, seed: 9)
        let id = corpus.id(at: 3)
        plan.gold = GoldSet(
            rate: 0.1, file: "gold.jsonl", items: [GoldSet.Item(id: id, label: "quote", doc: "d0", index: 3)])
        plan.history += [
            .rebalanced(
                absent: ["carol"], moves: [UnitMove(doc: "d2", start: 0, from: "carol", to: "alice", keep: [id])]),
            .added(annotators: ["dave"], moves: []),
            .extended(documents: [PlannedDocument(id: "d9", sentences: 3, hash: 0xABCD)], removed: ["d1"]),
        ]
        plan.annotators = ["alice", "bob", "carol", "dave"]
        let text = String(decoding: plan.jsonBytes, as: UTF8.self)
        #expect(text.contains(#""sentag_plan": 1,"#) && text.contains(#"["d0",12,""#), "\(text)")
        #expect(text.contains(#"{"doc":"d2","start":0,"from":"carol","to":"alice","keep":[""#), "\(text)")
        let read = try Plan(jsonBytes: plan.jsonBytes, location: "plan.json")
        #expect(read == plan)
        #expect(read.absent == ["carol"], "\(read.absent)")
    }

    @Test(arguments: [
        ("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> x\n", "git conflict markers"),
        (#"{"sentag_plan": 7}"#, "format 7, newer than this sentag"),
        (#"[1, 2]"#, "an array, not an object"),
        (#"{"sentag_plan": 1, "annotators": ["../x"]}"#, "'../x', which is not an annotator name"),
    ])
    func aBadPlanFileSaysWhatIsWrong(_ text: String, _ expected: String) {
        #expect {
            try Plan(jsonBytes: Array(text.utf8), location: "Annotations/plan.json")
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".contains("Annotations/plan.json")
        }
    }

    @Test func aHandEditedHistoryThatDoesNotReplayIsAnError() throws {
        var plan = try PlanTestSupport.plan(corpus)
        plan.history.append(
            .rebalanced(absent: ["bob"], moves: [UnitMove(doc: "d0", start: 5, from: "bob", to: "carol")]))
        let read = try Plan(jsonBytes: plan.jsonBytes, location: "plan.json")
        #expect {
            try WorkAssignment(plan: read, location: "Annotations/plan.json")
        } throws: { error in
            "\(error)".contains("does not replay") && "\(error)".contains("d0:5")
        }
    }

    /// A gold sentence listed twice (a hand edit of an index) counted twice against a unit's
    /// sentences: replaying the history trapped on a negative weight.
    @Test func aGoldSentenceListedTwiceIsAnErrorNotACrash() throws {
        var plan = try PlanTestSupport.plan(corpus, overlap: 0.25, seed: 9)
        plan.gold = GoldSet(
            rate: 0.1, file: "gold.jsonl",
            // d3 has 4 sentences; five gold items on its first made a unit of -1 sentences.
            items: (0..<5).map { GoldSet.Item(id: corpus.id(at: 49 + $0 % 4), label: "quote", doc: "d3", index: 0) })
        #expect {
            let read = try Plan(jsonBytes: plan.jsonBytes, location: "Annotations/plan.json")
            _ = try WorkAssignment(plan: read, location: "Annotations/plan.json")
        } throws: { error in
            "\(error)".contains("\"gold.items[1]\" is sentence 0 of 'd3' again")
        }
    }

    @Test func aSecondLeadIsRefusedUnlessThePlansAreTheSame() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = FolderStore(path: folder.file("annotations"))
        let first = try PlanTestSupport.plan(corpus, seed: 1)
        let same = try PlanTestSupport.plan(corpus, annotators: ["carol", "bob", "alice"], seed: 1)
        let other = try PlanTestSupport.plan(corpus, seed: 2)
        #expect(try PlanDocument.write(first, replacing: nil, in: store) == .written)
        #expect(try PlanDocument.write(same, replacing: nil, in: store) == .unchanged)
        #expect {
            try PlanDocument.write(other, replacing: nil, in: store)
        } throws: { error in
            "\(error)".contains("already holds another plan") && "\(error)".contains("--replace")
        }
        #expect(try store.readDocument(.plan) == first.jsonBytes, "nothing lost")
        // Replacing with stale bytes is refused too.
        #expect(throws: PlanError.changedMeanwhile(location: PlanDocument.location(in: store))) {
            try PlanDocument.write(other, replacing: Array("{}".utf8), in: store)
        }
        #expect(try PlanDocument.write(other, replacing: first.jsonBytes, in: store) == .written)
    }

    @Test func ofManyLeadsWritingAtOnceExactlyOneWins() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("annotations")
        let plans = try (1...8).map { try PlanTestSupport.plan(corpus, seed: UInt64($0)).jsonBytes }
        let outcomes = LockedResults()
        DispatchQueue.concurrentPerform(iterations: plans.count) { i in
            let store = FolderStore(path: path)
            let won = (try? store.replaceDocument(.plan, expecting: nil, with: plans[i])) ?? false
            outcomes.add(won ? i : -1)
        }
        let winners = outcomes.values.filter { $0 >= 0 }
        #expect(winners.count == 1, "\(outcomes.values)")
        #expect(try FolderStore(path: path).readDocument(.plan) == plans[winners[0]])
    }
}
