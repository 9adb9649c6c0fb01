/// One step in the history of sentag's database schema: the SQL that takes it from
/// `version - 1` to `version`.
///
/// Migrations are only ever appended: a released one is never edited, since databases out
/// there already ran it. `sentag store init` runs the ones a database lacks, in order, in one
/// transaction with the version bookkeeping (`PostgresSchema`).
public struct PostgresMigration: Sendable {
    public let version: Int
    /// What this step adds, one line, kept in `sentag.schema_migrations`.
    public let summary: String
    /// Statements separated by `;`, run as one script (no parameters).
    public let sql: String

    public init(version: Int, summary: String, sql: String) {
        self.version = version
        self.summary = summary
        self.sql = sql
    }
}
