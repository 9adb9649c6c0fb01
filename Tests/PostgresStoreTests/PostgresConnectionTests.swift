import Foundation
import PostgresStore
import Testing

/// The client against the real server: queries, COPY, streaming, transactions, locks.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresConnectionTests {
    @Test func connectsWithSynchronousCommitOnEvenWhenTheDatabaseTurnsItOff() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        try PostgresTestServer.connect().execute("ALTER DATABASE \(database.name) SET synchronous_commit = off")
        let connection = try database.connect()
        #expect(connection.isConnected)
        #expect(connection.serverVersion >= PostgresConnection.minimumServerVersion, "\(connection.serverVersion)")
        let setting = try connection.execute("SHOW synchronous_commit").scalar
        #expect(setting == "on")
        let encoding = try connection.execute("SHOW client_encoding").scalar
        #expect(encoding == "UTF8")
    }

    @Test func parametersTravelAsValuesNeverAsSQL() throws {
        let connection = try PostgresTestServer.connect()
        let hostile = "'); DROP TABLE pg_class; --"
        let values: [String?] = [hostile, nil, "tab\there\nline \\ \"q\" é 😀", ""]
        let result = try connection.execute("SELECT $1::text AS a, $2::text AS b, $3::text AS c, $4::text AS d", values)
        #expect(result.columns == ["a", "b", "c", "d"])
        #expect(result.rows == [values], "\(result.rows)")
        #expect(result.column("c") == [values[2]])
    }

    @Test func aRefusedStatementSaysWhatAndTheSQLState() throws {
        let connection = try PostgresTestServer.connect()
        #expect(throws: PostgresError.self) { try connection.execute("SELECT 1 / $1::int", ["0"]) }
        do {
            try connection.execute("SELECT 1 / $1::int", ["0"])
        } catch {
            guard case .statementFailed(_, let state, let message, let statement) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(state == "22012" && message == "division by zero" && statement == "SELECT 1 / $1::int")
            #expect(
                error.description.hasSuffix(
                    "the server refused 'SELECT 1 / $1::int': division by zero (SQLSTATE 22012)"))
        }
        // The session goes on after a refused statement.
        #expect(try connection.execute("SELECT 2").scalar == "2")
    }

    @Test func preparedStatementsRunRepeatedly() throws {
        let connection = try PostgresTestServer.connect()
        let square = PostgresPreparedStatement(name: "test_square", sql: "SELECT $1::int * $1::int")
        let squares = try (1...5).map { try connection.execute(square, [String($0)]).scalar }
        #expect(squares == ["1", "4", "9", "16", "25"])
        let count = try connection.execute("SELECT count(*) FROM pg_prepared_statements WHERE name = 'test_square'")
        #expect(count.scalar == "1", "prepared once")
    }

    @Test func transactionsCommitOrRollBackAsAWhole() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (x int)")
        try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            try connection.execute("INSERT INTO t VALUES (2)")
        }
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (3)")
                throw Abandon()
            }
        }
        #expect(throws: PostgresError.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (4)")
                try connection.execute("INSERT INTO t VALUES ('not a number')")
            }
        }
        #expect(!connection.isInTransaction)
        let rows = try connection.execute("SELECT x FROM t ORDER BY x").rows
        #expect(rows == [["1"], ["2"]], "\(rows)")
    }

    @Test func copyLoadsRowsWithEveryAwkwardByte() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (n int, a text, b text)")
        let awkward = ["tab\tin", "new\nline", "back\\slash \\N", "cr\rlf", "é 😀 \u{1}", "", "\\."]
        let rows: [[String?]] = (0..<20_000).map { n in
            [String(n), awkward[n % awkward.count], n % 3 == 0 ? nil : "x"]
        }
        let count = try connection.copy("COPY t (n, a, b) FROM STDIN", rows: rows)
        #expect(count == 20_000)
        let back = try connection.execute("SELECT n, a, b FROM t ORDER BY n").rows
        #expect(
            back == rows,
            "first difference: \(zip(back, rows).first { $0.0 != $0.1 }.map { "\($0)" } ?? "counts \(back.count)")")
    }

    @Test func aFailedCopyLoadsNothingAndTheSessionGoesOn() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (n int PRIMARY KEY)")
        let rows: [[String?]] = [["1"], ["2"], ["1"]]
        do {
            try connection.copy("COPY t (n) FROM STDIN", rows: rows)
            Issue.record("a duplicate key was copied")
        } catch {
            guard case .statementFailed(_, let state, _, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(state == "23505", "\(error)")
        }
        #expect(try connection.execute("SELECT count(*) FROM t").scalar == "0")
    }

    @Test func streamsRowsInOrderAndStopsWhenTheCallerThrows() throws {
        let connection = try PostgresTestServer.connect()
        var seen: [Int64] = []
        try connection.forEachRow("SELECT n, 'row ' || n FROM generate_series(1, $1::int) n", ["50000"]) { row in
            seen.append(row.integer(0) ?? -1)
        }
        #expect(seen == Array(1...50_000))
        struct Enough: Error {}
        var count = 0
        #expect(throws: Enough.self) {
            try connection.forEachRow("SELECT n FROM generate_series(1, 10000000) n") { _ in
                count += 1
                if count == 10 { throw Enough() }
            }
        }
        #expect(count == 10)
        #expect(try connection.execute("SELECT 'still usable'").scalar == "still usable")
    }

    @Test func anAdvisoryLockIsHeldBySessionUntilReleasedOrClosed() throws {
        let key: Int64 = 0x7465_7374_0000_0000 | Int64.random(in: 1...1_000_000)
        let first = try PostgresTestServer.connect(applicationName: "sentag label (test)")
        let second = try PostgresTestServer.connect()
        #expect(try first.tryAdvisoryLock(key))
        #expect(try second.tryAdvisoryLock(key) == false)
        let holder = try second.advisoryLockHolder(key)
        #expect(
            holder?.hasPrefix("server process \(first.serverProcessID) (sentag label (test)) from ") == true,
            "\(holder ?? "nil")")
        // Held across transactions, even rolled-back ones.
        try first.execute("BEGIN")
        try first.execute("ROLLBACK")
        #expect(try second.tryAdvisoryLock(key) == false)
        #expect(try first.advisoryUnlock(key))
        #expect(try second.tryAdvisoryLock(key))
        #expect(try first.tryAdvisoryLock(key) == false)
        second.close()
        #expect(try eventually { try first.tryAdvisoryLock(key) }, "closing the session released the lock")
        #expect(try first.advisoryLockHolder(Int64.min + 12345) == nil)
    }

    /// Negative keys (high bit set) name their holder too.
    @Test func negativeKeysWork() throws {
        let key = -Int64.random(in: 1...1_000_000_000)
        let first = try PostgresTestServer.connect()
        #expect(try first.tryAdvisoryLock(key))
        #expect(try PostgresTestServer.connect().advisoryLockHolder(key) != nil)
    }
}
