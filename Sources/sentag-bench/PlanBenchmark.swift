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
        let command = try BenchContext.fastest(by: \.seconds) {
            try JournalBenchmark.timed(context, arguments + ["--annotations", store, "--replace"])
        }
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

        // 10M journal lines, 500k per annotator of the plan: relabeling a share's worth of
        // sentences each (55k: 1.1M decisions in force, the shape of a plan at work), and, the
        // extreme, 500k sentences each (10M decisions in force).
        for (name, covered) in [("status-10m-shares", 0.055), ("status-10m", 0.5)] {
            let folder = context.scratch + "/plan/" + name
            try FileSystem.createDirectory(folder)
            try LabelBenchmark.write(bytes, to: folder + "/plan.json")
            for (i, annotator) in annotators.enumerated() {
                try JournalBenchmark.makeJournal(
                    folder + "/\(annotator).jsonl", annotator: annotator, lines: 500_000, corpus: corpus,
                    seed: UInt64(100 + i), covered: covered)
            }
            try status(context, store: folder, corpus: corpusPath, inForce: Int(covered * Double(corpus.count)) * 20)
        }
    }

    /// `plan --status` end to end, warm and cold, and in process: the project read (table and
    /// corpus) apart from the status computed on it.
    static func status(_ context: BenchContext, store: String, corpus: String, inForce: Int) throws {
        let command = ["plan", "--status", "--json", "--annotations", store]
        JournalBenchmark.removeCaches(store)
        let cold = try JournalBenchmark.timed(context, command)
        let warm = try BenchContext.fastest(by: \.seconds) { try JournalBenchmark.timed(context, command) }
        var read = Double.infinity
        var computed = Double.infinity
        for _ in 0..<3 {
            var started = BenchContext.now()
            let folder = FolderStore(path: store)
            let project = try ProjectSnapshot.read(folder, sources: [corpus])
            let (plan, _) = try PlanDocument.require(from: folder)
            read = min(read, BenchContext.now() - started)
            started = BenchContext.now()
            let assignment = try WorkAssignment(plan: plan)
            guard let planCorpus = project.view.corpus else {
                preconditionFailure("a snapshot read with sources has a corpus")
            }
            let match = PlanCorpusMatch(plan: plan, documents: assignment.documents, corpus: planCorpus)
            let progress = PlanProgress(view: project.view, roster: plan.annotators)
            _ = PlanStatus.compute(assignment: assignment, match: match, progress: progress).jsonLine
            computed = min(computed, BenchContext.now() - started)
        }
        print(
            "  plan --status, 20 × 500k journal lines (\(inForce / 1000)k decisions in force): \(seconds(warm.seconds)) "
                + "(\(warm.megabytes) MB) warm, \(seconds(cold.seconds)) with no checkpoint · target ≤ 0.5 s warm")
        print(
            "      in process: reading the table and corpus \(seconds(read)), the status on them \(milliseconds(computed))"
        )
        let prompt = try BenchContext.fastest(by: \.seconds) {
            try JournalBenchmark.firstPrompt(context, corpus: corpus, store: store, decisions: 0, annotator: "a07")
        }
        print(
            "      label --annotator a07 under the plan: first prompt \(seconds(prompt.seconds)) (\(prompt.megabytes) MB)"
        )
    }

    static func seconds(_ value: Double) -> String { JournalBenchmark.seconds(value) }
    static func milliseconds(_ value: Double) -> String { JournalBenchmark.milliseconds(value) }
}
