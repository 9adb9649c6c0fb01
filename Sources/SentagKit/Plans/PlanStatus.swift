/// `sentag plan --status`: per annotator what the plan gives them and how far they are, and how
/// many overlap items have their K votes.
///
/// A view of the plan, the corpus and the decision table.
public struct PlanStatus: Sendable {
    /// One annotator's share.
    public struct Share: Equatable, Sendable {
        public var name: String
        /// Items in their queue (gold checks included), decided, and left.
        public var assigned: Int
        public var done: Int
        public var left: Int
        /// Of `assigned`: overlap items and gold checks.
        public var overlap: Int
        public var gold: Int
        public var absent: Bool
        /// Their latest labeling record.
        public var lastLabeled: Timestamp?
    }

    public var plan: Plan
    public var annotators: [Share]
    /// Sentences of the corpus at hand.
    public var sentences: Int
    /// Overlap items (sentences to be labeled by `k` annotators) and those with `k` votes.
    public var overlapItems: Int
    public var completeOverlapItems: Int
    /// Single items and those with a vote.
    public var singleItems: Int
    public var completeSingleItems: Int
    /// Gold items found in the corpus.
    public var goldItems: Int
    /// Sentences of the corpus in no unit and not gold (documents added since the plan).
    public var unassigned: Int
    /// How the corpus differs from the plan's; nil when it is the plan's.
    public var differences: String?

    public var k: Int { plan.k }
    public var incompleteOverlapItems: Int { overlapItems - completeOverlapItems }

    /// The status of `assignment` over `match`'s corpus with the decisions of `progress`.
    ///
    /// `singleUnits` gives, per annotator, the single units the store says they hold (a
    /// database's shared pool); nil for the plan's own shares.
    public static func compute(
        assignment: WorkAssignment, match: PlanCorpusMatch, progress: PlanProgress,
        singleUnits: [String: [String]]? = nil
    ) -> PlanStatus {
        let roster = assignment.annotators
        var shares: [Share] = []
        for (number, name) in roster.enumerated() {
            let queue = assignment.queue(for: name, in: match, singleUnits: singleUnits?[name])
            let done = progress.countDecided(number, among: queue.positions)
            shares.append(
                Share(
                    name: name, assigned: queue.count, done: done, left: queue.count - done,
                    overlap: queue.count(of: .overlap), gold: queue.count(of: .gold), absent: queue.isAbsent,
                    lastLabeled: progress.lastLabeled[number]))
        }
        var overlapItems = 0
        var completeOverlap = 0
        var singleItems = 0
        var completeSingle = 0
        var covered = [Bool](repeating: false, count: match.corpus.count)
        for unit in 0..<assignment.unitCount {
            guard let range = assignment.corpusRange(unit, in: match) else { continue }
            let overlap = assignment.unitOverlap[unit]
            for position in range {
                covered[position] = true
                guard !match.isGold[position] else { continue }
                let votes = Int(progress.votes[position])
                if overlap {
                    overlapItems += 1
                    if votes >= assignment.k { completeOverlap += 1 }
                } else {
                    singleItems += 1
                    if votes >= 1 { completeSingle += 1 }
                }
            }
        }
        var gold = 0
        var unassigned = 0
        for position in 0..<match.corpus.count {
            if match.isGold[position] {
                gold += 1
            } else if !covered[position] {
                unassigned += 1
            }
        }
        return PlanStatus(
            plan: assignment.plan, annotators: shares, sentences: match.corpus.count, overlapItems: overlapItems,
            completeOverlapItems: completeOverlap, singleItems: singleItems, completeSingleItems: completeSingle,
            goldItems: gold, unassigned: unassigned, differences: match.differences)
    }
}
