import Foundation
import Testing

/// A temporary project for `sentag label`: a corpus whose sentences are one per line (so no
/// test depends on how the segmenter splits prose) and an annotations folder.
struct LabelFixture {
    let root: URL
    var corpus: String { root.appendingPathComponent("corpus").path }
    var annotations: String { root.appendingPathComponent("annotations").path }
    func labelFile(_ annotator: String = "alice") -> String { annotations + "/\(annotator).jsonl" }

    static let alpha = ["Alpha one.", "Alpha two mentions Putin.", "Alpha three.", "Alpha four."]
    static let beta = ["Beta one.", "Beta two.", "Beta three."]

    init() throws {
        root = try SentagBinary.temporaryDirectory()
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("annotations"), withIntermediateDirectories: true)
        try (Self.alpha.joined(separator: "\n") + "\n").write(
            to: corpus.appendingPathComponent("alpha.txt"), atomically: true, encoding: .utf8)
        try (Self.beta.joined(separator: "\n") + "\n").write(
            to: corpus.appendingPathComponent("beta.txt"), atomically: true, encoding: .utf8)
    }

    /// `sentag label <corpus> --annotations <dir> --annotator alice …` with `lines` piped in.
    func label(
        _ lines: [String], annotator: String? = "alice", extra: [String] = [], environment: [String: String] = [:],
        launcher: [String] = []
    )
        throws -> SentagBinary.Result
    {
        var arguments = ["label", corpus, "--annotations", annotations]
        if let annotator { arguments += ["--annotator", annotator] }
        return try SentagBinary.run(
            arguments + extra, input: lines.map { $0 + "\n" }.joined(), in: root, environment: environment,
            launcher: launcher)
    }

    /// The label file's records as JSON objects, in file order.
    func records(_ annotator: String = "alice") throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: labelFile(annotator), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    /// (text, label) of each record; label "null" for a retraction.
    func decisions(_ annotator: String = "alice") throws -> [String] {
        try records(annotator).map { "\($0["text"] as? String ?? "?")=\(($0["label"] as? String) ?? "null")" }
    }
}

/// A running `sentag` with pipes, driven line by line: for runs that must be interrupted.
final class InteractiveProcess: @unchecked Sendable {
    let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let lock = NSLock()
    private var buffer = Data()

    /// Runs `sentag arguments…`, or `executable arguments…` when given (a shell around it).
    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:], executable: String? = nil)
        throws
    {
        process.executableURL = URL(fileURLWithPath: executable ?? SentagBinary.path)
        process.arguments = executable == nil ? arguments : Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_CACHE_HOME"] = SentagBinary.cacheFolder
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.buffer.append(data)
            self.lock.unlock()
        }
        try process.run()
    }

    var output: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    func send(_ line: String) {
        stdin.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until the output contains `text` `count` times; false after `timeout` seconds (a
    /// hang guard, not a timing check).
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if output.components(separatedBy: text).count - 1 >= count { return true }
            if !process.isRunning && output.components(separatedBy: text).count - 1 < count { return false }
            usleep(10_000)
        }
        return false
    }

    func closeInput() {
        try? stdin.fileHandleForWriting.close()
    }

    func kill(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    func wait() -> Int32 {
        process.waitUntilExit()
        usleep(50_000)
        return process.terminationStatus
    }
}
