import Foundation

/// A PostgreSQL cluster of a test's own (Scripts/postgres-test-cluster.sh), for tests that stop
/// the server: never the shared one.
public final class PostgresCluster {
    public let directory: String
    public private(set) var uri = ""

    /// initdb's a new cluster in a new temporary folder and starts it.
    public init() throws {
        directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("sentag-pgtest-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try start()
    }

    deinit {
        try? stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    public func start() throws {
        let output = try Self.script(["start", directory])
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("SENTAG_TEST_POSTGRES=") }) else {
            throw ScriptFailed(output: output)
        }
        uri = String(line.dropFirst("SENTAG_TEST_POSTGRES=".count))
    }

    /// `pg_ctl stop -m mode`: `immediate` kills the server without a clean shutdown, as a crash.
    public func stop(mode: String = "fast") throws {
        _ = try Self.script(["stop", directory, mode])
    }

    public struct ScriptFailed: Error, CustomStringConvertible {
        public let output: String
        public var description: String { "postgres-test-cluster.sh failed:\n\(output)" }
    }

    /// Runs the script and waits for it with `posix_spawn` and `waitpid`: Foundation's
    /// `Process.waitUntilExit` was seen to miss the child's exit here and hang.
    private static func script(_ arguments: [String]) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("Scripts/postgres-test-cluster.sh").path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pgtest-\(UUID()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([script] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, script, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ScriptFailed(output: "cannot run \(script): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0 else { throw ScriptFailed(output: text) }
        return text
    }
}
