/// `sentag store copy FROM TO`: every journal, the label set, the plan and the guidelines of
/// one store into another (folder → database, database → folder, or between two of a kind),
/// through the store interface only.
///
/// - **Byte for byte, in order**: each record goes over as its bytes (`appendVerbatim`), so a
///   round trip gives back the same lines in the same order per annotator, whatever keys they
///   hold. A line that is not one JSON object (a crash mid-write, a hand edit) cannot be a
///   database record: it is left out with a warning, in every direction alike, so what counts as
///   a record never depends on the target.
/// - **Idempotent**: the target journal must hold a prefix of the source journal's records
///   (compared by their hashes); only the records after that prefix are appended, so a second run
///   adds nothing and an interrupted run is finished by the next. A target journal that holds
///   something else (it diverged: records the source lacks) is left untouched and reported.
/// - **Exclusive**: each target journal is opened for appending (its session lock) before it is
///   read, so nothing is appended to it between the comparison and the copy; a journal in use is
///   reported and skipped.
/// - **Batched**: records go over in batches of about `batchBytes` (one transaction, or one
///   `fsync`, each); every batch is all or nothing.
/// - Project files (`labels.json`, `plan.json`, `GUIDELINES.md`) are whole files: the source's
///   replaces the target's when they differ; one the source lacks is left alone.
public struct StoreCopier {
    public let source: any JournalStore
    public let target: any JournalStore
    /// Bytes of records per append to the target.
    public var batchBytes: Int

    public init(from source: any JournalStore, to target: any JournalStore, batchBytes: Int = 8 << 20) {
        self.source = source
        self.target = target
        self.batchBytes = batchBytes
    }

    /// What became of one journal.
    public struct JournalOutcome: Equatable, Sendable {
        public var annotator: String
        /// Records the target already held (the common prefix).
        public var alreadyThere = 0
        public var copied = 0
        /// Lines of the source that are not a JSON object, left out.
        public var skipped = 0
        /// Why nothing (more) of this journal was copied, when something stopped it.
        public var failure: String?
    }

    /// What became of one project file.
    public enum DocumentOutcome: String, Equatable, Sendable {
        case copied, replaced, unchanged
        /// The source has none; the target's, if any, is left alone.
        case absent
    }

    public struct Report: Equatable, Sendable {
        public var journals: [JournalOutcome] = []
        public var documents: [(StoreDocument, DocumentOutcome)] = []
        /// The first lines left out, and how many there were in all.
        public var warnings: [Diagnostic] = []
        public var warningCount = 0

