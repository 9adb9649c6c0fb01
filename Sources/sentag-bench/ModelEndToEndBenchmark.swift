import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12's timings through the built binary.
///
/// They run on a generated corpus of a million news-like sentences (one a line, documents of
/// 30) and stores of 100k and 1M consensus labels:
///
/// - `label` start-up with the model at 1M labels: the first prompt, and the first sentence
///   shown with a suggestion, without a saved model (trained in the background) and with one;
/// - `suggest --json` over the corpus (900k sentences to suggest at 100k labels; `--all` at 1M);
/// - `duplicates --json` over the corpus: wall time and the peak resident size of the process.
///
/// The data is generated once into `bench-data/model` and kept between runs.
enum ModelEndToEndBenchmark {
    static let sentences = 1_000_000

    static func run(_ context: BenchContext, templates: [TrainingExample]) throws {
        let folder = context.scratch + "/model"
        let corpusPath = folder + "/corpus.jsonl"
        let million = folder + "/annotations-1M"
        let hundredThousand = folder + "/annotations-100k"
        try makeData(
            folder: folder, corpusPath: corpusPath, million: million, hundredThousand: hundredThousand,
            templates: templates)
        let sentag = context.sentagPath

        // Warm the segmentation cache and the journal checkpoints (not what is measured here).
        for store in [million, hundredThousand] {
            _ = try measure(sentag, ["stats", corpusPath, "--annotations", store, "--json"]).seconds
        }

        // label: first prompt and first suggestion, without and with a saved model.
        for round in ["no saved model (trained in the background)", "the model saved by the session before"] {
            if round.hasPrefix("no") { removeModels(million) }
            let started = try labelStart(sentag, corpus: corpusPath, store: million)
            let trips = started.roundTrips
            print(
                "  label at 1M labels, \(round): first prompt \(ms(started.prompt)) (goal ≤ 1000 ms),"
                    + " first suggestion on screen \(ms(started.suggestion))"
                    + (started.waited > 0 ? "; quitting waited \(ms(started.waited)) to save the model" : ""))
            if let slowest = trips.last {
                print(
                    "      a skip's round trip in the first \(Int(busySeconds)) s: median \(ms(trips[trips.count / 2])),"
                        + " p95 \(ms(trips[trips.count * 95 / 100])), slowest \(ms(slowest)) over \(trips.count)")
            }
        }

        // suggest: 900k sentences to suggest at 100k labels; every sentence at 1M.
        removeModels(hundredThousand)
        let cold = try measure(sentag, ["suggest", corpusPath, "--annotations", hundredThousand, "--json"])
        let warm = try measure(sentag, ["suggest", corpusPath, "--annotations", hundredThousand, "--json"])
        print(
            "  suggest --json, 1M sentences, 100k labels (900k lines), saved model: \(seconds(warm.seconds)) wall,"
                + " \(seconds(warm.cpu)) CPU (goal ≤ 5 s), peak RSS \(warm.peakMB) MB; rebuilding the model:"
                + " \(seconds(cold.seconds)) wall, \(seconds(cold.cpu)) CPU")
        let all = try measure(sentag, ["suggest", corpusPath, "--annotations", million, "--json", "--all"])
        print(
            "  suggest --json --all, 1M sentences, 1M labels, saved model: \(seconds(all.seconds)) wall,"
                + " \(seconds(all.cpu)) CPU (goal ≤ 5 s)")

        // duplicates.
        let duplicates = try measure(sentag, ["duplicates", corpusPath, "--annotations", million, "--json"])
        print(
            "  duplicates --json over 1M sentences: \(seconds(duplicates.seconds)) wall, \(seconds(duplicates.cpu)) CPU"
                + " (goal ≤ 10 s), peak RSS \(duplicates.peakMB) MB (goal ≤ 1024 MB)")
        var load = [Double](repeating: 0, count: 3)
        getloadavg(&load, 3)
        print(
            "  (load average \(LabelBenchmark.format2(load[0])) on \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores while measuring)"
        )
    }

    static func ms(_ value: Double) -> String { LabelBenchmark.ms(value) }
    static func seconds(_ value: Double) -> String { LabelBenchmark.format2(value) + " s" }

    static func removeModels(_ store: String) {
        let folder = store + "/.sentag/models"
        for name in (try? FileSystem.listDirectory(folder)) ?? [] { unlink(folder + "/" + name) }
    }

    /// What `labelStart` measured.
    struct LabelStart {
        var prompt: Double
        var suggestion: Double
        /// How long quitting waited to save the model (0 when it did not wait).
        var waited: Double
        /// Round trips of a skip (`s`, Enter, next screen drawn) in the first `busySeconds`.
        var roundTrips: [Double]
    }

    /// How long after the start `labelStart` keeps skipping: past the first suggestion, while a
    /// full rebuild still runs in the background with no saved model.
    static let busySeconds = 3.0

