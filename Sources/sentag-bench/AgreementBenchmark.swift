import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 4: `sentag agreement --json --bootstrap 0` on 10 annotators × 100k sentences with 20%
/// missing (about 800k label lines), end to end, against a Python pipeline doing only
/// `json.loads` per line plus `krippendorff.alpha`.
///
/// Target: at least 10× faster than that pipeline. The default bootstrap intervals are timed by
/// `BootstrapBenchmark`.
///
/// The Python side runs when `$PYTHON` (or `python3`) can `import krippendorff`.
enum AgreementBenchmark {
    static let annotators = 10
    static let sentences = 100_000
    static let missing = 0.2
    static let target = 10.0

    static func run(_ context: BenchContext) throws {
        let folder = FileSystem.join(context.scratch, "agreement")
        let start = BenchContext.now()
        let (lines, bytes) = try generate(into: folder)
        let generated = BenchContext.now() - start
        print(
            "  data: \(annotators) annotators × \(sentences) sentences, \(Int(missing * 100))% missing:"
                + " \(lines) lines, \(bytes / 1_000_000) MB in \(folder)"
                + (generated > 0.5 ? " (generated in \(format(generated)) s)" : " (reused)"))

        let output = FileSystem.join(context.scratch, "agreement-sentag.json")
        var status: Int32 = 0
        var swiftCPU = Double.infinity
        let swiftTime = BenchContext.best(of: 5) {
            // Without the bootstrap intervals the Python pipeline does not compute either; their
            // cost is BootstrapBenchmark's figure.
            status = spawn(
                [context.sentagPath, "agreement", "--json", "--bootstrap", "0", "--annotations", folder], stdout: output
            )
            swiftCPU = min(swiftCPU, lastChildCPU)
        }
        guard status == 0 else {
            print("  sentag agreement failed (exit \(status))")
            return
        }
        let alpha = extractAlpha(output)
        print(
            "  sentag agreement --json --bootstrap 0: \(format(swiftTime)) s (best of 5; CPU \(format(swiftCPU)) s over both threads),"
                + " alpha \(alpha ?? "?")")
        print(
            "    \(format(Double(lines) / swiftTime / 1e6)) M lines/s, \(format(Double(bytes) / swiftTime / 1e6)) MB/s")

        let python = ProcessEnvironment.current["PYTHON"] ?? "python3"
        guard spawn([python, "-c", "import krippendorff"], stdout: "/dev/null", stderr: "/dev/null") == 0 else {
            print("  python pipeline: skipped (\(python) cannot import krippendorff; set PYTHON=…)")
            print("  target: ≥ \(Int(target))× faster than json.loads + krippendorff.alpha")
            return
        }
        let script = FileSystem.join(context.scratch, "agreement_pipeline.py")
        try write(pythonPipeline, to: script)
        let pythonOutput = FileSystem.join(context.scratch, "agreement-python.txt")
        var pythonCPU = Double.infinity
        let pythonTime = BenchContext.best(of: 2) {
            status = spawn([python, script, folder], stdout: pythonOutput)
            pythonCPU = min(pythonCPU, lastChildCPU)
        }
        guard status == 0 else {
            print("  python pipeline failed (exit \(status))")
            return
        }
        let pythonAlpha = (try? FileSystem.readFile(pythonOutput)).map {
            String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "?"
        }
        print(
            "  python json.loads + krippendorff.alpha: \(format(pythonTime)) s (best of 2; CPU \(format(pythonCPU)) s),"
                + " alpha \(pythonAlpha ?? "?")")
        let ratio = pythonTime / swiftTime
        print("  ratio: \(format(ratio))× faster (target ≥ \(Int(target))×: \(ratio >= target ? "met" : "NOT met"))")
        print("  ratio of CPU time: \(format(pythonCPU / swiftCPU))× (what is left of the ratio on a busy machine)")
    }

