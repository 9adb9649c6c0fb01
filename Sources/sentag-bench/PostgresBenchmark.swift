import PostgresStore
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 13: the PostgreSQL store against a local server.
///
/// The server is `SENTAG_TEST_POSTGRES` (and `SENTAG_TEST_POSTGRES_TCP` for loopback TCP) when
/// set; otherwise the benchmark starts a cluster of its own with Scripts/postgres-test-cluster.sh
/// in bench-data/postgres (kept between runs, like the generated data, so the 10M records are
/// loaded once) and stops it at the end. Commits are real: `fsync` on, `synchronous_commit` on.
///
/// Targets: a decision, Enter to the next sentence drawn, commit included, ≤ 5 ms median over a
/// Unix socket and over loopback TCP; 20 annotators on 20 connections, 500 decisions each, every
/// record stored once, no single-annotation item given to two annotators, ≤ 10 ms median;
/// `store copy` of 1M records folder → database ≤ 20 s; `agreement` on a database of 10M records
/// with a warm checkpoint ≤ 1 s.
enum PostgresBenchmark {
    static func run(_ context: BenchContext) throws {
        let root = absolute(context.scratch + "/postgres")
        try FileSystem.createDirectory(root)
        // Checkpoints of the databases go here, not into the user's cache folder.
        setenv("XDG_CACHE_HOME", root + "/cache", 1)
        let server = try BenchServer.start(folder: root + "/cluster")
        defer { server.stop() }
        print("  server: \(server.origin)")

        let corpus = root + "/corpus.jsonl"
        try LabelBenchmark.makeCorpus(corpus)

        print("  -- label: a decision, Enter to the next sentence drawn, commit included")
        for (name, tcp) in [("Unix socket", false), ("loopback TCP", true)] {
            guard let uri = try server.freshDatabase("sentag_bench_label", tcp: tcp) else {
                print("  \(name): no TCP address for this server (set SENTAG_TEST_POSTGRES_TCP)")
                continue
            }
            let run = try LabelRun(
                sentag: context.sentagPath, arguments: ["label", corpus, "--annotations", uri, "--annotator", "bench"])
            try run.readUntilPrompt()
            var times: [Double] = []
            for _ in 0..<300 {
                let before = BenchContext.now()
                try run.send("c\n")
                try run.readUntilPrompt()
                times.append(BenchContext.now() - before)
            }
            run.finish()
            print(
                "  \(name): median \(ms(median(times))), p95 \(ms(percentile(times, 0.95))) over \(times.count) · target ≤ 5 ms median"
            )
        }

        print("  -- 20 annotators on 20 connections, 500 decisions each, single items from the pool")
        try concurrentAnnotators(server)

        print("  -- store copy, 1M records folder → database")
        let folder = root + "/one-1m"
        try makeJournals(folder, annotators: 1, linesEach: 1_000_000, corpus: corpus)
        let target = try server.freshDatabase("sentag_bench_copy", tcp: false) ?? ""
        let copy = try timed(context, ["store", "copy", folder, target])
        let again = try timed(context, ["store", "copy", folder, target])
        let back = root + "/one-1m-back"
        removeFolder(back)
        let home = try timed(context, ["store", "copy", target, back])
        print(
            "  folder → database \(seconds(copy)) · target ≤ 20 s; again (adds nothing) \(seconds(again)); "
                + "database → folder \(seconds(home))")
        removeFolder(back)

        print("  -- agreement on a database of 10M records (10 annotators × 1M)")
        let ten = root + "/ten-1m"
        try makeJournals(ten, annotators: 10, linesEach: 1_000_000, corpus: corpus)
        let big = try server.database("sentag_bench_10m", tcp: false)
        let records = try server.count(big)
        if records != 10_000_000 {
            _ = try server.freshDatabase("sentag_bench_10m", tcp: false)
            let load = try timed(context, ["store", "copy", ten, big])
            print("  loaded 10M records with store copy in \(seconds(load))")
        }
        removeFolder(root + "/cache")
        let cold = try timed(context, ["agreement", "--json", "--annotations", big])
        let warm =
            try (0..<3).map { _ in try timed(context, ["agreement", "--json", "--annotations", big]) }
            .min() ?? 0
        let folderWarm =
            try (0..<3).map { _ in try timed(context, ["agreement", "--json", "--annotations", ten]) }
            .min() ?? 0
        print(
            "  agreement --json: no checkpoint \(seconds(cold)), warm checkpoint \(seconds(warm)) · target ≤ 1 s "
                + "(the same journals in a folder, warm: \(seconds(folderWarm)))")
    }

