import Foundation
import Testing

/// Runs the built `sentag` binary, the way a user or a script would.
///
/// The binary is found next to the test bundle (`swift build --build-tests` puts both in the
/// same folder), or at `$SENTAG_BINARY`.
struct SentagBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Both streams, for failure messages.
        var transcript: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["SENTAG_BINARY"] { return explicit }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test runner is `<build>/debug/sentagPackageTests.xctest`.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("sentag")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/sentag").path
    }

    /// The package root, where `seeds/` lives.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `sentag arguments…` in `directory` with `input` on stdin; waits for it to end.
    ///
    /// `launcher` runs it through another program (`prlimit --fsize=N --`).
    @discardableResult
    static func run(
        _ arguments: [String], input: String? = nil, in directory: URL? = nil,
        environment: [String: String] = [:], launcher: [String] = []
    ) throws -> Result {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_CACHE_HOME"] = cacheFolder
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let errThread = Thread { errData = stderr.fileHandleForReading.readDataToEndOfFile() }
        errThread.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errThread.isFinished { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh empty folder for one test, under a folder of this test run that is removed when
    /// the test process exits (so runs leave nothing behind in the temporary directory).
    static func temporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: runFolder).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Where a database store run by the tests keeps its caches (never the user's own cache
    /// folder): inside the run's folder, so it goes with it.
    static var cacheFolder: String { runFolder + "/cache" }

    /// `<tmp>/sentag-test-<pid>`, removed at exit (registered on first use).
    private static let runFolder: String = {
        atexit { try? FileManager.default.removeItem(atPath: SentagBinary.runFolderPath) }
        return runFolderPath
    }()

    private static var runFolderPath: String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sentag-test-\(getpid())").path
    }
}
