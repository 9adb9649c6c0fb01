import CLibPQ

/// One synchronous libpq connection to a PostgreSQL server.
///
/// - Every call blocks until the server has answered, as the labeling loop expects: when
///   `execute` returns from an `INSERT` outside a transaction, the row is committed and, with
///   `synchronous_commit` on (set at every connect), flushed to the server's WAL on disk.
/// - Values travel in text format; parameters are `$1, $2, …` and never spliced into SQL.
/// - When the connection breaks, every call throws `.connectionLost` until `reconnect()`
///   succeeds. Session state is gone after a reconnect: open transactions, advisory locks and
///   settings; prepared statements are prepared again on first use.
/// - Not thread-safe: one connection per thread (or per task), as libpq requires.
public final class PostgresConnection {
    /// `server_version_num` of the oldest server sentag accepts: PostgreSQL 12.
    ///
    /// The schema uses a stored generated column (the record's sentence id, taken from the
    /// record's JSON so the two can never disagree), which arrived in PostgreSQL 12; everything
    /// else it needs is older (`ON CONFLICT` and `SKIP LOCKED` 9.5, identity columns 10).
    /// The tests run against the server Debian ships (15).
    public static let minimumServerVersion = 120_000

    /// The URI connected to; prints without its password.
    public let uri: PostgresURI
    /// `application_name` for this session, shown in `pg_stat_activity` and in the message a
    /// second session gets when an advisory lock is taken (the URI's own value wins).
    public let applicationName: String
    /// The server's `server_version_num` (150004 for 15.4).
    public private(set) var serverVersion = 0
    private let minimumVersion: Int
    private var handle: OpaquePointer?
    /// The statements prepared in the current server session, by name.
    private var prepared: [String: String] = [:]
    /// Set when a statement found the connection gone, even if libpq has not noticed yet.
    private var broken = false

    /// Connects, checks the server's version and turns `synchronous_commit` on.
    public init(
        uri: PostgresURI, applicationName: String = "sentag",
        minimumServerVersion: Int = PostgresConnection.minimumServerVersion
    ) throws(PostgresError) {
        self.uri = uri
        self.applicationName = applicationName
        self.minimumVersion = minimumServerVersion
        handle = try Self.open(uri, applicationName: applicationName)
        try setUpSession()
    }

    /// Parses `uri` (see `PostgresURI`) and connects.
    public convenience init(_ uri: String, applicationName: String = "sentag") throws(PostgresError) {
        try self.init(uri: PostgresURI(uri), applicationName: applicationName)
    }

    deinit {
        close()
    }

