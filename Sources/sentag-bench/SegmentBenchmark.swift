import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// `sentag-bench segment`: segmentation throughput against issue 2's target of ≥ 100 MB/s end
/// to end, with a plain byte scan of the same data as the ceiling.
///
/// The corpus is the seed articles repeated, with the numbers in each copy shifted so that copies
/// differ, to at least 20 MB in one `.txt` file under `bench-data/` (made once, then reused).
/// Figures are megabytes (10⁶ bytes) of input per second, best of several runs.
enum SegmentBenchmark {
    static let corpusBytes = 20 * 1_000_000
    static let target = 100.0

    static func run(_ context: BenchContext) throws {
        let path = try makeCorpus(in: context.scratch)
        let bytes = try FileSystem.readFile(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Failure("corpus is not UTF-8") }
        let megabytes = Double(bytes.count) / 1e6
        let document = Document(id: "corpus", text: text, origin: path)
        let segmenter = SentenceSegmenter()
        let sentenceCount = segmenter.segment(text).count
        print("  corpus       \(path): \(format(megabytes, 1)) MB, \(sentenceCount) sentences")
        if let load = try? FileSystem.readFile("/proc/loadavg") {
            let averages = String(decoding: load, as: UTF8.self).split(separator: " ").prefix(3).joined(separator: " ")
            print("  load         \(averages) (1, 5, 15 min; other work on the machine lowers every figure)")
        }

        var newlines = 0
        var total = 0
        let loopTime = BenchContext.best(of: 5) {
            newlines = countNewlinesByLoop(bytes)
            total &+= newlines
        }
        let memchrTime = BenchContext.best(of: 5) { total &+= countNewlinesByMemchr(bytes) }
        guard total == 10 * newlines else { throw Failure("the two newline counts differ") }
        let ceiling = megabytes / min(loopTime, memchrTime)
        print("  byte scan    \(rate(megabytes, loopTime))  count \(newlines) newlines, byte loop")
        print("  memchr scan  \(rate(megabytes, memchrTime))  the same with memchr; the faster scan is the ceiling")

        let segmentTime = BenchContext.best(of: 5) { _ = segmenter.segment(text) }
        print(
            "  segmenter    \(rate(megabytes, segmentTime))  in-process spans  \(share(megabytes / segmentTime, ceiling))"
        )
        let sentencesTime = BenchContext.best(of: 3) { _ = Sentence.sentences(of: document, segmenter: segmenter) }
        print("  + sentences  \(rate(megabytes, sentencesTime))  in-process, with texts and ids")

        let nullFD = open("/dev/null", O_WRONLY)
        defer { close(nullFD) }
        let listingTime = try BenchContext.best(of: 3) {
            try SegmentListing.write(sources: [path], format: .json, to: OutputSink(fd: nullFD), segmenter: segmenter)
        }
        print("  + JSON       \(rate(megabytes, listingTime))  in-process segment --json: read, segment, ids, lines")

        let endToEnd = try BenchContext.best(of: 3) {
            try spawnDiscardingOutput(context.sentagPath, ["segment", "--json", path])
        }
        let endToEndRate = megabytes / endToEnd
        print(
            "  end to end   \(rate(megabytes, endToEnd))  sentag segment --json > /dev/null  \(share(endToEndRate, ceiling))"
        )
        let verdict = endToEndRate >= target ? "met" : "NOT met"
        print(
            "  target       ≥ \(format(target, 0)) MB/s end to end: \(verdict) (\(format(endToEndRate / target, 2))×)")
    }

    /// Writes the corpus unless a large enough one is already there; returns its path.
    static func makeCorpus(in folder: String) throws -> String {
        let path = FileSystem.join(folder, "segment-corpus.txt")
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) >= corpusBytes { return path }
        if !FileSystem.exists(folder) { try FileSystem.createDirectory(folder) }
        let seeds = try DocumentLoader.load(["seeds"])
        guard !seeds.isEmpty else { throw Failure("no seed articles in ./seeds") }
        var corpus: [UInt8] = []
        corpus.reserveCapacity(corpusBytes + 16_384)
        var copy = 0
        while corpus.count < corpusBytes {
            for seed in seeds {
                corpus.append(contentsOf: shiftingDigits(of: seed.text, by: copy))
                corpus.append(contentsOf: "\n\n".utf8)
            }
            copy += 1
        }
        try write(corpus, to: path)
        return path
    }

    /// The text with every ASCII digit shifted by `amount` (mod 10): same shape, new numbers.
    static func shiftingDigits(of text: String, by amount: Int) -> [UInt8] {
        text.utf8.map { byte in
            byte &- 0x30 < 10 ? 0x30 + UInt8((Int(byte - 0x30) + amount) % 10) : byte
        }
    }

    @inline(never)
    static func countNewlinesByLoop(_ bytes: [UInt8]) -> Int {
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { count &+= byte == 0x0A ? 1 : 0 }
        }
        return count
    }

    @inline(never)
    static func countNewlinesByMemchr(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            guard var cursor = raw.baseAddress else { return 0 }
            let end = cursor + raw.count
            var count = 0
            while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                count += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            return count
        }
    }

    /// Runs `executable arguments…` with standard output on /dev/null and waits for it.
    static func spawnDiscardingOutput(_ executable: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw Failure("\(executable) \(arguments.joined(separator: " ")) failed: \(status)") }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            // Only an empty buffer has no start, and then there is nothing to write.
            guard let start = raw.baseAddress else { return }
            while written < raw.count {
                let n = Glibc.write(fd, start + written, raw.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw Failure("cannot write \(path): \(String(cString: strerror(errno)))") }
                written += n
            }
        }
    }

    static func rate(_ megabytes: Double, _ seconds: Double) -> String {
        let text = format(megabytes / seconds, 1) + " MB/s"
        return String(repeating: " ", count: max(0, 14 - text.count)) + text
    }

    static func share(_ rate: Double, _ ceiling: Double) -> String {
        "(\(format(100 * rate / ceiling, 1))% of the ceiling)"
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        guard decimals > 0 else { return String(Int(rounded)) }
        let whole = Int(rounded)
        let fraction = Int(((rounded - Double(whole)) * scale).rounded())
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    }

    /// Why the benchmark could not run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
