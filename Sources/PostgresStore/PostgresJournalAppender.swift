import SentagKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An annotator's journal in a `PostgresJournalStore`, open for appending.
///
/// - **One session per journal**: the journal's advisory lock (`pg_try_advisory_lock`), held by
///   a connection of the appender's own for as long as it is open. A second session is refused
///   with who holds it (server process, program, client address, since when). The server drops
///   the lock when the session ends, also when the client is killed.
/// - **Durable on return**: each append is one statement, committed with `synchronous_commit`
///   on (WAL flushed on the server's disk) before `append` returns, so a decision the screen
///   shows as made survives `kill -9` of the client and a crash of the server.
/// - **All or nothing**: a statement that fails stores none of its records.
/// - **A lost connection**: the append throws (the screen says it was not saved) and the records
///   are kept as unconfirmed: the server may have committed them just before the connection
///   broke, which nobody can know until it answers again. The next append reconnects, takes the
///   lock again, and reads what the journal holds after the last record known to be stored:
///   nothing (the records were lost: append as usual), exactly the unconfirmed records (they
///   were stored: when the new line makes the same decisions, as retyping it does, they are not
///   stored twice), or anything else (another session appended meanwhile: this one stops). When
///   the connection broke while the session was idle (a server restarted in the meantime), the
///   first append after it recovers at once and saves the decision without asking again.
/// - When another session took the lock while the connection was down, this one can save
///   nothing more and says so.
final class PostgresJournalAppender: JournalAppender {
    let annotator: String
    private let connection: PostgresConnection
    private let table: PostgresRecordTable
    /// `<uri>#alice`, for messages.
    private let journal: String
    private let lockKey: Int64
    /// The last sequence number known to be stored.
    private var lastSeq: Int64
    /// Records sent in an append whose outcome the server never confirmed (set by tests to
    /// stand for a lost COMMIT).
    var unconfirmed: (records: [AnnotationRecord], lines: [[UInt8]])?
    /// Set when this journal can take no more appends, with the reason.
    private var broken: String?
    private var closed = false

    /// How long a held lock is retried before the journal is reported in use: the server
    /// releases a closed session's locks a moment after the client has gone, so a session that
    /// follows another at once still gets in.
    static let lockWaitMilliseconds = 2_000

    init(store: PostgresJournalStore, annotator: String, command: String) throws(StoreError) {
        guard AnnotatorName.isValid(annotator) else { throw .badAnnotatorName(annotator) }
        self.annotator = annotator
        journal = store.journalLocation(annotator)
        do {
            // The random tag tells this session's server process from any other, so a process
            // left behind by a broken network connection can be recognised and ended.
            connection = try PostgresConnection(
                uri: store.uri, applicationName: "\(command) [\(Self.randomTag())]",
                minimumServerVersion: store.pool.minimumServerVersion)
            table = PostgresRecordTable(connection)
            lockKey = try table.register(annotator: annotator)
        } catch let error as PostgresError {
            throw .database(error.description)
        } catch {
            throw .database("\(journal): \(error)")
        }
        lastSeq = 0
        do {
            try takeLock()
            lastSeq = try Self.lastSeq(connection, annotator: annotator)
        } catch {
            connection.close()
            throw error
        }
    }

    deinit {
        close()
    }

    func close() {
        guard !closed else { return }
        closed = true
        // Released at once rather than when the server notices the session is gone, so the next
        // session of this annotator never waits.
        if connection.isConnected { _ = try? connection.advisoryUnlock(lockKey) }
        connection.close()
    }