    /// Ends the session; the server releases its locks.
    ///
    /// Later calls throw `.connectionLost`.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        prepared = [:]
        broken = false
    }

    /// Whether the connection is up, as far as libpq knows without asking the server.
    public var isConnected: Bool {
        !broken && (handle.map { PQstatus($0) == CONNECTION_OK } ?? false)
    }

    /// The server process serving this session (`pg_backend_pid()`), or 0 when disconnected.
    public var serverProcessID: Int32 {
        handle.map { PQbackendPID($0) } ?? 0
    }

    /// Whether a transaction is open (`BEGIN` without `COMMIT` or `ROLLBACK` yet).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Connects again with the same parameters, after `.connectionLost` or `close()`.
    ///
    /// Throws the same errors as connecting (`.serverUnreachable` while the server is down);
    /// call it again later to retry. Advisory locks must be taken again.
    public func reconnect() throws(PostgresError) {
        prepared = [:]
        broken = false
        if let handle {
            PQreset(handle)
            guard PQstatus(handle) == CONNECTION_OK else {
                throw PostgresMessage.connectFailure(handle, uri: uri)
            }
            sentag_pq_silence_notices(handle)
        } else {
            handle = try Self.open(uri, applicationName: applicationName)
        }
        try setUpSession()
    }

    /// Runs one statement with `$1, $2, …` bound to `parameters` (`nil` is NULL) and returns
    /// its rows.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
        let handle = try liveHandle()
        let result = PostgresParameters.with(parameters) { values, count in
            PQexecParams(handle, sql, count, nil, values, nil, nil, 0)
        }
        return try take(result, statement: sql)
    }

    /// Runs a prepared statement, preparing it first in this server session when needed.
    @discardableResult
    public func execute(
        _ statement: PostgresPreparedStatement, _ parameters: [String?] = []
    ) throws(PostgresError) -> PostgresResult {
        let handle = try liveHandle()
        try prepare(statement, on: handle)
        let result = PostgresParameters.with(parameters) { values, count in
            PQexecPrepared(handle, statement.name, count, values, nil, nil, 0)
        }
        return try take(result, statement: statement.sql)
    }

    /// Runs a prepared statement and hands its rows to `body` in place, without copying them
    /// into `String`s (`PostgresRows`): reading thousands of records per statement.
    public func withRows<Result>(
        _ statement: PostgresPreparedStatement, _ parameters: [String?] = [],
        _ body: (PostgresRows) throws -> Result
    ) throws -> Result {
        let handle = try liveHandle()
        try prepare(statement, on: handle)
        let result = PostgresParameters.with(parameters) { values, count in
            PQexecPrepared(handle, statement.name, count, values, nil, nil, 0)
        }
        guard let result, PQresultStatus(result) == PGRES_TUPLES_OK else {
            _ = try take(result, statement: statement.sql)
            throw failure(of: nil, statement: statement.sql)
        }
        defer { PQclear(result) }
        return try body(PostgresRows(result))
    }

    /// Prepares `statement` in this server session unless it already is.
    private func prepare(_ statement: PostgresPreparedStatement, on handle: OpaquePointer) throws(PostgresError) {
        guard prepared[statement.name] != statement.sql else { return }
        if prepared[statement.name] != nil {
            _ = try take(PQexec(handle, "DEALLOCATE \(statement.name)"), statement: "DEALLOCATE")
        }
        _ = try take(PQprepare(handle, statement.name, statement.sql, 0, nil), statement: statement.sql)
        prepared[statement.name] = statement.sql
    }

    /// Runs SQL text that may hold several statements separated by `;`, without parameters
    /// (the simple query protocol): schema migrations.
    public func executeScript(_ sql: String) throws(PostgresError) {
        let handle = try liveHandle()
        _ = try take(PQexec(handle, sql), statement: sql)
    }

    // MARK: - Internals shared with the extensions

    /// The handle of a live connection, or `.connectionLost`.
    func liveHandle() throws(PostgresError) -> OpaquePointer {
        guard let handle else {
            throw .connectionLost(uri: uri.description, reason: "the connection is closed")
        }
        guard !broken, PQstatus(handle) == CONNECTION_OK else {
            throw .connectionLost(
                uri: uri.description, reason: "the connection was lost earlier and not re-established")
        }
        return handle
    }

    /// Copies a result's rows and clears it, or throws what went wrong.
    func take(_ result: OpaquePointer?, statement: String) throws(PostgresError) -> PostgresResult {
        defer { if let result { PQclear(result) } }
        if let result {
            let status = PQresultStatus(result)
            if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY {
                return PostgresResult(result)
            }
        }
        throw failure(of: result, statement: statement)
    }

    /// The error for a failed statement: `.connectionLost` when the connection broke, else
    /// `.statementFailed` with the server's SQLSTATE and message.
    ///
    /// Does not clear `result`.
    ///
    /// The connection counts as broken when libpq says so, when the error has no SQLSTATE
    /// (libpq made it itself: `server closed the connection unexpectedly`, `could not send
    /// data`), or when the server is ending the session (class 08, 57P01–57P03). libpq does
    /// not always mark the connection bad at once, so the connection remembers it.
    func failure(of result: OpaquePointer?, statement: String) -> PostgresError {
        let connectionMessage = handle.map { String(cString: PQerrorMessage($0)) } ?? ""
        let field = { (code: Unicode.Scalar) -> String? in
            guard let result, let value = PQresultErrorField(result, Int32(code.value)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        let ending = sqlState.map { $0.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains($0) } ?? true
        if ending || handle.map({ PQstatus($0) != CONNECTION_OK }) ?? true {
            broken = true
            let message = field("M") ?? connectionMessage
            let reason = PostgresMessage.firstLine(uri.scrub(message))
            return .connectionLost(
                uri: uri.description, reason: reason.isEmpty ? "the server closed the connection" : reason)
        }
        var message = field("M") ?? PostgresMessage.oneLine(connectionMessage)
        if let detail = field("D") { message += ". " + detail }
        return .statementFailed(
            uri: uri.description, sqlState: sqlState ?? "?????", message: PostgresMessage.oneLine(uri.scrub(message)),
            statement: Self.abbreviated(statement))
    }

    // MARK: - Connecting

    /// libpq's defaults for a labeling client; the URI's own parameters override them.
    /// - `connect_timeout`, keepalives and `tcp_user_timeout`: a dead server or network is
    ///   reported within seconds instead of TCP's minutes.
    /// - `client_encoding` comes after the URI, so records always travel as UTF-8.
    private static func open(_ uri: PostgresURI, applicationName: String) throws(PostgresError) -> OpaquePointer {
        let settings: [(String, String)] = [
            ("connect_timeout", "10"), ("keepalives_idle", "30"), ("keepalives_interval", "10"),
            ("keepalives_count", "3"), ("tcp_user_timeout", "30000"), ("application_name", applicationName),
            ("dbname", uri.connectionString), ("client_encoding", "UTF8"),
        ]
        // Both arrays end with NULL, as libpq expects.
        let handle = PostgresParameters.with(settings.map(\.0) + [nil]) { keywords, _ in
            PostgresParameters.with(settings.map(\.1) + [nil]) { values, _ in
                PQconnectdbParams(keywords, values, 1)
            }
        }
        guard let handle else {
            throw .connectionFailed(uri: uri.description, reason: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let error = PostgresMessage.connectFailure(handle, uri: uri)
            PQfinish(handle)
            throw error
        }
        sentag_pq_silence_notices(handle)
        return handle
    }

    /// Checks the server's version and sets what every session needs.
    private func setUpSession() throws(PostgresError) {
        let handle = try liveHandle()
        let version = Int(PQserverVersion(handle))
        guard version >= minimumVersion else {
            let text = PQparameterStatus(handle, "server_version").map { String(cString: $0) } ?? String(version)
            close()
            throw .serverTooOld(uri: uri.description, version: text, minimum: Self.versionName(minimumVersion))
        }
        serverVersion = version
        // A server or role may default to off, which would let a crash lose acknowledged
        // decisions.
        try execute("SET synchronous_commit TO on")
    }

    /// "12" for 120000, "9.6" for 90600.
    static func versionName(_ number: Int) -> String {
        number >= 100_000 ? "\(number / 10_000)" : "\(number / 10_000).\(number / 100 % 100)"
    }

    /// The first line of a statement, cut to 60 characters, for messages.
    private static func abbreviated(_ statement: String) -> String {
        let line = PostgresMessage.oneLine(statement)
        return line.count <= 60 ? line : String(line.prefix(57)) + "…"
    }
}
