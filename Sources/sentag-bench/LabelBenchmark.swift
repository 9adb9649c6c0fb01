import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// `sentag label` with a corpus of 100k sentences and label files of 1k and 1M lines: time to
/// the first prompt, and time per decision (Enter → the next sentence drawn, fsync included),
/// driven through pipes exactly as a script drives the tool.
///
/// Targets (issue 3): first prompt ≤ 1 s; a decision ≤ 5 ms median, the same at 1k and 1M lines.
enum LabelBenchmark {
    static let documents = 1000
    static let sentencesPerDocument = 100
    static let promptStart = Array("[c/q/p/n ?]".utf8)

    static func run(_ context: BenchContext) throws {
        let folder = context.scratch + "/label"
        let corpusPath = folder + "/corpus.jsonl"
        try makeCorpus(corpusPath)
        let corpus = try Corpus.load([corpusPath])
        print("  corpus: \(corpus.count) sentences in \(corpus.documents.count) documents (\(corpusPath))")
        var results: [(String, [Double], [Double])] = []
        for (name, lines) in [("1k", 1_000), ("1M", 1_000_000)] {
            let directory = folder + "/annotations-\(name)"
            try makeLabelFile(directory: directory, lines: lines, corpus: corpus)
            var firstPrompts: [Double] = []
            var decisions: [Double] = []
            var warmDecisions: [Double] = []
            var cpuPerDecision: [Double] = []
            var suggested = 0
            // Suggestions are on (the default): round 0 may train the model in the background
            // (and saves it when the session ends); round 2 starts from the saved model, so each
            // decision there includes the model's update and the next sentence's suggestion.
            for round in 0..<3 {
                let start = BenchContext.now()
                let run = try LabelRun(
                    sentag: context.sentagPath,
                    arguments: ["label", corpusPath, "--annotations", directory, "--annotator", "bench"])
                try run.readUntilPrompt()
                firstPrompts.append(BenchContext.now() - start)
                if round != 1 {
                    let cpuBefore = run.mainThreadCPU()
                    for _ in 0..<300 {
                        let before = BenchContext.now()
                        try run.send("c\n")
                        try run.readUntilPrompt()
                        let elapsed = BenchContext.now() - before
                        if round == 0 { decisions.append(elapsed) } else { warmDecisions.append(elapsed) }
                        if round == 2 && run.lastScreen.contains("suggestion:") { suggested += 1 }
                    }
                    cpuPerDecision.append((run.mainThreadCPU() - cpuBefore) / 300)
                }
                run.finish()
            }
            results.append((name, firstPrompts, decisions))
            print("  \(name)-line label file: first prompt \(ms(median(firstPrompts))) median of 3 (target ≤ 1000 ms)")
            print(
                "      decision: median \(ms(median(decisions))), p95 \(ms(percentile(decisions, 0.95))) over \(decisions.count) (target ≤ 5 ms median)"
            )
            print(
                "      decision with the saved model (update + next suggestion): median \(ms(median(warmDecisions))),"
                    + " p95 \(ms(percentile(warmDecisions, 0.95))); \(suggested) of \(warmDecisions.count) next sentences had a suggestion"
            )
            print(
                "      CPU of the session's thread per decision: \(ms(cpuPerDecision[0])) in the first session,"
                    + " \(ms(cpuPerDecision[1])) with the saved model (wall times above include the machine's load)")
        }
        if results.count == 2 {
            let ratio = median(results[1].2) / median(results[0].2)
            print(
                "  decision time 1M / 1k lines: \(String(format2(ratio)))× (target: about 1, nothing grows with the file)"
            )
        }
    }

    static func ms(_ seconds: Double) -> String { format2(seconds * 1000) + " ms" }

