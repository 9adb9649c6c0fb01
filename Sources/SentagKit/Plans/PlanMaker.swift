/// Makes a plan from the options of `sentag plan` and the corpus, and extends one to the
/// documents a corpus gained since.
public enum PlanMaker {
    /// What `sentag plan` was given.
    public struct Options: Equatable, Sendable {
        public var annotators: [String]
        public var overlap: Double
        public var k: Int
        public var seed: UInt64
        public var sources: [String]
        /// The gold file and the share of each queue that is gold.
        public var goldFile: String?
        public var goldRate: Double

        /// The gold rate when `--gold` is given without `--gold-rate`.
        public static let defaultGoldRate = 0.05

        public init(
            annotators: [String], overlap: Double = 0, k: Int = 2, seed: UInt64 = 1, sources: [String],
            goldFile: String? = nil, goldRate: Double? = nil
        ) {
            self.annotators = annotators
            self.overlap = overlap
            self.k = k
            self.seed = seed
            self.sources = sources
            self.goldFile = goldFile
            self.goldRate = goldRate ?? Self.defaultGoldRate
        }

        /// Why the options cannot make a plan, or nil: the rules `sentag plan` checks before
        /// reading anything.
        public var problem: String? {
            if annotators.isEmpty { return "--annotators needs at least one name" }
            for name in annotators where !AnnotatorName.isValid(name) {
                return "bad annotator name '\(name)' in --annotators; use letters, digits, '.', '_' or '-' "
                    + "(up to 64, starting with a letter or digit)"
            }
            if Set(annotators).count != annotators.count {
                let repeated = annotators.filter { name in annotators.filter { $0 == name }.count > 1 }
                return "'\(repeated[0])' is named twice in --annotators"
            }
            if !(overlap >= 0 && overlap <= 1) {
                return "--overlap must be a fraction from 0 to 1 (0.2 for 20%), not \(overlap)"
            }
            if k < 1 { return "--k must be at least 1, not \(k)" }
            if k > annotators.count {
                return "--k \(k) asks for \(k) annotators per overlap item, but the roster has \(annotators.count) "
                    + "(\(annotators.joined(separator: ", ")))"
            }
            if overlap > 0 && k < 2 {
                return "--overlap needs --k of at least 2: an overlap item is labeled by k annotators"
            }
            if seed > Plan.largestSeed { return "--seed must be at most \(Plan.largestSeed), not \(seed)" }
            if !(goldRate >= 0 && goldRate < 1) {
                return "--gold-rate must be a fraction from 0 up to (not including) 1, not \(goldRate)"
            }
            return nil
        }
    }

    /// Units per annotator's share, at least: enough for shares to balance within a unit.
    public static let unitsPerShare = 8

    /// The largest unit for `sentences` (gold aside) shared by `annotators`: each share (its
    /// overlap included) at least `unitsPerShare` units.
    public static func unitLimit(sentences: Int, annotators: Int, overlap: Double, k: Int) -> Int {
        let overlapping = k >= 2 ? Int((overlap * Double(sentences)).rounded()) : 0
        let work = sentences + (k - 1) * overlapping
        let perShare = (work + annotators - 1) / max(annotators, 1)
        return max(1, (perShare + unitsPerShare - 1) / unitsPerShare)
    }

    /// The documents of `corpus` as a plan records them.
    public static func documents(of corpus: Corpus, only indexes: [Int]? = nil) -> [PlannedDocument] {
        (indexes ?? Array(corpus.documents.indices)).map { index in
            PlannedDocument(
                id: corpus.documents[index].id, sentences: corpus.documentRanges[index].count,
                hash: CorpusHash.document(corpus, index))
        }
    }

    /// A new plan: validates the options, reads the gold file, and checks that the plan replays.
    public static func make(_ options: Options, corpus: Corpus, labelSet: LabelSet) throws(PlanError) -> Plan {
        if let problem = options.problem { throw .badOption(problem) }
        guard corpus.count > 0 else { throw .emptyCorpus(sources: options.sources) }
        var gold: GoldSet?
        if let file = options.goldFile {
            let items = try GoldFileReader.read(file, corpus: corpus, labelSet: labelSet, sources: options.sources)
            gold = GoldSet(rate: options.goldRate, file: file, items: items)
        }
        let roster = options.annotators.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let plan = Plan(
            annotators: roster, k: options.k, overlap: options.overlap, seed: options.seed,
            unitLimit: unitLimit(
                sentences: corpus.count - (gold?.items.count ?? 0), annotators: roster.count,
                overlap: options.overlap, k: options.k),
            sources: options.sources, corpus: CorpusSummary(corpus), gold: gold,
            history: [.planned(annotators: roster, documents: documents(of: corpus))])
        _ = try WorkAssignment(plan: plan)
        return plan
    }

    /// `plan` extended to `match`'s corpus: new documents and new versions of edited ones are
    /// planned among the annotators present; removed ones leave the plan.
    ///
    /// Nil when the corpus is the plan's already.
    public static func extend(_ plan: Plan, match: PlanCorpusMatch) throws(PlanError) -> Plan? {
        guard !match.isExact else { return nil }
        let corpus = match.corpus
        let fresh = Set(match.added).union(match.changed)
        let indexes = corpus.documents.indices.filter { fresh.contains(corpus.documents[$0].id) }
        var extended = plan
        extended.history.append(.extended(documents: documents(of: corpus, only: indexes), removed: match.removed))
        extended.corpus = CorpusSummary(corpus)
        _ = try WorkAssignment(plan: extended)
        return extended
    }
}
