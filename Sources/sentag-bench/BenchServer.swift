import PostgresStore
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL server the `postgres` benchmark measures against: `SENTAG_TEST_POSTGRES` (and
/// `SENTAG_TEST_POSTGRES_TCP`) when set, else a cluster of its own started with
/// Scripts/postgres-test-cluster.sh in `folder` (kept between runs) and stopped by `stop()`.
struct BenchServer {
    /// The maintenance database over the Unix socket, and over loopback TCP when there is one.
    let socket: String
    let tcp: String?
    /// The cluster folder when this benchmark started the server.
    let startedIn: String?

    /// Where the server comes from, for the report.
    var origin: String {
        startedIn.map { "a cluster of its own in \($0) (Scripts/postgres-test-cluster.sh)" }
            ?? "SENTAG_TEST_POSTGRES (\(socket))"
    }

    static func start(folder: String) throws -> BenchServer {
        let environment = ProcessEnvironment.current
        if let uri = environment["SENTAG_TEST_POSTGRES"], !uri.isEmpty {
            return BenchServer(socket: uri, tcp: environment["SENTAG_TEST_POSTGRES_TCP"], startedIn: nil)
        }
        let output = try script(["start", folder, "--tcp"])
        var socket: String?
        var tcp: String?
        for line in output.split(separator: "\n") {
            if line.hasPrefix("SENTAG_TEST_POSTGRES=") {
                socket = String(line.dropFirst("SENTAG_TEST_POSTGRES=".count))
            }
            if line.hasPrefix("SENTAG_TEST_POSTGRES_TCP=") {
                tcp = String(line.dropFirst("SENTAG_TEST_POSTGRES_TCP=".count))
            }
        }
        guard let socket else { throw SentagFailure("the benchmark's PostgreSQL cluster did not start:\n\(output)") }
        return BenchServer(socket: socket, tcp: tcp, startedIn: folder)
    }

    func stop() {
        if let startedIn { _ = try? Self.script(["stop", startedIn]) }
    }

    /// The URI of `name` on this server; nil over TCP when the server has no TCP address.
    func uri(_ name: String, tcp overTCP: Bool) -> String? {
        guard let base = overTCP ? tcp : socket else { return nil }
        return base + (base.contains("?") ? "&" : "?") + "dbname=" + name
    }

    /// `name` with sentag's schema, created when missing, kept as it is otherwise.
    func database(_ name: String, tcp overTCP: Bool) throws -> String {
        let admin = try PostgresConnection(socket)
        if try admin.execute("SELECT 1 FROM pg_database WHERE datname = $1", [name]).rows.isEmpty {
            try admin.execute("CREATE DATABASE \(name)")
        }
        let uri = uri(name, tcp: false) ?? ""
        try PostgresSchema.current.initialize(try PostgresConnection(uri))
        return self.uri(name, tcp: overTCP) ?? uri
    }

    /// `name` dropped and made again, empty, with sentag's schema; nil over TCP without TCP.
    func freshDatabase(_ name: String, tcp overTCP: Bool) throws -> String? {
        guard uri(name, tcp: overTCP) != nil else { return nil }
        let admin = try PostgresConnection(socket)
        try admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        return try database(name, tcp: overTCP)
    }

    /// The records in a database.
    func count(_ uri: String) throws -> Int {
        Int(try PostgresConnection(uri).execute("SELECT count(*) FROM sentag.records").scalar ?? "") ?? 0
    }

    /// Runs the cluster script and returns what it printed; throws when it fails.
    static func script(_ arguments: [String]) throws -> String {
        let script = "Scripts/postgres-test-cluster.sh"
        let log = "/tmp/sentag-bench-pg-\(getpid()).log"
        defer { unlink(log) }
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
        guard spawned == 0 else { throw SentagFailure("cannot run \(script): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? FileSystem.readFile(log)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard status == 0 else { throw SentagFailure("\(script) \(arguments.joined(separator: " ")) failed:\n\(text)") }
        return text
    }
}