    /// Starts `label`, times the first prompt, then skips sentences (every 20 ms) for
    /// `busySeconds` and until one is shown with a suggestion, timing each skip; then quits,
    /// timing how long the session waited to save the model.
    static func labelStart(_ sentag: String, corpus: String, store: String) throws -> LabelStart {
        let start = BenchContext.now()
        let run = try LabelRun(
            sentag: sentag, arguments: ["label", corpus, "--annotations", store, "--annotator", "fresh"])
        try run.readUntilPrompt()
        let prompt = BenchContext.now() - start
        var suggestion = run.lastScreen.contains("suggestion:") ? prompt : Double.nan
        var roundTrips: [Double] = []
        for _ in 0..<3000 where suggestion.isNaN || BenchContext.now() - start < busySeconds {
            usleep(20_000)
            let sent = BenchContext.now()
            try run.send("s\n")
            try run.readUntilPrompt()
            roundTrips.append(BenchContext.now() - sent)
            if suggestion.isNaN && run.lastScreen.contains("suggestion:") {
                suggestion = BenchContext.now() - start
            }
        }
        let quit = BenchContext.now()
        try run.send(":quit\n")
        run.finish()
        let waited = BenchContext.now() - quit
        return LabelStart(
            prompt: prompt, suggestion: suggestion, waited: waited > 0.2 ? waited : 0, roundTrips: roundTrips.sorted())
    }

    /// Runs `sentag arguments…` with its output to /dev/null and measures it.
    ///
    /// It gives the wall time, the CPU time (user + system, all threads) and the peak RSS. The
    /// peak is the process's `VmHWM`, sampled every 2 ms while it runs: `ru_maxrss` of a child
    /// spawned from this (large) process starts from this process's own high-water mark, so it
    /// says nothing about the child.
    static func measure(_ sentag: String, _ arguments: [String]) throws -> (seconds: Double, cpu: Double, peakMB: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([sentag] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = BenchContext.now()
        guard posix_spawn(&pid, sentag, &actions, nil, argv, environ) == 0 else {
            throw SentagFailure("cannot run \(sentag)")
        }
        var status: Int32 = 0
        var usage = rusage()
        var peakKB = 0
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            peakKB = max(peakKB, highWaterKB(pid))
            usleep(2000)
        }
        let elapsed = BenchContext.now() - start
        if status != 0 { throw SentagFailure("sentag \(arguments.joined(separator: " ")) failed (status \(status))") }
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        return (elapsed, cpu, peakKB / 1024)
    }

    /// `VmHWM` of a running process, in kB (0 when it cannot be read).
    static func highWaterKB(_ pid: pid_t) -> Int {
        guard let bytes = try? FileSystem.readFile("/proc/\(pid)/status") else { return 0 }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// The corpus (documents of 30 generated sentences, one a line) and the two stores: every
    /// sentence labeled once by `bench` (1M), and the first 100k of them.
    static func makeData(
        folder: String, corpusPath: String, million: String, hundredThousand: String, templates: [TrainingExample]
    ) throws {
        let marker = folder + "/.complete"
        if FileSystem.exists(marker) { return }
        try FileSystem.createDirectory(folder)
        var generator = NewsSentenceGenerator(templates: templates, seed: 2026)
        let examples = generator.examples(sentences)
        var bytes: [UInt8] = []
        var lineLabels: [[String]] = []
        var start = 0
        while start < examples.count {
            let document = examples[start..<min(start + 30, examples.count)]
            var writer = JSONWriter()
            writer.beginObject()
            writer.field("id", "story-\(lineLabels.count + 1)")
            writer.field(
                "text", document.map { $0.sentence.text.replacingOccurrences("\n", with: " ") }.joined(separator: "\n"))
            writer.endObject()
            bytes += writer.bytes
            bytes.append(0x0A)
            lineLabels.append(document.map(\.label))
            start += 30
        }
        try LabelBenchmark.write(bytes, to: corpusPath)
        // Label each sentence of the corpus as segmented with the label of the line it starts on.
        let corpus = try Corpus.load([corpusPath])
        let time = Timestamp.now()
        for (store, limit) in [(million, Int.max), (hundredThousand, 100_000)] {
            try FileSystem.createDirectory(store)
            var journal: [UInt8] = []
            var written = 0
            for (index, document) in corpus.documents.enumerated() where written < limit {
                var lineOfOffset: [Int] = []
                var line = 0
                for scalar in document.text.unicodeScalars {
                    lineOfOffset.append(line)
                    if scalar == "\n" { line += 1 }
                }
                for position in corpus.documentRanges[index] where written < limit {
                    let sentence = corpus.sentences[position]
                    let label = lineLabels[index][min(lineOfOffset[sentence.start], lineLabels[index].count - 1)]
                    journal +=
                        AnnotationRecord(sentence: sentence, label: label, annotator: "bench", time: time).jsonLine
                    written += 1
                }
            }
            try LabelBenchmark.write(journal, to: store + "/bench.jsonl")
        }
        try LabelBenchmark.write([], to: marker)
        print("  generated \(corpus.count) sentences in \(corpus.documents.count) documents (\(corpusPath))")
    }
}
