/// sentag's tables in a PostgreSQL database: created, upgraded and checked by version.
///
/// Everything lives in the SQL schema `sentag`, so a database can hold other things too. The
/// table `sentag.schema_migrations` lists the migrations applied (one row per version,
/// 1, 2, 3… without a gap); its shape never changes, so any sentag can read any database's
/// version and say what to do:
/// - `initialize` (`sentag store init`) creates the schema or upgrades it through the missing
///   migrations, in one transaction (PostgreSQL's DDL is transactional: a failed upgrade
///   leaves the database as it was), serialised between concurrent runs by an advisory lock;
///   it refuses a newer or unknown schema with the reason.
/// - `verify` (every command before touching the store) accepts only the exact version this
///   sentag knows.
public struct PostgresSchema: Sendable {
    /// The SQL schema (namespace) holding sentag's tables.
    public static let namespace = "sentag"
    /// The schema this sentag reads and writes.
    public static let current = PostgresSchema(migrations: PostgresMigration.history)
    /// The advisory-lock namespace of every sentag lock: the high 32 bits of the key, "SENT".
    ///
    /// Annotator locks use the annotator's `lock_number` (≥ 1) below it; `initialize` uses 0.
    public static let lockNamespace: Int64 = 0x5345_4E54 << 32
    /// The advisory-lock namespace of filling a plan's routing pool, "SENP" (`PostgresItemPool`).
    public static let poolLockNamespace: Int64 = 0x5345_4E50 << 32
    /// The advisory-lock namespace of replacing a document, "SEND" (`PostgresDocumentTable`).
    public static let documentLockNamespace: Int64 = 0x5345_4E44 << 32

    public let migrations: [PostgresMigration]

    /// The version the last migration produces.
    public var version: Int { migrations.last?.version ?? 0 }

    /// A schema made of `migrations`, numbered 1, 2, 3… in order (tests pass their own).
    public init(migrations: [PostgresMigration]) {
        precondition(
            migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
            "migrations must be numbered 1, 2, 3… in order")
        self.migrations = migrations
    }

    /// Creates the schema, or upgrades it to `version`, or leaves an up-to-date one alone.
    ///
    /// Throws `.schemaTooNew` for a database a newer sentag wrote, `.schemaForeign` when the
    /// `sentag` schema holds tables without sentag's version table (or versions with a gap),
    /// `.unsupportedEncoding` for a database that is not UTF-8.
    @discardableResult
    public func initialize(_ connection: PostgresConnection) throws(PostgresError) -> PostgresSchemaChange {
        try connection.execute("BEGIN")
        do {
            let change = try migrateInTransaction(connection)
            try connection.execute("COMMIT")
            return change
        } catch {
            if connection.isInTransaction { _ = try? connection.execute("ROLLBACK") }
            throw error
        }
    }

    /// The schema version, when this sentag can work with the database; else what to do.
    ///
    /// Throws `.schemaMissing` (run `sentag store init`), `.schemaTooOld` (run it to upgrade)
    /// or `.schemaTooNew` (upgrade sentag).
    @discardableResult
    public func verify(_ connection: PostgresConnection) throws(PostgresError) -> Int {
        let uri = connection.uri.description
        guard let installed = try installedVersions(connection), let found = installed.last else {
            throw .schemaMissing(uri: uri)
        }
        if found < version { throw .schemaTooOld(uri: uri, found: found, expected: version) }
        if found > version { throw .schemaTooNew(uri: uri, found: found, known: version) }
        return found
    }

    /// The versions recorded in `sentag.schema_migrations`, ascending; nil when there is no
    /// such table.
    public func installedVersions(_ connection: PostgresConnection) throws(PostgresError) -> [Int]? {
        let exists = try connection.execute("SELECT to_regclass('sentag.schema_migrations') IS NOT NULL").scalar
        guard exists == "t" else { return nil }
        return try connection.execute("SELECT version FROM sentag.schema_migrations ORDER BY version")
            .rows.compactMap { $0[0].flatMap { Int($0) } }
    }

    private func migrateInTransaction(_ connection: PostgresConnection) throws(PostgresError) -> PostgresSchemaChange {
        let uri = connection.uri.description
        try connection.execute("SELECT pg_advisory_xact_lock($1::bigint)", [String(Self.lockNamespace)])
        let encoding = try connection.execute("SELECT current_setting('server_encoding')").scalar ?? "?"
        guard encoding == "UTF8" else { throw .unsupportedEncoding(uri: uri, encoding: encoding) }

        let counted = try connection.execute(
            """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'sentag' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """)
        let tables = counted.scalar.flatMap { Int($0) } ?? 0
        var installed = try installedVersions(connection)
        if installed == nil {
            if tables > 0 {
                throw .schemaForeign(uri: uri, reason: "it has \(tables) tables and no sentag.schema_migrations")
            }
            try connection.executeScript(
                """
                CREATE SCHEMA IF NOT EXISTS sentag;
                CREATE TABLE sentag.schema_migrations (
                    version    integer PRIMARY KEY CHECK (version >= 1),
                    summary    text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                COMMENT ON TABLE sentag.schema_migrations IS
                    'The sentag schema migrations applied to this database; the highest is its version.';
                """)
            installed = []
        }
        let versions = installed ?? []
        let found = versions.last ?? 0
        if found > version { throw .schemaTooNew(uri: uri, found: found, known: version) }
        guard versions.enumerated().allSatisfy({ $0.offset + 1 == $0.element }) else {
            throw .schemaForeign(
                uri: uri,
                reason: "sentag.schema_migrations lists versions \(versions.map(String.init).joined(separator: ", ")), "
                    + "not 1 to \(found) without a gap")
        }
        for migration in migrations where migration.version > found {
            try connection.executeScript(migration.sql)
            try connection.execute(
                "INSERT INTO sentag.schema_migrations (version, summary) VALUES ($1, $2)",
                [String(migration.version), migration.summary])
        }
        if found == version { return .unchanged(version: version) }
        return found == 0 ? .created(version: version) : .upgraded(from: found, to: version)
    }
}
