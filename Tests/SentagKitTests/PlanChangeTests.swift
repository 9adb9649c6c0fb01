import SentagKit
import Testing

/// Rebalancing, adding annotators and extending a plan: the moves recorded in the plan replay
/// the same everywhere, keep K distinct annotators per overlap item and never move a decision.
@Suite struct PlanChangeTests {
    let corpus = PlanTestSupport.corpus(PlanTestSupport.sizes(60))

    /// The plan's state over the corpus with `decided` decisions.
    func state(_ plan: Plan, decided: [String: [Int]]) throws -> (WorkAssignment, PlanCorpusMatch, PlanProgress) {
        let assignment = try WorkAssignment(plan: plan)
        let match = PlanCorpusMatch(plan: plan, documents: assignment.documents, corpus: corpus)
        var table = PlanTestSupport.table(decided, corpus: corpus)
        for name in plan.annotators { table.ensureJournal(name) }
        let view = DecisionView(table: table, labelSet: .default, corpus: corpus)
        return (assignment, match, PlanProgress(view: view, roster: plan.annotators))
    }

    @Test func anAbsentAnnotatorsUnstartedWorkGoesToOthersKeepingKDistinct() throws {
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob", "carol", "dave"], overlap: 0.3)
        let before = try PlanTestSupport.queues(plan, corpus)
        let carolStarted = Array(before["carol"]!.positions.prefix(25))
        let aliceStarted = Array(before["alice"]!.positions.prefix(10))
        let (assignment, match, progress) = try state(plan, decided: ["carol": carolStarted, "alice": aliceStarted])
        let rebalanced = try #require(
            try PlanRebalancer.rebalance(assignment, match: match, progress: progress, absent: ["carol"]))
        #expect(rebalanced.absent == ["carol"])
        // Written and read again, it gives the same queues (every machine agrees).
        let reread = try Plan(jsonBytes: rebalanced.jsonBytes, location: "plan.json")
        #expect(reread == rebalanced)
        let after = try PlanTestSupport.queues(reread, corpus)
        #expect(Set(after["carol"]!.positions) == Set(carolStarted), "carol keeps exactly what she decided")
        #expect(after["carol"]!.isAbsent)
        for position in aliceStarted { #expect(after["alice"]!.positions.contains(position), "alice keeps her work") }
        // Coverage is unchanged: overlap items still have K = 2 distinct annotators, others one.
        #expect(
            PlanTestSupport.coverage(after, count: corpus.count)
                == PlanTestSupport.coverage(before, count: corpus.count))
        let others = ["alice", "bob", "dave"].map { after[$0]!.count - before[$0]!.count }
        #expect(others.reduce(0, +) == before["carol"]!.count - carolStarted.count, "\(others)")
        #expect(others.max()! - others.min()! <= plan.unitLimit + 10, "the work is spread: \(others)")
    }

    @Test func withTooFewLeftAnOverlapUnitCannotKeepKAnnotators() throws {
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob"], overlap: 0.2)
        let (assignment, match, progress) = try state(plan, decided: [:])
        #expect {
            try PlanRebalancer.rebalance(assignment, match: match, progress: progress, absent: ["bob"])
        } throws: { error in
            let message = "\(error)"
            return message.contains("needs 2 distinct annotators") && message.contains("sentag plan --add")
        }
        #expect(throws: PlanError.nobodyPresent(roster: ["alice", "bob"])) {
            try PlanRebalancer.rebalance(assignment, match: match, progress: progress, absent: ["alice", "bob"])
        }
        #expect(throws: PlanError.unknownAnnotators(names: ["zed"], roster: ["alice", "bob"])) {
            try PlanRebalancer.rebalance(assignment, match: match, progress: progress, absent: ["zed"])
        }
    }

    @Test func aNewAnnotatorTakesUnstartedUnitsFromTheBusiest() throws {
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob"], overlap: 0.2)
        let before = try PlanTestSupport.queues(plan, corpus)
        let started = Array(before["alice"]!.positions.prefix(30))
        let (assignment, match, progress) = try state(plan, decided: ["alice": started])
        let grown = try PlanRebalancer.add(assignment, match: match, progress: progress, names: ["carol"])
        #expect(grown.annotators == ["alice", "bob", "carol"])
        let after = try PlanTestSupport.queues(try Plan(jsonBytes: grown.jsonBytes, location: "plan.json"), corpus)
        for position in started { #expect(after["alice"]!.positions.contains(position)) }
        #expect(
            PlanTestSupport.coverage(after, count: corpus.count)
                == PlanTestSupport.coverage(before, count: corpus.count))
        let left = [
            after["alice"]!.count - started.count, after["bob"]!.count, after["carol"]!.count,
        ]
        #expect(left.max()! - left.min()! <= 2 * 60, "remaining work roughly even: \(left)")
        #expect(after["carol"]!.count > 0)
        #expect(throws: PlanError.alreadyPresent(names: ["bob"])) {
            try PlanRebalancer.add(assignment, match: match, progress: progress, names: ["bob"])
        }
    }

    @Test func anExtensionPlansNewDocumentsAndKeepsEditedOnesWithTheirAnnotators() throws {
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob", "carol"], overlap: 0.2)
        let before = try PlanTestSupport.queues(plan, corpus)
        // The corpus grows by two documents, and document d3 gets one sentence more.
        var documents = corpus.documents
        documents[3].text += "\nA late correction is added here."
        documents.append(Document(id: "new1", text: "One new line here.\nAnother one here.", origin: "new1.txt"))
        documents.append(Document(id: "new2", text: "A third new line.", origin: "new2.txt"))
        let grown = Corpus(documents: documents)
        let assignment = try WorkAssignment(plan: plan)
        let match = PlanCorpusMatch(plan: plan, documents: assignment.documents, corpus: grown)
        #expect(match.added == ["new1", "new2"] && match.changed == ["d3"] && match.removed.isEmpty)
        #expect(match.differences == "2 documents added (new1, new2), 1 edited (d3)")
        let extended = try #require(try PlanMaker.extend(plan, match: match))
        let after = try PlanTestSupport.queues(try Plan(jsonBytes: extended.jsonBytes, location: "plan.json"), grown)
        let coverage = PlanTestSupport.coverage(after, count: grown.count)
        #expect(coverage.allSatisfy { $0 == 1 || $0 == 2 }, "every sentence of the grown corpus is planned")
        // Sentences of the untouched documents keep their annotators.
        for name in plan.annotators {
            let old = before[name]!.positions.filter { corpus.documentIndex(ofSentenceAt: $0) != 3 }
                .map { corpus.id(at: $0) }
            let new = Set(after[name]!.positions.map { grown.id(at: $0) })
            #expect(old.allSatisfy { new.contains($0) }, "\(name) lost sentences of unchanged documents")
        }
        // The edited document keeps its annotators for its first sentences.
        let d3 = corpus.documentRanges[3]
        for name in plan.annotators where before[name]!.positions.contains(d3.lowerBound) {
            #expect(after[name]!.positions.contains(grown.documentRanges[3].lowerBound), "\(name)")
        }
        #expect(
            try PlanMaker.extend(
                extended,
                match: PlanCorpusMatch(
                    plan: extended, documents: try WorkAssignment(plan: extended).documents, corpus: grown)) == nil)
    }

    @Test func aPlanForAnotherCorpusMatchesNothing() throws {
        let plan = try PlanTestSupport.plan(corpus)
        let other = PlanTestSupport.corpus([10, 10], prefix: "other")
        let assignment = try WorkAssignment(plan: plan)
        let store = FolderStore(path: "Annotations")
        #expect {
            try PlanCorpusMatch.checked(assignment, corpus: other, sources: ["elsewhere"], store: store)
        } throws: { error in
            "\(error)".contains("was made for another corpus") && "\(error)".contains("elsewhere")
        }
    }
}
