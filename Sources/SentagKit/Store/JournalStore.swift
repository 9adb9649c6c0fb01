/// Where annotators' records live: a folder of JSONL journals (`FolderStore`, the default) or a
/// database (PostgreSQL, in its own target).
///
/// Nothing outside an implementation opens, locks or parses a store's files or tables: commands
/// get records through `readJournal` (lines for `RecordDecoder`), write them through a
/// `JournalAppender`, and read the small project files (label set, plan, guidelines) as named
/// documents. Every call is synchronous, like the REPL that drives it.
public protocol JournalStore: AnyObject {
    /// Where the store is, for messages: a folder path, or a URI without its password.
    var location: String { get }

    /// Whether the store exists yet (a folder may not have been created; a database always has).
    var exists: Bool { get }

    /// Annotators with a journal, sorted bytewise; names that are not valid annotator names are
    /// left out.
    func annotators() throws(StoreError) -> [String]

    /// Streams the records of `annotator`'s journal in order, starting after `mark` (from the
    /// beginning when nil), a batch at a time: each record's bytes (one JSON object, no newline)
    /// and its position. Returns the mark of what was read, for the next call and for
    /// checkpoints.
    ///
    /// A journal that is missing reads as empty. A journal that must not be read (a symbolic
    /// link, a FIFO, a file with several links) throws `.unsafeFile`.
    func readJournal(_ annotator: String, after mark: JournalMark?, _ visit: (JournalBatch) -> Void)
        throws(StoreError) -> JournalMark

    /// Whether `mark` still describes a prefix of the journal as it is now (same bytes at its
    /// end, nothing removed): a checkpoint built on it can be extended by reading after it.
    func isCurrent(_ mark: JournalMark, of annotator: String) -> Bool

    /// Reads the records at `positions` again (for the few lines a report quotes), in the order
    /// given; nil where a record can no longer be read.
    func readRecords(_ annotator: String, at positions: [RecordPosition]) throws(StoreError) -> [[UInt8]?]

    /// Opens `annotator`'s journal for appending, exclusively: one session per annotator; a
    /// second is refused with `.locked`, naming who holds it. `command` names the holder.
    func openJournal(_ annotator: String, command: String) throws(StoreError) -> any JournalAppender

    /// Where a record is, for messages: `Annotations/alice.jsonl:17`.
    func describe(_ position: RecordPosition, of annotator: String) -> String

    /// The journal of an annotator, for messages: `Annotations/alice.jsonl`.
    func journalLocation(_ annotator: String) -> String

    /// A project file, for messages: `Annotations/labels.json`.
    func documentLocation(_ document: StoreDocument) -> String

    /// A project file (labels.json, plan.json, GUIDELINES.md); nil when the store has none.
    func readDocument(_ document: StoreDocument) throws(StoreError) -> [UInt8]?

    /// Replaces a project file as a whole, atomically.
    func writeDocument(_ document: StoreDocument, _ bytes: [UInt8]) throws(StoreError)

    /// Replaces a project file only while it still holds `expected` (nil: only when there is
    /// none), atomically with respect to every other caller; returns false, writing nothing,
    /// when it holds something else. Two leads planning at once: one wins, the other is told.
    func replaceDocument(_ document: StoreDocument, expecting expected: [UInt8]?, with bytes: [UInt8])
        throws(StoreError) -> Bool

    /// The single-annotation units of a plan that `request.annotator` labels. A store whose
    /// annotators share a pool (a database: work handed out as it is asked for, so a fast
    /// annotator is never idle while a slow one holds a fixed share) claims `request.more` more
    /// and returns every unit the annotator holds; a store without one answers with the plan's
    /// fixed share (the default). Overlap units never come from here: the plan fixes their K
    /// distinct annotators.
    func singleUnits(_ request: SingleUnitRequest) throws(StoreError) -> [String]

    /// Whether several journals may be read at once, from different threads.
    var readsConcurrently: Bool { get }

    /// Where this store keeps caches (checkpoints, segmentations); nil when it keeps none.
    var cache: (any StoreCache)? { get }
}

extension JournalStore {
    /// Compare and replace without a lock: enough for a store used by one process at a time.
    ///
    /// A store shared by several machines overrides it (the folder store takes a lock; a
    /// database compares and writes in one transaction).
    public func replaceDocument(_ document: StoreDocument, expecting expected: [UInt8]?, with bytes: [UInt8])
        throws(StoreError) -> Bool
    {
        guard try readDocument(document) == expected else { return false }
        try writeDocument(document, bytes)
        return true
    }
}

/// Records read from a journal together: one buffer (valid only during the call that hands it
/// over), and each record's place in it and in the journal.
public struct JournalBatch {
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Each record's bytes in `bytes`.
    public let ranges: [Range<Int>]
    public let positions: [RecordPosition]

    public init(bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], positions: [RecordPosition]) {
        self.bytes = bytes
        self.ranges = ranges
        self.positions = positions
    }

    public var count: Int { ranges.count }

    /// The bytes of record `i`.
    public func record(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[ranges[i]]) }
}