    @discardableResult
    func append(_ records: [AnnotationRecord]) throws(StoreError) -> [RecordPosition] {
        try checkUsable()
        guard !records.isEmpty else { return [] }
        let lines = records.map { record in
            var line = record.jsonLine
            if line.last == 0x0A { line.removeLast() }
            return line
        }
        if unconfirmed != nil || !connection.isConnected {
            let pending = unconfirmed
            if let stored = try recover(), let pending, Self.sameDecisions(pending.records, records) {
                // The unconfirmed append was stored, and this one decides the same: it is that one.
                return stored
            }
        }
        do {
            return try insert(records, lines)
        } catch let firstError {
            guard unconfirmed != nil, broken == nil else { throw firstError }
            // The connection was found broken by this append. If it broke while the session was
            // idle, the server is back: reconnect now and save without asking again.
            let settled: [RecordPosition]?
            do {
                settled = try recover()
            } catch {
                if let broken { throw .writeFailed(path: journal, reason: broken) }
                // Still unreachable: the first message (lost the connection) says it best.
                throw firstError
            }
            if let stored = settled { return stored }
            return try insert(records, lines)
        }
    }

    func appendVerbatim(_ records: JournalBatch) throws(StoreError) {
        try checkUsable()
        guard records.count > 0 else { return }
        if !connection.isConnected { _ = try recover() }
        let copied: Int64
        do {
            copied = try connection.transaction { () throws -> Int64 in
                let last =
                    try connection.execute(
                        "SELECT last_seq FROM sentag.annotators WHERE annotator = $1 FOR UPDATE", [annotator]
                    ).scalar.flatMap { Int64($0) } ?? 0
                var encoder = PostgresCopyEncoder()
                encoder.bytes.reserveCapacity(records.bytes.count + records.count * (annotator.utf8.count + 24))
                for i in 0..<records.count {
                    encoder.appendRaw("\(annotator)\t\(last + Int64(i) + 1)\t")
                    encoder.appendField(records.record(i))
                    encoder.appendRaw("\n")
                }
                let count = try encoder.bytes.withUnsafeBufferPointer { bytes in
                    try connection.copy("COPY sentag.records (annotator, seq, record) FROM STDIN", encoded: bytes)
                }
                try connection.execute(
                    "UPDATE sentag.annotators SET last_seq = $2::bigint WHERE annotator = $1",
                    [annotator, String(last + Int64(count))])
                return last + Int64(count)
            }
        } catch let error as PostgresError {
            if error.isConnectionLost {
                broken =
                    "lost the connection to the server while copying; run the copy again, it goes on where this one stopped"
                throw .writeFailed(path: journal, reason: broken ?? "")
            }
            throw .writeFailed(path: journal, reason: Self.reason(error))
        } catch {
            throw .writeFailed(path: journal, reason: "\(error)")
        }
        lastSeq = copied
    }

    // MARK: - Internals

    private func checkUsable() throws(StoreError) {
        if closed { throw .writeFailed(path: journal, reason: "the journal is closed") }
        if let broken { throw .writeFailed(path: journal, reason: broken) }
    }

    /// Appends the records in one statement; on a lost connection they become unconfirmed.
    private func insert(_ records: [AnnotationRecord], _ lines: [[UInt8]]) throws(StoreError) -> [RecordPosition] {
        do {
            let seqs: ClosedRange<Int64>
            if lines.count == 1 {
                let seq = try table.append(String(decoding: lines[0], as: UTF8.self), annotator: annotator)
                seqs = seq...seq
            } else {
                guard
                    let range = try table.append(
                        lines.map { String(decoding: $0, as: UTF8.self) }, annotator: annotator)
                else { return [] }
                seqs = range
            }
            lastSeq = seqs.upperBound
            return seqs.map { RecordPosition(line: $0, offset: $0) }
        } catch {
            if error.isConnectionLost {
                unconfirmed = (records, lines)
                throw .writeFailed(
                    path: journal,
                    reason:
                        "lost the connection to the server (\(Self.reason(error))); sentag reconnects with the next line"
                )
            }
            throw .writeFailed(path: journal, reason: Self.reason(error))
        }
    }