    static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    /// One JSONL file: 1000 documents of 100 one-line sentences (kept between runs).
    static func makeCorpus(_ path: String, documents: Int = documents) throws {
        if FileSystem.exists(path) { return }
        // A path without a folder is in the current one.
        try FileSystem.createDirectory(path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ".")
        var bytes: [UInt8] = []
        let words = [
            "minister", "report", "council", "village", "market", "storm", "court", "river", "school", "budget",
        ]
        for d in 0..<documents {
            var text = ""
            for s in 0..<sentencesPerDocument {
                text +=
                    "Sentence \(s + 1) of story \(d + 1) says the \(words[(d + s) % words.count]) met \(s * 7 % 13) times in \(1990 + s % 30).\n"
            }
            var writer = JSONWriter()
            writer.beginObject()
            writer.field("id", "story-\(d + 1)")
            writer.field("text", text)
            writer.endObject()
            bytes += writer.bytes
            bytes.append(0x0A)
        }
        try write(bytes, to: path)
    }

    /// `lines` records over the first 60% of the corpus (relabels and a retraction every 50
    /// lines), so the rest is still to label.
    ///
    /// Kept between runs.
    static func makeLabelFile(directory: String, lines: Int, corpus: Corpus) throws {
        let path = directory + "/bench.jsonl"
        try FileSystem.createDirectory(directory)
        let marker = directory + "/.complete-\(lines)"
        if FileSystem.exists(marker) { return }
        let labels = ["claim", "quote", "caption", "noise"]
        let covered = corpus.count * 6 / 10
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SentagFailure("cannot write \(path)") }
        defer { close(fd) }
        var chunk: [UInt8] = []
        let time = Timestamp.now()
        for i in 0..<lines {
            let sentence = corpus.sentences[i % covered]
            let label: String? = i % 50 == 49 ? nil : labels[i % labels.count]
            chunk +=
                AnnotationRecord(
                    sentence: sentence, label: label, annotator: "bench", time: time, ms: 900, session: "bench000"
                ).jsonLine
            if chunk.count > 1 << 20 {
                _ = chunk.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        _ = chunk.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        try write([], to: marker)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SentagFailure("cannot write \(path)") }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}

/// `sentag` spawned with pipes for standard input and output.
final class LabelRun {
    let pid: pid_t
    let input: Int32
    let output: Int32
    private var pending: [UInt8] = []

    init(sentag: String, arguments: [String]) throws {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw SentagFailure("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        let argv = ([sentag] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, sentag, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else { throw SentagFailure("cannot run \(sentag): \(String(cString: strerror(status)))") }
        self.pid = pid
        input = toChild[1]
        output = fromChild[0]
    }

    /// Seconds of CPU the process's main thread (the session) has used so far.
    func mainThreadCPU() -> Double {
        guard let bytes = try? FileSystem.readFile("/proc/\(pid)/task/\(pid)/schedstat"),
            let first = String(decoding: bytes, as: UTF8.self).split(separator: " ").first, let ns = Double(first)
        else { return .nan }
        return ns / 1e9
    }

    func send(_ text: String) throws {
        let n = text.withCString { Glibc.write(input, $0, strlen($0)) }
        if n < 0 { throw SentagFailure("the session ended early") }
    }

    /// What was printed before the last prompt read (the sentence drawn, messages).
    private(set) var lastScreen = ""

    /// Reads until the prompt has been printed (the screen is drawn before it): the label keys,
    /// then ` > ` (`[c/q/p/n ?] > `, or `[c/q/p/n ?] Enter: claim > ` with a suggestion).
    func readUntilPrompt() throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let keys = find(LabelBenchmark.promptStart, in: pending),
                let end = find(Array(" > ".utf8), in: Array(pending[keys...])).map({ keys + $0 })
            {
                lastScreen = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(..<end)
                return
            }
            let n = read(output, &buffer, buffer.count)
            if n <= 0 {
                throw SentagFailure(
                    "sentag ended before the prompt: \(String(decoding: pending.suffix(400), as: UTF8.self))")
            }
            pending += buffer[0..<n]
        }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && Array(haystack[i..<i + needle.count]) == needle { return i + needle.count }
            i += 1
        }
        return nil
    }

    func finish() {
        close(input)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while read(output, &buffer, buffer.count) > 0 {}
        close(output)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
