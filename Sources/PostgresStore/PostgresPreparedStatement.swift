/// A statement prepared once per server session and run many times (`PQprepare`,
/// `PQexecPrepared`): the hot path of appending a decision skips parsing and planning.
///
/// A value names the statement; `PostgresConnection.execute(_:_:)` prepares it on first use in
/// each session (again after a reconnect), so it can be a `static let`.
public struct PostgresPreparedStatement: Sendable, Hashable {
    /// The server-side name; unique per statement text within a program.
    public let name: String
    public let sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}
