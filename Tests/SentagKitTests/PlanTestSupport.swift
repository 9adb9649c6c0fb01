import SentagKit

/// Corpora and plans for the plan tests: documents whose sentences are one per line, so the
/// counts never depend on where the segmenter splits prose.
enum PlanTestSupport {
    /// Documents `d0`, `d1`, … with `sizes[i]` sentences each.
    static func corpus(_ sizes: [Int], prefix: String = "d") -> Corpus {
        Corpus(
            documents: sizes.enumerated().map { index, size in
                Document(
                    id: "\(prefix)\(index)",
                    text: (0..<size).map { "Sentence \($0 + 1) of \(prefix)\(index) is here." }.joined(separator: "\n"),
                    origin: "\(prefix)\(index).txt")
            })
    }

    /// Sizes from a seeded generator: `count` documents of 5 to 60 sentences.
    static func sizes(_ count: Int, seed: UInt64 = 7) -> [Int] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in 5 + random.next(below: 56) }
    }

    static func plan(
        _ corpus: Corpus, annotators: [String] = ["alice", "bob", "carol"], overlap: Double = 0.2, k: Int = 2,
        seed: UInt64 = 1, gold: String? = nil, goldRate: Double? = nil
    ) throws -> Plan {
        try PlanMaker.make(
            PlanMaker.Options(
                annotators: annotators, overlap: overlap, k: k, seed: seed, sources: ["corpus"], goldFile: gold,
                goldRate: goldRate), corpus: corpus, labelSet: .default)
    }

    /// A store in `folder` planned for alice and bob (overlap 0.5, gold every 15th sentence at
    /// rate 0.1) over twelve documents of eight lines in `folder/corpus`, for the blind-round tests.
    static func blindRoundStore(in folder: TemporaryDirectory) throws -> (corpus: Corpus, store: FolderStore) {
        for d in 0..<12 {
            try folder.write(
                "corpus/doc\(d).txt", (0..<8).map { "Line \($0) of document \(d) is here." }.joined(separator: "\n"))
        }
        let corpus = try Corpus.load([folder.file("corpus")])
        let gold = (0..<6).map { #"{"id":"\#(corpus.id(at: $0 * 15))","label":"noise"}"# }
        let goldFile = try folder.write("gold.jsonl", gold.joined(separator: "\n"))
        let store = FolderStore(path: folder.file("annotations"))
        let plan = try PlanMaker.make(
            PlanMaker.Options(
                annotators: ["alice", "bob"], overlap: 0.5, sources: [folder.file("corpus")], goldFile: goldFile,
                goldRate: 0.1), corpus: corpus, labelSet: .default)
        _ = try PlanDocument.write(plan, replacing: nil, in: store)
        return (corpus, store)
    }

    /// Per kind of item in `share`, how many positions `shown` says yes and no to.
    static func shownAndSilent(_ share: PlannedQueue, shown: (_ position: Int) -> Bool)
        -> [PlannedQueue.Kind: (shown: Int, silent: Int)]
    {
        var counts: [PlannedQueue.Kind: (shown: Int, silent: Int)] = [:]
        for (slot, position) in share.positions.enumerated() {
            var count = counts[share.kinds[slot], default: (0, 0)]
            if shown(position) { count.shown += 1 } else { count.silent += 1 }
            counts[share.kinds[slot]] = count
        }
        return counts
    }

    /// Every annotator's queue.
    static func queues(_ plan: Plan, _ corpus: Corpus) throws -> [String: PlannedQueue] {
        let assignment = try WorkAssignment(plan: plan)
        let match = PlanCorpusMatch(plan: plan, documents: assignment.documents, corpus: corpus)
        var queues: [String: PlannedQueue] = [:]
        for name in plan.annotators { queues[name] = assignment.queue(for: name, in: match) }
        return queues
    }

    /// Per corpus position: how many queues hold it (gold aside).
    static func coverage(_ queues: [String: PlannedQueue], count: Int) -> [Int] {
        var coverage = [Int](repeating: 0, count: count)
        for queue in queues.values {
            for (slot, position) in queue.positions.enumerated() where queue.kinds[slot] != .gold {
                coverage[position] += 1
            }
        }
        return coverage
    }

    /// A decision table with a journal per annotator holding a `label` decision on each position
    /// given, one second apart, `ms` each.
    static func table(_ decided: [String: [Int]], corpus: Corpus, label: String = "claim", ms: Int = 2000)
        -> DecisionTable
    {
        var journals: [JournalDecisions] = []
        for (annotator, positions) in decided {
            var journal = JournalDecisions(annotator: annotator)
            for (i, position) in positions.enumerated() {
                let record = AnnotationRecord(
                    sentence: corpus.sentences[position], label: label, annotator: annotator,
                    time: Timestamp(millisecondsSince1970: 1_800_000_000_000 + Int64(i) * 1000), ms: ms)
                journal.apply(record, at: RecordPosition(line: Int64(i + 1), offset: Int64(i) * 200))
            }
            journals.append(journal)
        }
        return DecisionTable(journals: journals)
    }
}
