import SentagKit

/// The label store in a PostgreSQL database: the second implementation of `JournalStore`, behind
/// `--annotations postgresql://…`, with the records, guarantees and outputs of a folder of
/// journals.
///
/// - **Records**: one row per journal line in `sentag.records`, the JSON object byte for byte,
///   numbered 1, 2, 3… per annotator (`seq`, gapless, append-only: see the migrations). A
///   record's position is its number in the order read (`line`) and its sequence number
///   (`offset`); messages name it `<uri>#alice:17`.
/// - **Marks**: the last sequence number read, the count read, and a hash of that last record
///   seeded with its number, so `isCurrent` is one indexed lookup and a database that was emptied
///   or replaced since (its record there missing or different) invalidates the checkpoint.
/// - **Caches** (checkpoints, segmentations) are on this machine, in
///   `~/.cache/sentag/postgresql/<hash of the URI without its password>/` (`CacheFolder`): a
///   checkpoint is written for the exact build that reads it (its layout is memory), so machines
///   with different builds could not share one, and reading it from local disk costs
///   milliseconds where fetching hundreds of megabytes from the server would not; segmentations
///   belong to local source files anyway. Nothing there is needed for correctness.
/// - **Documents** (`labels.json`, `plan.json`, `GUIDELINES.md`) are rows of `sentag.documents`.
/// - **Routing**: a plan's single-annotation units come from a shared pool (`singleUnits`), so
///   annotators on different machines take the next free unit as they go.
/// - **Threads**: each reading thread gets a connection of its own from a small pool; a journal
///   open for appending has its own connection, which holds the annotator's advisory lock.
///
/// Opening the store connects and checks the schema (`PostgresSchema.verify`): a database this
/// sentag does not know is refused before anything is read or written.
public final class PostgresJournalStore: JournalStore {
    public let uri: PostgresURI
    let pool: PostgresConnectionPool
    public let cache: (any StoreCache)?
    /// Records fetched per statement when reading a journal.
    static let pageSize = 20_000

    /// Connects to `uri` and checks that its schema is the one this sentag knows.
    ///
    /// `cache` is where checkpoints and segmentations go: by default the user's cache folder
    /// (`CacheFolder.forStore`, from `environment`), `.some(nil)` for none. Throws what
    /// connecting throws (`PostgresError`), and `.schemaMissing`, `.schemaTooOld` or
    /// `.schemaTooNew` for a schema this sentag does not know.
    public init(
        uri: PostgresURI, applicationName: String = "sentag",
        minimumServerVersion: Int = PostgresConnection.minimumServerVersion,
        cache: (any StoreCache)?? = nil, environment: [String: String] = ProcessEnvironment.current
    ) throws(PostgresError) {
        self.uri = uri
        let connection = try PostgresConnection(
            uri: uri, applicationName: applicationName, minimumServerVersion: minimumServerVersion)
        try PostgresSchema.current.verify(connection)
        pool = PostgresConnectionPool(first: connection, minimumServerVersion: minimumServerVersion)
        if let cache {
            self.cache = cache
        } else {
            self.cache = CacheFolder.forStore(
                kind: "postgresql", key: Self.cacheKey(uri), environment: environment)
        }
    }

    /// Parses `text` (a libpq URI) and opens the store.
    public convenience init(_ text: String, applicationName: String = "sentag") throws(PostgresError) {
        try self.init(uri: PostgresURI(text), applicationName: applicationName)
    }

