import Foundation
import PostgresStore
import Testing

/// `sentag store init URI` against the test server (SENTAG_TEST_POSTGRES, set by `make test`):
/// idempotent, password from PGPASSWORD and never printed, one line and exit 1 on failure.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["SENTAG_TEST_POSTGRES"] != nil
            || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty,
        "no PostgreSQL server: SENTAG_TEST_POSTGRES is not set ('make test' starts a throwaway one; see README)"))
struct StoreInitCommandTests {
    /// A database owned by a role that logs in with a password, dropped at the end.
    struct OwnedDatabase {
        let name = "sentag_cli_" + UUID().uuidString.lowercased().prefix(8)
        let server: String
        let admin: PostgresConnection

        init() throws {
            guard let server = ProcessInfo.processInfo.environment["SENTAG_TEST_POSTGRES"] else {
                throw NoServer()
            }
            self.server = server
            admin = try PostgresConnection(server)
            try admin.execute("CREATE ROLE \(name) LOGIN PASSWORD 'cli-right-pw'")
            try admin.execute("CREATE DATABASE \(name) OWNER \(name)")
        }

        /// The owner's URI, without a password.
        var uri: String { server + "&dbname=\(name)&user=\(name)" }

        struct NoServer: Error, CustomStringConvertible {
            var description: String { "CI is set but SENTAG_TEST_POSTGRES is not: run the tests through 'make test'" }
        }

        func drop() {
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            _ = try? admin.execute("DROP ROLE IF EXISTS \(name)")
        }
    }

    @Test func createsTheSchemaThenChangesNothingWithThePasswordFromPGPASSWORD() throws {
        let database = try OwnedDatabase()
        defer { database.drop() }
        let first = try SentagBinary.run(["store", "init", database.uri], environment: ["PGPASSWORD": "cli-right-pw"])
        #expect(first.status == 0, "\(first.transcript)")
        #expect(
            first.stdout == "\(database.uri): created the sentag schema (version \(PostgresSchema.current.version))\n",
            "\(first.transcript)")
        let again = try SentagBinary.run(["store", "init", database.uri], environment: ["PGPASSWORD": "cli-right-pw"])
        #expect(
            again.status == 0
                && again.stdout.contains("up to date (version \(PostgresSchema.current.version)); nothing to do"),
            "\(again.transcript)")
    }

    @Test func aRefusedPasswordIsOneLineExitOneAndNotShown() throws {
        let database = try OwnedDatabase()
        defer { database.drop() }
        let result = try SentagBinary.run(
            ["store", "init", database.uri + "&password=cli-wrong-pw"], environment: ["PGPASSWORD": "cli-wrong-too"])
        #expect(result.status == 1, "\(result.transcript)")
        #expect(
            result.stderr
                == "error: \(database.uri): the server refused the password for user '\(database.name)' (or there is no such user); check PGPASSWORD, ~/.pgpass and the user name\n",
            "\(result.transcript)")
        #expect(!result.stderr.contains("cli-wrong") && result.stdout.isEmpty, "\(result.transcript)")
    }

    @Test func aNewerSchemaIsRefusedWithTheReason() throws {
        let database = try OwnedDatabase()
        defer { database.drop() }
        let env = ["PGPASSWORD": "cli-right-pw"]
        #expect(try SentagBinary.run(["store", "init", database.uri], environment: env).status == 0)
        let owner = try PostgresConnection(database.uri + "&password=cli-right-pw")
        try owner.execute("INSERT INTO sentag.schema_migrations (version, summary) VALUES (99, 'from the future')")
        let result = try SentagBinary.run(["store", "init", database.uri], environment: env)
        #expect(result.status == 1, "\(result.transcript)")
        #expect(
            result.stderr.hasSuffix(
                "the sentag schema is version 99, written by a newer sentag (this one knows versions up to \(PostgresSchema.current.version)); upgrade sentag\n"
            ),
            "\(result.transcript)")
    }

    @Test(arguments: [
        ("postgresql://db.example/x?nosuch=1", "is not a PostgreSQL connection URI"),
        ("postgresql:///x?host=/nonexistent-sentag-dir", "no PostgreSQL server answers"),
    ])
    func aBadURIIsOneLineAndExitOne(uri: String, says: String) throws {
        let result = try SentagBinary.run(["store", "init", uri])
        #expect(
            result.status == 1 && result.stderr.hasPrefix("error: ") && result.stderr.contains(says),
            "\(result.transcript)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.transcript)")
    }
}
