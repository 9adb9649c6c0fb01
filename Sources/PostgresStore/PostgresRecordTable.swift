import SentagKit

/// The journals in `sentag.records`: register an annotator, lock its journal, append records
/// with gapless per-annotator sequence numbers, read them back in order.
///
/// Sequence numbers are allocated in the statement that inserts the records, by bumping
/// `sentag.annotators.last_seq`: the row lock makes concurrent appenders for one annotator
/// wait for each other (never two records with one number), and a statement that fails or
/// rolls back gives its numbers back (never a gap). Appends from different annotators do not
/// wait for each other.
public struct PostgresRecordTable {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// One annotator's journal: its name and the sequence number of its last record (0 when
    /// it has none).
    public struct Journal: Equatable, Sendable {
        public let annotator: String
        public let lastSeq: Int64

        public init(annotator: String, lastSeq: Int64) {
            self.annotator = annotator
            self.lastSeq = lastSeq
        }
    }

    /// Adds the annotator's journal when missing; returns its advisory-lock key.
    @discardableResult
    public func register(annotator: String) throws -> Int64 {
        let name = try AnnotatorName.validate(annotator)
        try connection.execute(
            "INSERT INTO sentag.annotators (annotator) VALUES ($1) ON CONFLICT (annotator) DO NOTHING", [name])
        return try lockKey(annotator: name)
    }

    /// The advisory-lock key of a registered annotator's journal.
    public func lockKey(annotator: String) throws(PostgresError) -> Int64 {
        let number = try connection.execute(
            "SELECT lock_number FROM sentag.annotators WHERE annotator = $1", [annotator]
        ).scalar.flatMap { Int64($0) }
        guard let number else {
            throw .annotatorNotRegistered(uri: connection.uri.description, annotator: annotator)
        }
        return PostgresSchema.lockNamespace | number
    }

    /// Every journal, by name.
    public func journals() throws(PostgresError) -> [Journal] {
        try connection.execute("SELECT annotator, last_seq FROM sentag.annotators ORDER BY annotator").rows.map {
            Journal(annotator: $0[0] ?? "", lastSeq: $0[1].flatMap { Int64($0) } ?? 0)
        }
    }

    /// Appends one record (a JSON object, as a journal line without its newline); returns its
    /// sequence number.
    ///
    /// Committed when it returns, unless inside a transaction.
    @discardableResult
    public func append(_ record: String, annotator: String) throws(PostgresError) -> Int64 {
        let seq = try connection.execute(Self.appendOne, [annotator, record]).scalar.flatMap { Int64($0) }
        guard let seq else { throw .annotatorNotRegistered(uri: connection.uri.description, annotator: annotator) }
        return seq
    }

    /// Appends records in order, in one statement (all or none); returns their sequence numbers.
    @discardableResult
    public func append(_ records: [String], annotator: String) throws(PostgresError) -> ClosedRange<Int64>? {
        guard !records.isEmpty else { return nil }
        let seqs = try connection.execute(
            Self.appendMany, [annotator, PostgresArrayLiteral.text(records), String(records.count)]
        ).rows.compactMap { $0[0].flatMap { Int64($0) } }
        guard let first = seqs.min(), let last = seqs.max() else {
            throw .annotatorNotRegistered(uri: connection.uri.description, annotator: annotator)
        }
        return first...last
    }

    /// Appends many records with `COPY` (a million in seconds), in one transaction that holds
    /// the annotator's counter row, so concurrent appends wait and numbers stay gapless.
    @discardableResult
    public func bulkAppend<Records: Sequence>(
        _ records: Records, annotator: String
    ) throws -> ClosedRange<Int64>? where Records.Element == String {
        try connection.transaction {
            let last = try connection.execute(
                "SELECT last_seq FROM sentag.annotators WHERE annotator = $1 FOR UPDATE", [annotator]
            ).scalar.flatMap { Int64($0) }
            guard let last else {
                throw PostgresError.annotatorNotRegistered(uri: connection.uri.description, annotator: annotator)
            }
            var seq = last
            let rows = records.lazy.map { record -> [String?] in
                seq += 1
                return [annotator, String(seq), record]
            }
            let count = Int64(
                try connection.copy("COPY sentag.records (annotator, seq, record) FROM STDIN", rows: rows))
            guard count > 0 else { return nil }
            try connection.execute(
                "UPDATE sentag.annotators SET last_seq = $2 WHERE annotator = $1", [annotator, String(last + count)])
            return (last + 1)...(last + count)
        }
    }

    /// Streams an annotator's records with a sequence number above `seq`, in order: the
    /// journal tail after a checkpoint.
    ///
    /// The row is only valid inside `body`.
    public func forEachRecord(
        annotator: String, after seq: Int64 = 0, _ body: (_ seq: Int64, _ record: PostgresRow) throws -> Void
    ) throws {
        try connection.forEachRow(
            "SELECT seq, record FROM sentag.records WHERE annotator = $1 AND seq > $2 ORDER BY seq",
            [annotator, String(seq)]
        ) { row in
            try body(row.integer(0) ?? 0, row)
        }
    }

    static let appendOne = PostgresPreparedStatement(
        name: "sentag_append_record",
        sql: """
            WITH counter AS (
                UPDATE sentag.annotators SET last_seq = last_seq + 1 WHERE annotator = $1 RETURNING last_seq
            )
            INSERT INTO sentag.records (annotator, seq, record)
            SELECT $1, last_seq, $2::json FROM counter
            RETURNING seq
            """)

    static let appendMany = PostgresPreparedStatement(
        name: "sentag_append_records",
        sql: """
            WITH counter AS (
                UPDATE sentag.annotators SET last_seq = last_seq + $3::bigint WHERE annotator = $1 RETURNING last_seq
            )
            INSERT INTO sentag.records (annotator, seq, record)
            SELECT $1, counter.last_seq - $3::bigint + r.ordinality, r.record::json
            FROM counter, unnest($2::text[]) WITH ORDINALITY AS r(record, ordinality)
            RETURNING seq
            """)
}