    /// 20 annotators at once, each on its own thread with its own connections.
    ///
    /// Each has a journal open (its own connection, holding its lock) and a pool connection:
    /// take one item (`FOR UPDATE SKIP LOCKED`), append its decision (committed), 500 times.
    /// Measured in the process, through the store and the pool, without the screen (20 sessions
    /// drawing screens on two cores would measure the cores).
    static func concurrentAnnotators(_ server: BenchServer) throws {
        let annotators = 20
        let each = 500
        guard let uri = try server.freshDatabase("sentag_bench_pool", tcp: false) else { return }
        let setup = try PostgresConnection(uri)
        let items = (0..<(annotators * each + 1000)).map { SentenceID(rawValue: UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        for a in 0..<annotators { try PostgresRecordTable(setup).register(annotator: "a\(a)") }
        try PostgresItemPool(setup, plan: "bench").fill(items.map(\.description))
        let latencies = UnsafeMutableBufferPointer<Double>.allocate(capacity: annotators * each)
        defer { latencies.deallocate() }
        let slots = Slots(buffer: latencies)
        let failures = FailureList()
        let started = BenchContext.now()
        var threads: [pthread_t] = []
        for a in 0..<annotators {
            let work = ThreadWork {
                do {
                    let store = try PostgresJournalStore(uri: PostgresURI(uri), cache: .some(nil))
                    let journal = try store.openJournal("a\(a)", command: "bench")
                    defer { journal.close() }
                    let pool = PostgresItemPool(try PostgresConnection(uri), plan: "bench")
                    for i in 0..<each {
                        let before = BenchContext.now()
                        guard let item = try pool.take(1, for: "a\(a)").first, let id = SentenceID(item) else {
                            throw SentagFailure("the pool ran dry")
                        }
                        let sentence = Sentence(id: id, doc: "doc", index: i, start: 0, end: 4, text: "text")
                        try journal.append([
                            AnnotationRecord(
                                sentence: sentence, label: "claim", annotator: "a\(a)", time: .now(), ms: 900)
                        ])
                        slots.buffer[a * each + i] = BenchContext.now() - before
                    }
                } catch {
                    failures.add("a\(a): \(error)")
                }
            }
            threads.append(try work.start())
        }
        for thread in threads { pthread_join(thread, nil) }
        let elapsed = BenchContext.now() - started
        if let failure = failures.first { throw SentagFailure(failure) }
        let stored =
            try setup.execute(
                "SELECT count(*), count(DISTINCT record ->> 'id') FROM sentag.records"
            ).rows.first ?? []
        let taken =
            try setup.execute(
                "SELECT count(*) FROM sentag.pool_items WHERE plan = 'bench' AND taken_by IS NOT NULL"
            ).scalar ?? "?"
        let mismatched =
            try setup.execute(
                """
                SELECT count(*) FROM sentag.records r JOIN sentag.pool_items p
                  ON p.plan = 'bench' AND p.item = r.record ->> 'id'
                WHERE p.taken_by IS DISTINCT FROM r.annotator
                """
            ).scalar ?? "?"
        let times = Array(latencies)
        print(
            "  \(stored.first.flatMap { $0 } ?? "?") records stored, \(stored.last.flatMap { $0 } ?? "?") distinct items, "
                + "\(taken) items taken, \(mismatched) records of an item taken by someone else "
                + "(expected \(annotators * each), \(annotators * each), \(annotators * each), 0)")
        print(
            "  decision (take + append + commit): median \(ms(median(times))), p95 \(ms(percentile(times, 0.95))) "
                + "over \(times.count), \(Int(Double(times.count) / elapsed)) decisions/s · target ≤ 10 ms median")
    }

    // MARK: - Data

    /// `annotators` journals of `linesEach` records over the corpus (kept between runs).
    static func makeJournals(_ folder: String, annotators: Int, linesEach: Int, corpus path: String) throws {
        let corpus = try Corpus.load([path])
        for a in 0..<annotators {
            let name = annotators == 1 ? "bench" : "a\(a)"
            try JournalBenchmark.makeJournal(
                folder + "/\(name).jsonl", annotator: name, lines: linesEach, corpus: corpus, seed: UInt64(a + 1),
                covered: 1.0)
        }
    }

    static func removeFolder(_ path: String) {
        guard let names = try? FileSystem.listDirectory(path) else { return }
        for name in names {
            let child = path + "/" + name
            if FileSystem.kind(of: child) == .directory { removeFolder(child) } else { unlink(child) }
        }
        rmdir(path)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
    }

    static func timed(_ context: BenchContext, _ arguments: [String]) throws -> Double {
        try JournalBenchmark.timed(context, arguments).seconds
    }

    static func seconds(_ value: Double) -> String { JournalBenchmark.seconds(value) }
    static func ms(_ value: Double) -> String { LabelBenchmark.ms(value) }
    static func median(_ values: [Double]) -> Double { LabelBenchmark.median(values) }
    static func percentile(_ values: [Double], _ p: Double) -> Double { LabelBenchmark.percentile(values, p) }
}

/// Latency slots the annotator threads fill; each index is written by one thread only.
private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
}

/// The first error of any thread.
private final class FailureList: @unchecked Sendable {
    private var failures: [String] = []
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }

    func add(_ failure: String) {
        pthread_mutex_lock(&mutex)
        failures.append(failure)
        pthread_mutex_unlock(&mutex)
    }

    var first: String? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return failures.first
    }
}

/// A closure run on a POSIX thread of its own (not limited to the number of cores as
/// `concurrentPerform` is: the 20 annotators must all be connected at once).
private final class ThreadWork: @unchecked Sendable {
    let body: () -> Void

    init(_ body: @escaping () -> Void) { self.body = body }

    func start() throws -> pthread_t {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                let work = Unmanaged<ThreadWork>.fromOpaque(context).takeRetainedValue()
                work.body()
                return nil
            }, context)
        guard status == 0 else { throw SentagFailure("pthread_create: \(status)") }
        return thread
    }
}
