import SentagKit
import Testing

/// A plan's single units by name, as a store's pool knows them: a folder's answer (the plan's
/// own share) gives exactly the plan's queues, rebalanced ones included; other units give a
/// queue made of them.
@Suite struct WorkAssignmentPoolTests {
    let corpus = PlanTestSupport.corpus(PlanTestSupport.sizes(40))

    func assignment(_ plan: Plan) throws -> (WorkAssignment, PlanCorpusMatch) {
        let assignment = try WorkAssignment(plan: plan)
        return (assignment, PlanCorpusMatch(plan: plan, documents: assignment.documents, corpus: corpus))
    }

    @Test func theFixedShareByNameIsThePlansQueueEvenAfterARebalance() throws {
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob", "carol", "dave"], overlap: 0.3)
        let before = try PlanTestSupport.queues(plan, corpus)
        var (assignment, match) = try assignment(plan)
        var table = PlanTestSupport.table(
            [
                "carol": Array(before["carol"]!.positions.prefix(25)),
                "alice": Array(before["alice"]!.positions.prefix(9)),
            ],
            corpus: corpus)
        for name in plan.annotators { table.ensureJournal(name) }
        let progress = PlanProgress(
            view: DecisionView(table: table, labelSet: .default, corpus: corpus), roster: plan.annotators)
        let rebalanced = try #require(
            try PlanRebalancer.rebalance(assignment, match: match, progress: progress, absent: ["carol"]))
        for version in [plan, rebalanced] {
            (assignment, match) = try self.assignment(version)
            for name in version.annotators {
                let byName = assignment.queue(
                    for: name, in: match, singleUnits: assignment.fixedSingleUnits(of: name))
                let planned = assignment.queue(for: name, in: match)
                #expect(byName.positions == planned.positions && byName.kinds == planned.kinds, "\(name)")
                #expect(byName.isAbsent == planned.isAbsent)
            }
        }
    }

    @Test func unitsFromAPoolMakeTheQueueWithTheOverlapUnitsKept() throws {
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob"], overlap: 0.2)
        let (assignment, match) = try assignment(plan)
        let names = assignment.singleUnitNames
        #expect(Set(names).count == names.count && !names.isEmpty)
        #expect(Set(assignment.fixedSingleUnits(of: "alice") + assignment.fixedSingleUnits(of: "bob")) == Set(names))
        let everything = assignment.queue(for: "alice", in: match, singleUnits: names)
        let overlapOnly = assignment.queue(for: "alice", in: match, singleUnits: [])
        #expect(overlapOnly.kinds.allSatisfy { $0 == .overlap } && overlapOnly.count > 0)
        #expect(everything.count(of: .overlap) == overlapOnly.count)
        #expect(everything.count(of: .single) > assignment.queue(for: "alice", in: match).count(of: .single))
        #expect(everything.positions == everything.positions.sorted(), "document order")
        // Overlap units never come from the pool, and a name the plan does not know is ignored.
        let strange = assignment.queue(for: "bob", in: match, singleUnits: ["nowhere@0:0-3"])
        #expect(strange.positions == assignment.queue(for: "bob", in: match, singleUnits: []).positions)
        #expect(assignment.poolName.hasPrefix("plan-") && assignment.poolName.count == 21)
        let request = assignment.singleUnitRequest(for: "alice", more: 2)
        #expect(request.units == names && request.fixedShare == assignment.fixedSingleUnits(of: "alice"))
    }

    @Test func aRebalanceKeepsThePoolsName() throws {
        let plan = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob", "carol"], overlap: 0.2)
        let (assignment, match) = try assignment(plan)
        var table = DecisionTable(journals: [], unreadable: [])
        for name in plan.annotators { table.ensureJournal(name) }
        let progress = PlanProgress(
            view: DecisionView(table: table, labelSet: .default, corpus: corpus), roster: plan.annotators)
        let rebalanced = try #require(
            try PlanRebalancer.rebalance(assignment, match: match, progress: progress, absent: ["bob"]))
        #expect(try WorkAssignment(plan: rebalanced).poolName == assignment.poolName)
        let other = try PlanTestSupport.plan(corpus, annotators: ["alice", "bob", "carol"], overlap: 0.2, seed: 2)
        #expect(try WorkAssignment(plan: other).poolName != assignment.poolName)
    }
}
