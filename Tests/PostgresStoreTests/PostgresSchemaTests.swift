import Foundation
import PostgresStore
import Testing

/// `sentag store init`: created once, idempotent, upgraded through ordered migrations, and a
/// newer or foreign schema refused with the reason.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresSchemaTests {
    /// Two test migrations standing for a later sentag's schema.
    static let first = PostgresMigration(version: 1, summary: "one", sql: "CREATE TABLE sentag.one (x int);")
    static let second = PostgresMigration(
        version: 2, summary: "two", sql: "CREATE TABLE sentag.two (y int); ALTER TABLE sentag.one ADD COLUMN z int;")
    static let broken = PostgresMigration(
        version: 2, summary: "broken", sql: "CREATE TABLE sentag.two (y int); ALTER TABLE sentag.nothing ADD z int;")

    func tables(_ connection: PostgresConnection) throws -> [String] {
        try connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'sentag' ORDER BY 1")
            .rows.compactMap { $0[0] }
    }

    @Test func initCreatesTheSchemaOnceAndThenChangesNothing() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let connection = try database.connect()
        let schema = PostgresSchema.current
        #expect(throws: PostgresError.schemaMissing(uri: database.uri)) { try schema.verify(connection) }
        #expect(try schema.initialize(connection) == .created(version: schema.version))
        let created = try tables(connection)
        #expect(created == ["annotators", "documents", "pool_items", "records", "schema_migrations"], "\(created)")
        #expect(try schema.initialize(connection) == .unchanged(version: schema.version))
        #expect(try schema.initialize(try database.connect()) == .unchanged(version: schema.version))
        #expect(try tables(connection) == created)
        #expect(try schema.verify(connection) == schema.version)
        #expect(try schema.installedVersions(connection) == Array(1...schema.version))
    }

    @Test func theMissingSchemaMessageSaysToRunStoreInit() {
        let error = PostgresError.schemaMissing(uri: "postgresql://db/x")
        #expect(
            error.description
                == "postgresql://db/x: no sentag tables in this database; run 'sentag store init postgresql://db/x' first"
        )
    }

    @Test func concurrentInitsCreateTheSchemaOnce() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let uri = database.uri
        let results = ConcurrentWorkers.run(4) { _ in
            try PostgresSchema.current.initialize(try PostgresConnection(uri)).description
        }
        let outcomes = results.map { result in (try? result.get()) ?? "error: \(result)" }
        let created = PostgresSchemaChange.created(version: PostgresSchema.current.version).description
        let unchanged = PostgresSchemaChange.unchanged(version: PostgresSchema.current.version).description
        #expect(outcomes.sorted() == [created, unchanged, unchanged, unchanged].sorted(), "\(outcomes)")
    }

    @Test func anOlderSchemaIsUpgradedThroughTheMissingMigrations() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let connection = try database.connect()
        let old = PostgresSchema(migrations: [Self.first])
        let new = PostgresSchema(migrations: [Self.first, Self.second])
        #expect(try old.initialize(connection) == .created(version: 1))
        #expect(throws: PostgresError.schemaTooOld(uri: database.uri, found: 1, expected: 2)) {
            try new.verify(connection)
        }
        #expect(try new.initialize(connection) == .upgraded(from: 1, to: 2))
        #expect(try tables(connection) == ["one", "schema_migrations", "two"])
        #expect(try connection.execute("SELECT z FROM sentag.one").rows.isEmpty, "migration 2 altered table one")
        let summaries = try connection.execute("SELECT version, summary FROM sentag.schema_migrations ORDER BY 1").rows
        #expect(summaries == [["1", "one"], ["2", "two"]])
        // The older sentag now refuses the database, and says why.
        #expect(throws: PostgresError.schemaTooNew(uri: database.uri, found: 2, known: 1)) {
            try old.verify(connection)
        }
        #expect(throws: PostgresError.schemaTooNew(uri: database.uri, found: 2, known: 1)) {
            try old.initialize(connection)
        }
        #expect(PostgresError.schemaTooNew(uri: "u", found: 2, known: 1).description.hasSuffix("upgrade sentag"))
    }

    @Test func aFailingMigrationLeavesTheDatabaseAsItWas() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let connection = try database.connect()
        try PostgresSchema(migrations: [Self.first]).initialize(connection)
        #expect(throws: PostgresError.self) {
            try PostgresSchema(migrations: [Self.first, Self.broken]).initialize(connection)
        }
        #expect(!connection.isInTransaction)
        #expect(try tables(connection) == ["one", "schema_migrations"], "table two was rolled back")
        #expect(try PostgresSchema(migrations: [Self.first]).verify(connection) == 1)
    }

    @Test func aNewerSchemaIsRefusedByInitAndByEveryCommand() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let connection = try database.connect()
        let known = PostgresSchema.current.version
        try connection.execute(
            "INSERT INTO sentag.schema_migrations (version, summary) VALUES ($1, 'from the future')",
            [String(known + 1)])
        let refusal = PostgresError.schemaTooNew(uri: database.uri, found: known + 1, known: known)
        #expect(throws: refusal) { try PostgresSchema.current.initialize(connection) }
        #expect(throws: refusal) { try PostgresSchema.current.verify(connection) }
        #expect(try PostgresSchema.current.installedVersions(connection) == Array(1...(known + 1)))
    }

    @Test func aSchemaSentagDidNotMakeIsLeftAlone() throws {
        let database = try ScratchDatabase(initialized: false)
        defer { database.drop() }
        let connection = try database.connect()
        try connection.executeScript("CREATE SCHEMA sentag; CREATE TABLE sentag.records (x int);")
        do {
            try PostgresSchema.current.initialize(connection)
            Issue.record("initialized over a foreign schema")
        } catch {
            #expect(
                error == .schemaForeign(uri: database.uri, reason: "it has 1 tables and no sentag.schema_migrations"))
        }
        #expect(try tables(connection) == ["records"])
        // A version list with a gap is not one sentag wrote either.
        try connection.executeScript(
            """
            DROP TABLE sentag.records;
            CREATE TABLE sentag.schema_migrations (version integer PRIMARY KEY, summary text, applied_at timestamptz);
            INSERT INTO sentag.schema_migrations VALUES (1, 'one', now()), (3, 'three', now());
            """)
        let third = PostgresMigration(version: 3, summary: "three", sql: "CREATE TABLE sentag.three (x int);")
        #expect {
            try PostgresSchema(migrations: [Self.first, Self.second, third]).initialize(connection)
        } throws: { error in
            (error as? PostgresError)?.description.contains("lists versions 1, 3, not 1 to 3 without a gap") == true
        }
        #expect(try tables(connection) == ["schema_migrations"])
    }

    @Test func aDatabaseThatIsNotUTF8IsRefused() throws {
        let database = try ScratchDatabase(
            initialized: false, options: "ENCODING 'SQL_ASCII' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'")
        defer { database.drop() }
        let connection = try database.connect()
        #expect(throws: PostgresError.unsupportedEncoding(uri: database.uri, encoding: "SQL_ASCII")) {
            try PostgresSchema.current.initialize(connection)
        }
        #expect(try tables(connection).isEmpty)
    }
}