    /// The cache folder's name: a hash of the URI without its password, so the folder name
    /// shows nothing of the URI, and a password change keeps the cache.
    static func cacheKey(_ uri: PostgresURI) -> String {
        let hash = XXHash64.hash(Array(uri.description.utf8))
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var location: String { uri.description }

    /// A database always exists once it could be opened.
    public var exists: Bool { true }

    public var readsConcurrently: Bool { true }

    /// Runs `body` on a pooled connection (again on a new one when an idle connection turns out
    /// to be gone, if `retrying`); a database error becomes a `StoreError` worded for people.
    func withConnection<Result>(
        retrying: Bool = true, _ body: (PostgresConnection) throws -> Result
    ) throws(StoreError) -> Result {
        do {
            return try pool.withConnection(retrying: retrying, body)
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw .database(error.description)
        } catch {
            throw .database("\(location): \(error)")
        }
    }

    public func journalLocation(_ annotator: String) -> String { "\(location)#\(annotator)" }

    public func describe(_ position: RecordPosition, of annotator: String) -> String {
        "\(journalLocation(annotator)):\(position.offset)"
    }

    public func documentLocation(_ document: StoreDocument) -> String { "\(location)#\(document.rawValue)" }

    public func annotators() throws(StoreError) -> [String] {
        let names = try withConnection { connection in
            try connection.execute(Self.listAnnotators).rows.compactMap { $0[0] }
        }
        return names.filter(AnnotatorName.isValid).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public func readJournal(_ annotator: String, after mark: JournalMark?, _ visit: (JournalBatch) -> Void)
        throws(StoreError) -> JournalMark
    {
        var end = mark ?? .start
        try withConnection { connection in
            var buffer: [UInt8] = []
            var ranges: [Range<Int>] = []
            var positions: [RecordPosition] = []
            while true {
                buffer.removeAll(keepingCapacity: true)
                ranges.removeAll(keepingCapacity: true)
                positions.removeAll(keepingCapacity: true)
                let fetched = try connection.withRows(
                    Self.readPage, [annotator, String(end.offset), String(Self.pageSize)]
                ) { rows in
                    for row in 0..<rows.count {
                        guard let seq = rows.integer(row, 0) else { continue }
                        let record = rows.bytes(row, 1)
                        let start = buffer.count
                        buffer.append(contentsOf: record)
                        ranges.append(start..<buffer.count)
                        end.lines += 1
                        positions.append(RecordPosition(line: end.lines, offset: seq))
                        if row == rows.count - 1 {
                            end.offset = seq
                            end.fingerprint = Self.fingerprint(record, seq: seq)
                        }
                    }
                    return rows.count
                }
                if !ranges.isEmpty {
                    buffer.withUnsafeBufferPointer { bytes in
                        visit(JournalBatch(bytes: bytes, ranges: ranges, positions: positions))
                    }
                }
                if fetched < Self.pageSize { break }
            }
        }
        return end
    }

    /// The hash a mark keeps of its last record: the record's bytes, seeded with its number.
    static func fingerprint(_ record: UnsafeBufferPointer<UInt8>, seq: Int64) -> UInt64 {
        XXHash64.hash(record, seed: UInt64(bitPattern: seq))
    }

    public func isCurrent(_ mark: JournalMark, of annotator: String) -> Bool {
        guard mark.offset > 0 else { return mark.lines == 0 }
        let found = try? withConnection { connection in
            try connection.withRows(Self.readOne, [annotator, String(mark.offset)]) { rows in
                rows.count == 1 && Self.fingerprint(rows.bytes(0, 1), seq: mark.offset) == mark.fingerprint
            }
        }
        return found ?? false
    }

    public func readRecords(_ annotator: String, at positions: [RecordPosition]) throws(StoreError) -> [[UInt8]?] {
        guard !positions.isEmpty else { return [] }
        let seqs = "{" + positions.map { String($0.offset) }.joined(separator: ",") + "}"
        let found = try withConnection { connection in
            try connection.withRows(Self.readSome, [annotator, seqs]) { rows in
                var found: [Int64: [UInt8]] = [:]
                for row in 0..<rows.count {
                    if let seq = rows.integer(row, 0) { found[seq] = Array(rows.bytes(row, 1)) }
                }
                return found
            }
        }
        return positions.map { found[$0.offset] }
    }

    public func openJournal(_ annotator: String, command: String) throws(StoreError) -> any JournalAppender {
        try PostgresJournalAppender(store: self, annotator: annotator, command: command)
    }

    public func readDocument(_ document: StoreDocument) throws(StoreError) -> [UInt8]? {
        try withConnection { connection in try PostgresDocumentTable(connection).read(document.rawValue) }
    }

    public func writeDocument(_ document: StoreDocument, _ bytes: [UInt8]) throws(StoreError) {
        try withConnection { connection in try PostgresDocumentTable(connection).write(document.rawValue, bytes) }
    }

    /// Compares and replaces in one transaction, under an advisory lock of the document's name:
    /// two leads planning at once from two machines, one wins.
    public func replaceDocument(_ document: StoreDocument, expecting expected: [UInt8]?, with bytes: [UInt8])
        throws(StoreError) -> Bool
    {
        try withConnection(retrying: false) { connection in
            try PostgresDocumentTable(connection).replace(document.rawValue, expecting: expected, with: bytes)
        }
    }

    /// The shared pool of the plan's single units (`PostgresItemPool`): filled with every unit
    /// in order (and with an extension's new units after them), then each annotator claims the next free ones as they ask
    /// (`FOR UPDATE SKIP LOCKED`: never one unit to two annotators, and nobody waits for anybody);
    /// what an annotator claimed stays theirs across sessions.
    public func singleUnits(_ request: SingleUnitRequest) throws(StoreError) -> [String] {
        guard AnnotatorName.isValid(request.annotator) else { throw .badAnnotatorName(request.annotator) }
        // Not run twice: a claim whose answer was lost may have been made.
        return try withConnection(retrying: false) { connection in
            try PostgresRecordTable(connection).register(annotator: request.annotator)
            let pool = PostgresItemPool(connection, plan: request.plan)
            try pool.fillMissing(request.units)
            if request.more > 0 { _ = try pool.take(request.more, for: request.annotator) }
            return try pool.items(takenBy: request.annotator)
        }
    }

    static let listAnnotators = PostgresPreparedStatement(
        name: "sentag_list_annotators", sql: "SELECT annotator FROM sentag.annotators WHERE last_seq > 0")

    static let readPage = PostgresPreparedStatement(
        name: "sentag_read_journal_page",
        sql: """
            SELECT seq, record FROM sentag.records WHERE annotator = $1 AND seq > $2::bigint
            ORDER BY seq LIMIT $3::integer
            """)

    static let readOne = PostgresPreparedStatement(
        name: "sentag_read_record",
        sql: "SELECT seq, record FROM sentag.records WHERE annotator = $1 AND seq = $2::bigint")

    static let readSome = PostgresPreparedStatement(
        name: "sentag_read_records",
        sql: "SELECT seq, record FROM sentag.records WHERE annotator = $1 AND seq = ANY($2::bigint[])")
}