        public var failures: [JournalOutcome] { journals.filter { $0.failure != nil } }
        public var recordsCopied: Int { journals.reduce(0) { $0 + $1.copied } }

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.journals == rhs.journals && lhs.documents.map(\.0) == rhs.documents.map(\.0)
                && lhs.documents.map(\.1) == rhs.documents.map(\.1) && lhs.warnings == rhs.warnings
                && lhs.warningCount == rhs.warningCount
        }
    }

    /// Copies everything, and says what became of each journal and project file.
    ///
    /// A journal that cannot be copied is reported in its outcome and the others still are.
    /// Throws only when a store cannot be listed or a document written.
    public func run(progress: (JournalOutcome) -> Void = { _ in }) throws(StoreError) -> Report {
        var report = Report()
        for document in StoreDocument.allCases {
            report.documents.append((document, try copy(document)))
        }
        for annotator in try source.annotators() {
            let outcome = copyJournal(annotator, warnings: &report.warnings, warningCount: &report.warningCount)
            report.journals.append(outcome)
            progress(outcome)
        }
        return report
    }

    func copy(_ document: StoreDocument) throws(StoreError) -> DocumentOutcome {
        guard let bytes = try source.readDocument(document) else { return .absent }
        let existing = try target.readDocument(document)
        if existing == bytes { return .unchanged }
        try target.writeDocument(document, bytes)
        return existing == nil ? .copied : .replaced
    }

    /// Whether a line can be a record in every store.
    ///
    /// It must be valid UTF-8 and exactly one JSON object (what a database's `json` column
    /// takes). A line the record decoder accepts with no keys of its own is one; anything else
    /// is parsed in full.
    public static func isCopyable(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if case .success(let record) = RecordDecoder.decode(line), record.extra.isEmpty { return true }
        guard UTF8Validation.check(line, rejectingControls: false) == .valid,
            case .object = try? JSONParser.parse(line)
        else { return false }
        return true
    }

    /// One journal: compare the target's records with the source's, then append the rest.
    func copyJournal(_ annotator: String, warnings: inout [Diagnostic], warningCount: inout Int) -> JournalOutcome {
        var outcome = JournalOutcome(annotator: annotator)
        let appender: any JournalAppender
        do {
            appender = try target.openJournal(annotator, command: "sentag store copy")
        } catch {
            outcome.failure = error.description
            return outcome
        }
        defer { appender.close() }
        var present: [UInt64] = []
        do {
            _ = try target.readJournal(annotator, after: nil) { batch in
                for i in 0..<batch.count where Self.isCopyable(batch.record(i)) {
                    present.append(XXHash64.hash(batch.record(i)))
                }
            }
        } catch {
            outcome.failure = error.description
            return outcome
        }
        var buffer = CopyBuffer()
        var index = 0
        var stopped: String?
        let flush = { (buffer: inout CopyBuffer) throws(StoreError) in
            guard !buffer.ranges.isEmpty else { return }
            try buffer.withBatch { batch throws(StoreError) in try appender.appendVerbatim(batch) }
            outcome.copied += buffer.ranges.count
            buffer.removeAll()
        }
        do {
            _ = try source.readJournal(annotator, after: nil) { batch in
                guard stopped == nil else { return }
                for i in 0..<batch.count {
                    let record = batch.record(i)
                    guard Self.isCopyable(record) else {
                        outcome.skipped += 1
                        warningCount += 1
                        if warnings.count < JournalDecisions.warningLimit {
                            warnings.append(
                                Diagnostic(
                                    location: source.describe(batch.positions[i], of: annotator),
                                    message: "not one JSON object; not copied"))
                        }
                        continue
                    }
                    if index < present.count {
                        if XXHash64.hash(record) != present[index] {
                            stopped =
                                "\(target.journalLocation(annotator)) differs from \(source.location) at record \(index + 1) "
                                + "(\(source.describe(batch.positions[i], of: annotator))): the journals diverged, so "
                                + "nothing of it was copied; copy into another store, or compare the two by hand"
                            return
                        }
                        outcome.alreadyThere += 1
                    } else {
                        buffer.append(record)
                        if buffer.bytes.count >= batchBytes {
                            do { try flush(&buffer) } catch {
                                stopped = "\(error)"
                                return
                            }
                        }
                    }
                    index += 1
                }
            }
            if stopped == nil { try flush(&buffer) }
        } catch {
            stopped = "\(error)"
        }
        if stopped == nil, index < present.count {
            stopped =
                "\(target.journalLocation(annotator)) holds \(present.count) records, \(source.location) only \(index): "
                + "the journals diverged, so nothing of it was copied; copy into another store, or compare the two by hand"
        }
        outcome.failure = stopped
        return outcome
    }
}

/// Records gathered for one `appendVerbatim`: their bytes end to end, and where each is.
private struct CopyBuffer {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []

    mutating func append(_ record: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: record)
        ranges.append(start..<bytes.count)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
    }

    func withBatch(_ body: (JournalBatch) throws(StoreError) -> Void) throws(StoreError) {
        let positions = ranges.indices.map { RecordPosition(line: Int64($0 + 1), offset: 0) }
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(StoreError) in
                try body(JournalBatch(bytes: buffer, ranges: ranges, positions: positions))
            }
        }
        try result.get()
    }
}