    /// Writes the label files once; later runs reuse them when the marker matches.
    static func generate(into folder: String) throws -> (lines: Int, bytes: Int) {
        let marker = FileSystem.join(folder, "GENERATED")
        let signature = "v1 \(annotators) \(sentences) \(missing)"
        if let existing = try? FileSystem.readFile(marker) {
            let parts = String(decoding: existing, as: UTF8.self).split(separator: "\n")
            if parts.count == 3, parts[0] == signature, let lines = Int(parts[1]), let bytes = Int(parts[2]) {
                return (lines, bytes)
            }
        }
        try FileSystem.createDirectory(folder)
        var random = SplitMix64(seed: 2026)
        let labels = LabelSet.default.names
        let words = """
            the minister said on tuesday that prices had risen sharply after talks collapsed in the capital \
            while officials warned of further delays to the project and residents gathered outside the court \
            photo shows police at the scene of the crash near the border crossing late last night
            """.split(separator: " ").map(String.init)
        // The sentences: an id, a document, a position and a text of 8–30 words.
        var sentencesOf: [(id: SentenceID, doc: String, index: Int, text: String)] = []
        sentencesOf.reserveCapacity(sentences)
        for n in 0..<sentences {
            let doc = "doc\(n / 40)"
            var text = ""
            for w in 0..<(8 + random.next(below: 23)) {
                if w > 0 { text += " " }
                text += words[random.next(below: words.count)]
            }
            text += "."
            sentencesOf.append((SentenceID(document: doc, text: text, occurrence: 0), doc, n % 40, text))
        }
        var lines = 0
        var bytes = 0
        for a in 0..<annotators {
            let name = "annotator\(a)"
            let sink = OutputSink(
                fd: open(FileSystem.join(folder, name + ".jsonl"), O_WRONLY | O_CREAT | O_TRUNC, 0o644))
            var clock: Int64 = 1_790_000_000_000
            for sentence in sentencesOf {
                guard Double(random.next(below: 1000)) >= missing * 1000 else { continue }
                // Mostly the "true" label of the sentence, sometimes another one.
                let truth = Int(sentence.id.rawValue % 4)
                let label = random.next(below: 100) < 80 ? truth : random.next(below: 4)
                clock += Int64(1500 + random.next(below: 9000))
                let record = AnnotationRecord(
                    id: sentence.id, doc: sentence.doc, index: sentence.index, start: 0, end: sentence.text.count,
                    text: sentence.text, label: labels[label], annotator: name,
                    time: Timestamp(millisecondsSince1970: clock), ms: 1000 + random.next(below: 8000),
                    session: "s\(a)")
                let line = record.jsonLine
                sink.write(line)
                lines += 1
                bytes += line.count
            }
            sink.flush()
            close(sink.fd)
        }
        try write("\(signature)\n\(lines)\n\(bytes)", to: marker)
        return (lines, bytes)
    }

    static let pythonPipeline = """
        import glob, json, os, sys
        import numpy as np
        import krippendorff

        folder = sys.argv[1]
        labels = {"claim": 0, "quote": 1, "caption": 2, "noise": 3}
        current = []
        for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
            latest = {}
            with open(path, encoding="utf-8") as f:
                for line in f:
                    record = json.loads(line)
                    if record.get("adjudicated"):
                        continue
                    latest[record["id"]] = record["label"]
            current.append({k: v for k, v in latest.items() if v is not None})
        ids = sorted(set().union(*current))
        row = {sid: n for n, sid in enumerate(ids)}
        data = np.full((len(current), len(ids)), np.nan)
        for a, ratings in enumerate(current):
            for sid, label in ratings.items():
                data[a, row[sid]] = labels[label]
        print(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))

        """

    /// The `krippendorff_alpha` value of the JSON report, as text.
    static func extractAlpha(_ path: String) -> String? {
        guard let bytes = try? FileSystem.readFile(path) else { return nil }
        let text = Substring(decoding: bytes, as: UTF8.self)
        let key = "\"krippendorff_alpha\":"
        guard let start = text.indices.first(where: { text[$0...].hasPrefix(key) }) else { return nil }
        return String(text[text.index(start, offsetBy: key.count)...].prefix { $0 != "," && $0 != "}" })
    }

    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SentagFailure("\(path): cannot write: \(FileSystem.describe(errno: errno))") }
        let sink = OutputSink(fd: fd)
        sink.write(text)
        sink.flush()
        close(fd)
    }

    /// Runs a program with stdout (and optionally stderr) sent to files; returns its exit status.
    @discardableResult
    static func spawn(_ argv: [String], stdout: String, stderr: String? = nil) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArgs { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, environ) == 0 else { return 127 }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        lastChildCPU =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// User + system CPU seconds of the last program `spawn` waited for.
    nonisolated(unsafe) static var lastChildCPU = 0.0

    /// Two decimals: "0.20".
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
