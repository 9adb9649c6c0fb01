import Foundation
import PostgresStore
import PostgresTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a user sees when the database fails them: a bad URI, a refused password, a missing
/// database or schema, an old server (one line each, exit 1); the server stopped in the middle
/// of a session; the client killed with SIGKILL.
@Suite(.enabled(if: TestDatabase.isEnabled, TestDatabase.skipReason))
struct StoreFaultTests {
    /// A role that logs in with a password, owning a database with sentag's schema.
    struct PasswordDatabase {
        let database: TestDatabase
        let role = "sentag_role_" + UUID().uuidString.lowercased().prefix(8)

        init() throws {
            database = try TestDatabase()
            let admin = try database.connect()
            try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'fault-right-pw'")
            // What a labeling role needs: read and append (no DELETE: journals are append-only).
            try admin.execute("GRANT USAGE ON SCHEMA sentag TO \(role)")
            try admin.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA sentag TO \(role)")
        }

        var uri: String { database.uri.replacingOccurrences(of: "user=postgres", with: "user=\(role)") }

        func drop() {
            database.drop()
            _ = try? PostgresConnection(TestDatabase.server ?? "").execute("DROP ROLE IF EXISTS \(role)")
        }
    }

    static func agreement(_ annotations: String, environment: [String: String] = [:]) throws -> SentagBinary.Result {
        try SentagBinary.run(["agreement", "--json", "--annotations", annotations], environment: environment)
    }