    /// Reconnects, takes the journal's lock again, and settles the unconfirmed append: its
    /// positions when the server had stored it, nil when it had not (or there was none).
    private func recover() throws(StoreError) -> [RecordPosition]? {
        do {
            try connection.reconnect()
        } catch {
            throw .writeFailed(
                path: journal,
                reason: "the server is still unreachable (\(Self.reason(error))); sentag tries again with the next line"
            )
        }
        do {
            try takeLock(endingOwnLeftovers: true)
        } catch {
            if case .locked(_, let holder) = error {
                broken =
                    "another session (\(holder)) took this journal while the connection was down; this session can "
                    + "save nothing more: quit, and start again once that one ends"
                throw .writeFailed(path: journal, reason: broken ?? "")
            }
            throw error
        }
        let pending = unconfirmed
        var tail: [(seq: Int64, bytes: [UInt8])] = []
        do {
            try connection.withRows(Self.readTail, [annotator, String(lastSeq)]) { rows in
                for row in 0..<rows.count {
                    tail.append((rows.integer(row, 0) ?? 0, Array(rows.bytes(row, 1))))
                }
            }
        } catch let error as PostgresError {
            throw .writeFailed(path: journal, reason: Self.reason(error))
        } catch {
            throw .writeFailed(path: journal, reason: "\(error)")
        }
        unconfirmed = nil
        if tail.isEmpty { return nil }
        if let pending, tail.map(\.bytes) == pending.lines {
            lastSeq = tail.last?.seq ?? lastSeq
            return tail.map { RecordPosition(line: $0.seq, offset: $0.seq) }
        }
        broken =
            "the journal changed while the connection was down (records \(lastSeq + 1) to \(tail.last?.seq ?? 0) "
            + "were added by another session); this session can save nothing more: quit, and start again"
        throw .writeFailed(path: journal, reason: broken ?? "")
    }

    /// Takes the journal's advisory lock, or throws `.locked` with who holds it.
    ///
    /// Waits up to `lockWaitMilliseconds` for a session that is ending. After a reconnect, a
    /// server process left behind by this very session (a broken network connection the server
    /// has not noticed yet) is ended first.
    private func takeLock(endingOwnLeftovers: Bool = false) throws(StoreError) {
        var waited = 0
        do {
            while !(try connection.tryAdvisoryLock(lockKey)) {
                if endingOwnLeftovers {
                    try connection.execute(
                        """
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE application_name = $1 AND pid <> pg_backend_pid()
                        """, [connection.applicationName])
                }
                if waited >= Self.lockWaitMilliseconds {
                    let holder = try connection.advisoryLockHolder(lockKey)
                    throw StoreError.locked(journal: journal, holder: holder ?? "another session")
                }
                usleep(20_000)
                waited += 20
            }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw .database(error.description)
        } catch {
            throw .database("\(journal): \(error)")
        }
    }

    static func lastSeq(_ connection: PostgresConnection, annotator: String) throws(StoreError) -> Int64 {
        do {
            return try connection.execute("SELECT last_seq FROM sentag.annotators WHERE annotator = $1", [annotator])
                .scalar.flatMap { Int64($0) } ?? 0
        } catch {
            throw .database(error.description)
        }
    }

    /// Whether two appends make the same decisions: equal but for when they were made (`time`,
    /// `ms`) and by which session.
    static func sameDecisions(_ first: [AnnotationRecord], _ second: [AnnotationRecord]) -> Bool {
        guard first.count == second.count else { return false }
        return zip(first, second).allSatisfy { a, b in
            var b = b
            b.time = a.time
            b.ms = a.ms
            b.session = a.session
            return a == b
        }
    }

    /// The part of an error worth showing after `<journal>: could not save:`, without the URI.
    static func reason(_ error: PostgresError) -> String {
        switch error {
        case .connectionLost(_, let reason), .serverUnreachable(_, let reason): reason
        case .statementFailed(_, let sqlState, let message, _):
            "the server refused it: \(message) (SQLSTATE \(sqlState))"
        default: error.description
        }
    }

    /// Eight hex digits.
    static func randomTag() -> String {
        let digits = String(UInt32.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    static let readTail = PostgresPreparedStatement(
        name: "sentag_read_journal_tail",
        sql: "SELECT seq, record FROM sentag.records WHERE annotator = $1 AND seq > $2::bigint ORDER BY seq")
}
