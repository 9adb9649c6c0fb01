import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 11: team plans at scale, on the journal benchmark's corpus of 1M sentences in 10,000
/// documents (`JournalBenchmark`'s generators).
///
/// Targets: planning 1M sentences for 20 annotators ≤ 1 s; deriving one annotator's queue at
/// `label` start ≤ 0.1 s at 1M sentences; `plan --status` at 10M journal lines ≤ 0.5 s with a
/// warm checkpoint (20 journals of 500k lines, one per annotator of the plan).
enum PlanBenchmark {
    static let annotators = (0..<20).map { $0 < 10 ? "a0\($0)" : "a\($0)" }

    static func run(_ context: BenchContext) throws {
        let corpusPath = context.scratch + "/journal/corpus-1000000.jsonl"
        try LabelBenchmark.makeCorpus(corpusPath, documents: 10_000)
        var started = BenchContext.now()
        let corpus = try Corpus.load([corpusPath])
        print(
            "  corpus: \(corpus.count) sentences in \(corpus.documents.count) documents, read in \(seconds(BenchContext.now() - started))"
        )

        let options = PlanMaker.Options(annotators: annotators, overlap: 0.1, k: 2, seed: 1, sources: [corpusPath])
        var plan: Plan?
        let making = try BenchContext.best(of: 3) {
            plan = try PlanMaker.make(options, corpus: corpus, labelSet: .default)
        }
        guard let plan else { return }
        let bytes = plan.jsonBytes
        print(
            "  planning 1M sentences for 20 annotators, 10% overlap × 2 (hashes, units, shares, plan.json of \(bytes.count / 1024) KB): "
                + "\(seconds(making)) · target ≤ 1 s")

        let store = context.scratch + "/plan/status-10m"
        try FileSystem.createDirectory(store)
        unlink(store + "/plan.json")
        let arguments = ["plan", corpusPath, "--annotators", annotators.joined(separator: ","), "--overlap", "0.1"]
        _ = try JournalBenchmark.timed(context, arguments + ["--annotations", store, "--replace"])
        let command = try (0..<3).map { _ in
            try JournalBenchmark.timed(context, arguments + ["--annotations", store, "--replace"])
        }.min { $0.seconds < $1.seconds }!
        print(
            "  sentag plan end to end (segmentation cached): \(seconds(command.seconds)) (\(command.megabytes) MB) · target ≤ 1 s"
        )

        var parse = 0.0
        var replay = 0.0
        var match = 0.0
        var queue = 0.0
        var share = 0
        for _ in 0..<5 {
            started = BenchContext.now()
            let read = try Plan(jsonBytes: bytes, location: "plan.json")
            parse = min(parse == 0 ? .infinity : parse, BenchContext.now() - started)
            started = BenchContext.now()
            let assignment = try WorkAssignment(plan: read)
            replay = min(replay == 0 ? .infinity : replay, BenchContext.now() - started)
            started = BenchContext.now()
            let matched = PlanCorpusMatch(plan: read, documents: assignment.documents, corpus: corpus)
            match = min(match == 0 ? .infinity : match, BenchContext.now() - started)
            started = BenchContext.now()
            share = assignment.queue(for: "a07", in: matched).count
            queue = min(queue == 0 ? .infinity : queue, BenchContext.now() - started)
        }
        print(
            "  one annotator's queue at label start (\(share) sentences): \(seconds(parse + replay + match + queue))"
                + " = read plan.json \(milliseconds(parse)) + replay \(milliseconds(replay)) + match the corpus \(milliseconds(match))"
                + " + the queue \(milliseconds(queue)) · target ≤ 0.1 s")

        // 20 journals of 500k lines (10M in all), one per annotator of the plan.
        for (i, name) in annotators.enumerated() {
            try JournalBenchmark.makeJournal(
                store + "/\(name).jsonl", annotator: name, lines: 500_000, corpus: corpus, seed: UInt64(100 + i),
                covered: 0.5)
        }
        let status = ["plan", "--status", "--json", "--annotations", store]
        JournalBenchmark.removeCaches(store)
        let cold = try JournalBenchmark.timed(context, status)
        let warm = try (0..<3).map { _ in try JournalBenchmark.timed(context, status) }.min { $0.seconds < $1.seconds }!
        print(
            "  plan --status at 10M journal lines (20 × 500k): \(seconds(warm.seconds)) (\(warm.megabytes) MB) warm, "
                + "\(seconds(cold.seconds)) with no checkpoint · target ≤ 0.5 s warm")
        let prompt = try (0..<3).map { _ in
            try JournalBenchmark.firstPrompt(context, corpus: corpusPath, store: store, decisions: 0, annotator: "a07")
        }.min { $0.seconds < $1.seconds }!
        print(
            "  label --annotator a07 under the plan, first prompt at 10M lines: \(seconds(prompt.seconds)) (\(prompt.megabytes) MB)"
        )
    }

    static func seconds(_ value: Double) -> String { JournalBenchmark.seconds(value) }
    static func milliseconds(_ value: Double) -> String { JournalBenchmark.milliseconds(value) }
}
