import Foundation
import PostgresStore
import Testing

/// A database of its own on the test server (`SENTAG_TEST_POSTGRES`, which `make test` sets
/// after starting a throwaway cluster) for one command-line test, with sentag's schema; dropped
/// by `drop()`.
///
/// Without the variable the PostgreSQL tests are skipped with the reason, except in CI (`CI`
/// set), where they run and fail: CI must always test the PostgreSQL store.
struct TestDatabase {
    static let environment = ProcessInfo.processInfo.environment
    static var server: String? { environment["SENTAG_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 } }
    static var isEnabled: Bool { server != nil || !(environment["CI"] ?? "").isEmpty }
    static let skipReason: Comment =
        "no PostgreSQL server: SENTAG_TEST_POSTGRES is not set ('make test' starts a throwaway one; see README)"

    let name = "sentag_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    let uri: String
    /// The same database over loopback TCP, when the server listens there.
    let tcpURI: String?

    init(initialized: Bool = true) throws {
        guard let server = Self.server else { throw NoServer() }
        let name = self.name
        uri = server + (server.contains("?") ? "&" : "?") + "dbname=" + name
        tcpURI = Self.environment["SENTAG_TEST_POSTGRES_TCP"].map { $0 + "?dbname=" + name }
        try PostgresConnection(server).execute("CREATE DATABASE \(name)")
        if initialized { try PostgresSchema.current.initialize(try PostgresConnection(uri)) }
    }

    func connect() throws -> PostgresConnection { try PostgresConnection(uri) }

    func drop() {
        guard let server = Self.server, let admin = try? PostgresConnection(server) else { return }
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// The records of a journal, in order, as stored.
    func records(_ annotator: String) throws -> [String] {
        try connect().execute(
            "SELECT record FROM sentag.records WHERE annotator = $1 ORDER BY seq", [annotator]
        ).rows.compactMap { $0[0] }
    }

    struct NoServer: Error, CustomStringConvertible {
        var description: String {
            "CI is set but SENTAG_TEST_POSTGRES is not: run the tests through 'make test', which starts PostgreSQL"
        }
    }
}