    static func expectOneLine(
        _ result: SentagBinary.Result, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, "\(result.transcript)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result.transcript)", sourceLocation: sourceLocation)
        #expect(result.stderr == "error: \(expected)\n", "\(result.transcript)", sourceLocation: sourceLocation)
    }

    @Test func eachWayToFailToConnectIsOneLineAndExitOne() throws {
        let owned = try PasswordDatabase()
        defer { owned.drop() }
        let database = owned.database
        let server = try #require(TestDatabase.server)

        Self.expectOneLine(
            try Self.agreement("postgresql://db.example/x?nosuch=1"),
            "'postgresql://db.example/x?nosuch=1' is not a PostgreSQL connection URI (invalid URI query parameter: \"nosuch\"); expected postgresql://[user@]host[:port]/database[?param=value&…]"
        )
        let refused = try Self.agreement(owned.uri + "&password=fault-wrong-pw")
        Self.expectOneLine(
            refused,
            "\(owned.uri): the server refused the password for user '\(owned.role)' (or there is no such user); check PGPASSWORD, ~/.pgpass and the user name"
        )
        #expect(!refused.stderr.contains("fault-wrong-pw"))
        Self.expectOneLine(
            try Self.agreement(owned.uri, environment: ["PGPASSWORD": ""]),
            "\(owned.uri): the server asks a password for user '\(owned.role)' and none was given; set PGPASSWORD or add a line to ~/.pgpass"
        )
        let missing = server + "&dbname=sentag_no_such_db"
        Self.expectOneLine(
            try Self.agreement(missing),
            "\(missing): database 'sentag_no_such_db' does not exist; check its name in the URI, or create it ('createdb sentag_no_such_db') and run 'sentag store init'"
        )
        let nowhere = "postgresql:///x?host=/nonexistent-sentag-dir"
        let unreachable = try Self.agreement(nowhere)
        #expect(
            unreachable.status == 1 && unreachable.stderr.hasPrefix("error: \(nowhere): no PostgreSQL server answers (")
        )
        #expect(
            unreachable.stderr.hasSuffix("); start the server, or fix the host, port or socket folder in the URI\n"))
        Self.expectOneLine(
            try Self.agreement(database.uri, environment: ["SENTAG_TEST_POSTGRES_MINIMUM_VERSION": "990000"]),
            "\(database.uri): PostgreSQL \(try database.connect().execute("SHOW server_version").scalar ?? "?") is too old; sentag needs PostgreSQL 99 or newer"
        )
        // A password that works is taken from PGPASSWORD, and never shown.
        let labeled = try SentagBinary.run(
            ["label", "--annotations", owned.uri, "--annotator", "alice"], input: "c\n",
            environment: ["PGPASSWORD": "fault-right-pw"])
        #expect(labeled.status == 0 && labeled.stdout.contains("saved claim"), "\(labeled.transcript)")
        #expect(!labeled.stdout.contains("fault-right-pw") && !labeled.stderr.contains("fault-right-pw"))
    }

    @Test func aDatabaseWithoutTheSchemaOrWithAnotherVersionIsRefusedByEveryCommand() throws {
        let bare = try TestDatabase(initialized: false)
        defer { bare.drop() }
        for arguments in [["agreement"], ["stats"], ["label", "--annotator", "alice"], ["export", "--out", "x"]] {
            let result = try SentagBinary.run(arguments + ["--annotations", bare.uri], input: "c\n")
            Self.expectOneLine(
                result, "\(bare.uri): no sentag tables in this database; run 'sentag store init \(bare.uri)' first")
        }
        let old = try TestDatabase(initialized: false)
        defer { old.drop() }
        try PostgresSchema(migrations: Array(PostgresMigration.history.prefix(1))).initialize(try old.connect())
        Self.expectOneLine(
            try Self.agreement(old.uri),
            "\(old.uri): the sentag schema is version 1, this sentag needs version \(PostgresSchema.current.version); run 'sentag store init \(old.uri)' to upgrade it"
        )
        let upgraded = try SentagBinary.run(["store", "init", old.uri])
        #expect(
            upgraded.stdout
                == "\(old.uri): upgraded the sentag schema from version 1 to \(PostgresSchema.current.version)\n")
        Self.expectOneLine(
            try Self.agreement(old.uri),
            "\(old.uri): no decisions yet; label some sentences with 'sentag label' first")
    }

    /// A session on a server of the test's own, started in `folder`.
    static func session(_ uri: String, in folder: URL) throws -> InteractiveProcess {
        try InteractiveProcess(
            [
                "label", SentagBinary.packageRoot.appendingPathComponent("seeds").path, "--annotations", uri,
                "--annotator", "alice",
            ],
            in: folder, environment: ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path, "COLUMNS": "400"])
    }

    static func labels(_ uri: String) throws -> [String] {
        try PostgresConnection(uri).execute(
            "SELECT record::json ->> 'label' FROM sentag.records WHERE annotator = 'alice' ORDER BY seq"
        ).rows.map { $0[0] ?? "null" }
    }

    @Test func theServerStoppedMidSessionLosesNothingShownAsSavedAndTheSessionGoesOnWhenItIsBack() throws {
        let cluster = try PostgresCluster()
        try PostgresSchema.current.initialize(try PostgresConnection(cluster.uri))
        let folder = try SentagBinary.temporaryDirectory()
        let session = try Self.session(cluster.uri, in: folder)
        session.send("c")
        #expect(session.waitFor("saved claim"), "\(session.output)")

        try cluster.stop(mode: "immediate")
        session.send("q")
        #expect(session.waitFor("could not save: lost the connection to the server ("), "\(session.output)")
        #expect(
            session.output.contains("nothing was recorded: still on this sentence, type it again"), "\(session.output)")
        session.send("q")
        #expect(session.waitFor("could not save: the server is still unreachable ("), "\(session.output)")

        try cluster.start()
        session.send("q")
        #expect(session.waitFor("saved quote"), "\(session.output)")
        // A second session of the same annotator is refused: the lock was taken again.
        let rival = try SentagBinary.run(
            ["label", "--annotations", cluster.uri, "--annotator", "alice"], input: "n\n", in: folder)
        #expect(rival.status == 1 && rival.stderr.contains("#alice is in use by server process"), "\(rival.transcript)")
        session.send("n")
        #expect(session.waitFor("saved noise"), "\(session.output)")
        session.closeInput()
        #expect(session.wait() == 1, "two lines were not saved: \(session.output)")
        #expect(session.output.contains("2 lines could not be saved to \(cluster.uri)#alice"), "\(session.output)")
        #expect(try Self.labels(cluster.uri) == ["claim", "quote", "noise"])
    }

    @Test func aServerThatNeverComesBackEndsTheSessionWithExitOne() throws {
        let cluster = try PostgresCluster()
        try PostgresSchema.current.initialize(try PostgresConnection(cluster.uri))
        let folder = try SentagBinary.temporaryDirectory()
        let session = try Self.session(cluster.uri, in: folder)
        session.send("c")
        #expect(session.waitFor("saved claim"), "\(session.output)")
        try cluster.stop(mode: "immediate")
        session.send("q")
        #expect(session.waitFor("could not save"), "\(session.output)")
        session.closeInput()
        #expect(session.wait() == 1, "\(session.output)")
        #expect(session.output.contains("1 line could not be saved"), "\(session.output)")
        try cluster.start()
        #expect(try Self.labels(cluster.uri) == ["claim"])
    }

    @Test func aServerRestartedWhileTheSessionWaitedCostsNothing() throws {
        let cluster = try PostgresCluster()
        try PostgresSchema.current.initialize(try PostgresConnection(cluster.uri))
        let folder = try SentagBinary.temporaryDirectory()
        let session = try Self.session(cluster.uri, in: folder)
        session.send("c")
        #expect(session.waitFor("saved claim"), "\(session.output)")
        try cluster.stop(mode: "immediate")
        try cluster.start()
        session.send("q")
        #expect(session.waitFor("saved quote"), "\(session.output)")
        #expect(!session.output.contains("could not save"), "\(session.output)")
        session.closeInput()
        #expect(session.wait() == 0, "\(session.output)")
        #expect(try Self.labels(cluster.uri) == ["claim", "quote"])
    }

    @Test func aClientKilledWithSIGKILLLosesNoAcknowledgedDecision() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let folder = try SentagBinary.temporaryDirectory()
        var before = 0
        for round in 0..<3 {
            let session = try Self.session(database.uri, in: folder)
            let keys = ["c", "q", "p", "n"]
            let acknowledged = 5 + round
            for i in 0..<acknowledged {
                session.send(keys[i % 4])
                #expect(session.waitFor("saved ", count: i + 1), "\(session.output)")
            }
            session.send(keys[round])  // sent, perhaps stored, never acknowledged
            session.kill(SIGKILL)
            let stored = try database.records("alice").count
            #expect(
                stored == before + acknowledged || stored == before + acknowledged + 1,
                "round \(round): \(stored) records after \(before) and \(acknowledged) acknowledged")
            before = stored
        }
    }
}
