/// A team plan: who labels which sentences, written once into the store (`plan.json` in a folder
/// store) and read by every command on every machine.
///
/// A plan is parameters (roster, overlap fraction `overlap` labeled by `k` annotators each, the
/// seed, the largest unit), the documents it covers, the gold items, and a history of steps
/// (made, extended, rebalanced, annotators added). The queues are derived from the plan alone
/// by `WorkAssignment`, the same way on every machine, so no coordinator is needed: see there
/// for the design. A plan holds no time and no machine name, so two leads who plan the same
/// corpus with the same options write the same bytes (git merges them without a conflict).
public struct Plan: Equatable, Sendable {
    /// The format this sentag writes and understands (`"sentag_plan"` in the file).
    public static let format = 1

    /// The roster now: everyone the plan ever named, sorted bytewise.
    public var annotators: [String]
    /// Annotators per overlap item.
    public var k: Int
    /// The fraction of sentences labeled by `k` annotators each, in [0, 1].
    public var overlap: Double
    public var seed: UInt64
    /// The most sentences in one unit of work (a document, or a stretch of one).
    public var unitLimit: Int
    /// The sources the plan was made for, as given.
    public var sources: [String]
    /// The corpus the plan covers now (after every extension).
    public var corpus: CorpusSummary
    public var gold: GoldSet?
    public var history: [PlanEvent]

    public init(
        annotators: [String], k: Int, overlap: Double, seed: UInt64, unitLimit: Int, sources: [String],
        corpus: CorpusSummary, gold: GoldSet?, history: [PlanEvent]
    ) {
        self.annotators = annotators
        self.k = k
        self.overlap = overlap
        self.seed = seed
        self.unitLimit = unitLimit
        self.sources = sources
        self.corpus = corpus
        self.gold = gold
        self.history = history
    }

    /// Annotators whose unstarted work a rebalance handed to others, and who were not added back.
    public var absent: [String] {
        var absent = Set<String>()
        for event in history {
            switch event {
            case .rebalanced(let names, _): absent.formUnion(names)
            case .added(let names, _): absent.subtract(names)
            case .planned, .extended: break
            }
        }
        return annotators.filter { absent.contains($0) }
    }

    /// The roster without the absent.
    public var present: [String] {
        let absent = Set(self.absent)
        return annotators.filter { !absent.contains($0) }
    }

    /// One line for messages: `3 annotators (alice, bob, carol), 20% overlap with k = 2, seed 1,
    /// 168 sentences in 5 documents`.
    public var summary: String {
        var parts = [
            "\(annotators.count) annotator\(annotators.count == 1 ? "" : "s") (\(annotators.joined(separator: ", ")))"
        ]
        parts.append(
            overlap > 0 ? "\(Self.percent(overlap)) overlap with k = \(k)" : "no overlap")
        parts.append("seed \(seed)")
        parts.append(corpus.description)
        if let gold {
            parts.append(
                "\(gold.items.count) gold item\(gold.items.count == 1 ? "" : "s") at \(Self.percent(gold.rate))")
        }
        return parts.joined(separator: ", ")
    }

    /// `20%`, `2.5%`.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        if value == value.rounded() { return "\(Int(value))%" }
        return "\((value * 10).rounded() / 10)%"
    }

    /// The largest seed a plan takes: JSON numbers are exact up to 2^53 - 1.
    public static let largestSeed: UInt64 = (1 << 53) - 1
}
