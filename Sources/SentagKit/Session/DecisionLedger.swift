/// A session's view of one journal lane over the corpus: per corpus position, the label (in the
/// label set) and unsure flag of the decision in force, and the counts the screen shows.
///
/// Derived from the decision view (`DecisionView.forEachDecision`, the one rule for what
/// counts) when the session starts, and refreshed position by position as the session applies
/// what it appends, so every lookup and update is O(1) and nothing re-reads the store.
public struct DecisionLedger: Sendable {
    /// Label-set index per corpus position; -1 when the sentence has no decision that counts.
    private var labels: [Int16]
    private var flags: [Bool]
    /// Decisions per label, over the positions in scope.
    public private(set) var countsByLabel: [Int]
    /// Positions in scope with a decision.
    public private(set) var decidedInScope = 0
    private var scope: ProgressScope

    /// Which positions progress counts: every sentence of the corpus, or a review queue.
    public enum ProgressScope: Sendable {
        case corpus(count: Int)
        case positions(Set<Int>)

        public var count: Int {
            switch self {
            case .corpus(let count): count
            case .positions(let set): set.count
            }
        }

        public func contains(_ position: Int) -> Bool {
            switch self {
            case .corpus(let count): position >= 0 && position < count
            case .positions(let set): set.contains(position)
            }
        }
    }

    /// An empty ledger: nothing decided.
    public init(corpusCount: Int, labelCount: Int, scope: ProgressScope? = nil) {
        labels = Array(repeating: -1, count: corpusCount)
        flags = Array(repeating: false, count: corpusCount)
        countsByLabel = Array(repeating: 0, count: labelCount)
        self.scope = scope ?? .corpus(count: corpusCount)
    }

    /// The decisions of one lane of one journal of `view` (which must have a corpus).
    public init(view: DecisionView, journal: Int, adjudicated: Bool, scope: ProgressScope? = nil) {
        self.init(corpusCount: view.corpus?.count ?? 0, labelCount: view.labelSet.count, scope: scope)
        view.forEachDecision(journal: journal, adjudicated: adjudicated) { decision in
            if let position = decision.position { set(position, label: decision.label, flag: decision.vote.flagged) }
        }
    }

    public var scopeCount: Int { scope.count }

    /// Adds positions to a queue's scope (work handed out during the session), counting the
    /// decisions they already have.
    public mutating func extendScope(_ positions: [Int]) {
        guard case .positions(var set) = scope else { return }
        for position in positions where set.insert(position).inserted {
            let label = labels[position]
            if label >= 0 {
                countsByLabel[Int(label)] += 1
                decidedInScope += 1
            }
        }
        scope = .positions(set)
    }
    public func inScope(_ position: Int) -> Bool { scope.contains(position) }

    /// The label index of the decision in force, or nil.
    public func label(at position: Int) -> Int? {
        let value = labels[position]
        return value < 0 ? nil : Int(value)
    }

    public func isFlagged(_ position: Int) -> Bool { labels[position] >= 0 && flags[position] }

    /// Sets what is in force at `position` (nil: nothing), keeping the counts.
    public mutating func set(_ position: Int, label: Int?, flag: Bool) {
        let previous = labels[position]
        if scope.contains(position) {
            if previous >= 0 { countsByLabel[Int(previous)] -= 1 } else if label != nil { decidedInScope += 1 }
            if let label { countsByLabel[label] += 1 } else if previous >= 0 { decidedInScope -= 1 }
        }
        labels[position] = Int16(label ?? -1)
        flags[position] = label != nil && flag
    }
}