extension JournalStore {
    /// Fixed shares: the plan alone says who labels what, as in a folder that every machine
    /// reads the same way.
    public func singleUnits(_ request: SingleUnitRequest) throws(StoreError) -> [String] {
        request.fixedShare
    }

    /// `<location>/<file name>`, as in a folder.
    public func documentLocation(_ document: StoreDocument) -> String {
        FileSystem.join(location, document.rawValue)
    }

    /// Calls `visit` for each record of the journal after `mark`, one at a time.
    @discardableResult
    public func forEachRecord(
        _ annotator: String, after mark: JournalMark? = nil,
        _ visit: (UnsafeBufferPointer<UInt8>, RecordPosition) -> Void
    ) throws(StoreError) -> JournalMark {
        try readJournal(annotator, after: mark) { batch in
            for i in 0..<batch.count { visit(batch.record(i), batch.positions[i]) }
        }
    }
}

/// A journal open for appending, holding the store's lock for its annotator until `close()`.
public protocol JournalAppender: AnyObject {
    var annotator: String { get }

    /// Appends the records as one step: when the call returns they are durable (written and
    /// synced, or committed). When it throws, none of them is stored.
    /// Returns their positions.
    @discardableResult
    func append(_ records: [AnnotationRecord]) throws(StoreError) -> [RecordPosition]

    /// Appends records given as their bytes (one JSON object each, no newline), stored exactly
    /// as they are: what `sentag store copy` uses, so a copy keeps every byte of every record.
    /// Durable and all-or-nothing like `append`; the caller has checked that each is one JSON
    /// object (`StoreCopier.isCopyable`).
    func appendVerbatim(_ records: JournalBatch) throws(StoreError)

    /// Releases the journal and its lock; appending afterwards fails.
    func close()
}

/// What a queue derivation asks a store about a plan's single-annotation units
/// (`JournalStore.singleUnits`): units are named by the plan (a document, or a stretch of one).
public struct SingleUnitRequest: Sendable, Equatable {
    /// Names the plan (its content hash): a changed plan is a new pool.
    public var plan: String
    public var annotator: String
    /// Every single-annotation unit of the plan, in the order a pool hands them out.
    public var units: [String]
    /// The units the plan itself gives `annotator`.
    public var fixedShare: [String]
    /// How many more units to claim now (0: only those already held).
    public var more: Int

    public init(plan: String, annotator: String, units: [String], fixedShare: [String], more: Int) {
        self.plan = plan
        self.annotator = annotator
        self.units = units
        self.fixedShare = fixedShare
        self.more = more
    }
}

/// Named files of a project besides the journals.
public enum StoreDocument: String, Sendable, CaseIterable {
    case labels = "labels.json"
    case plan = "plan.json"
    case guidelines = "GUIDELINES.md"
}

/// Cached files a store keeps beside its records: never needed for correctness, verified before
/// use, rebuilt when missing or stale.
public protocol StoreCache: AnyObject {
    /// The bytes stored under `key` (a relative path such as `checkpoints/alice`), or nil.
    func read(_ key: String) -> CacheBytes?
    /// Stores `bytes` under `key`, atomically; failures are ignored (it is only a cache).
    func write(_ key: String, _ bytes: [UInt8])
}

/// Where a record is in its journal: a line (folder) or a sequence number (database).
public struct RecordPosition: Hashable, Sendable, Comparable, BitwiseCopyable {
    /// 1-based line number in a file, or the record's number in its journal (1, 2, 3… in the
    /// order read) in a database: what a mark's `lines` counts.
    public var line: Int64
    /// Byte offset of the line in its file, or the record's sequence number in a database: what
    /// `readRecords(_:at:)` finds it by.
    public var offset: Int64

    public init(line: Int64, offset: Int64) {
        self.line = line
        self.offset = offset
    }

    public static func < (lhs: RecordPosition, rhs: RecordPosition) -> Bool { lhs.offset < rhs.offset }
}

/// How far a journal was read: the end of what was read and a fingerprint of what it covers,
/// so a later run can tell whether the journal still starts with what was read.
public struct JournalMark: Hashable, Sendable {
    /// Bytes read (folder), or the last sequence number read (database).
    public var offset: Int64
    /// Complete lines (or records) read, so positions after the mark keep counting; a record
    /// numbered past it is a last line still without its newline, which the mark does not cover.
    public var lines: Int64
    /// A hash of the file's inode and of samples of its bytes up to `offset`, the last ending
    /// there (folder), or of the last record and its sequence number (database).
    public var fingerprint: UInt64

    public init(offset: Int64, lines: Int64, fingerprint: UInt64) {
        self.offset = offset
        self.lines = lines
        self.fingerprint = fingerprint
    }

    /// Nothing read yet.
    public static let start = JournalMark(offset: 0, lines: 0, fingerprint: 0)
}
