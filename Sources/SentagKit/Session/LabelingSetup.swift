import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything `sentag label` prepares before the first prompt: the label set, the locked
/// journal, the corpus, the decision table and the queue.
///
/// The order matters: the label set is checked first (cheap, and a bad `labels.json` must stop
/// everything), then the journal is opened (and locked) before the table is read, so no other
/// session can append between reading and writing. The table is read on a second thread while
/// the corpus is read and segmented: the two are independent, and together they are the time to
/// the first prompt.
public struct LabelingSetup {
    public var session: LabelingSession
    public var journal: any JournalAppender
    /// Lines skipped in the journals and decisions with labels outside the label set.
    public var warnings: [Diagnostic]
    /// How many warnings there are in all (`warnings` keeps the first ones).
    public var warningCount: Int
    public var seed: UInt64

    public struct Options: Sendable {
        public var sources: [String]
        public var annotator: String
        public var order: SessionQueue.Order
        public var seed: UInt64?
        public var filter: SessionQueue.Filter
        public var sessionID: String

        public init(
            sources: [String], annotator: String, order: SessionQueue.Order = .document,
            seed: UInt64? = nil, filter: SessionQueue.Filter = .unlabeled,
            sessionID: String = LabelingSetup.newSessionID()
        ) {
            self.sources = sources
            self.annotator = annotator
            self.order = order
            self.seed = seed
            self.filter = filter
            self.sessionID = sessionID
        }
    }

    /// Reads and locks everything; throws `LabelSetError`, `StoreError` or `SourceError`.
    public static func prepare(_ options: Options, store: any JournalStore) throws -> LabelingSetup {
        let labelSet = try LabelSet.load(from: store)
        let journal = try store.openJournal(options.annotator, command: "sentag label")
        let loader = DecisionTableLoader(store: store)
        let reading = ConcurrentResult(SendableBox { try loader.load() })
        let corpus = try Corpus.load(options.sources, cache: store.cache)
        var table = try reading.value()
        table.ensureJournal(options.annotator)
        let view = DecisionView(table: table, labelSet: labelSet, corpus: corpus, store: store)
        let ledger = DecisionLedger(view: view, journal: table.index(of: options.annotator) ?? 0, adjudicated: false)
        let seed = options.seed ?? defaultSeed(for: options.annotator)
        let queue = SessionQueue.labeling(
            corpusCount: corpus.count, ledger: ledger, order: options.order, seed: seed, filter: options.filter)
        let session = LabelingSession(
            decisions: view, annotator: options.annotator, queue: queue, ledger: ledger,
            recordMaker: AnnotatorRecordMaker(annotator: options.annotator), sessionID: options.sessionID)
        let warnings = table.warnings
        return LabelingSetup(
            session: session, journal: journal, warnings: warnings.kept + view.labelWarnings,
            warningCount: warnings.total + view.labelWarnings.count, seed: seed)
    }

    /// Without `--seed`, a shuffle is seeded from the annotator's name: each annotator gets an
    /// order of their own, and the same one every time they come back (FNV-1a 64).
    public static func defaultSeed(for annotator: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in annotator.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash >> 1
    }

    /// Eight hex digits, different for every session.
    public static func newSessionID() -> String {
        let value = UInt32.random(in: UInt32.min...UInt32.max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// The annotator: `--annotator`, else `$SENTAG_ANNOTATOR`, else `$USER` (or `$LOGNAME`, or
    /// `account`: the login name of the process, for shells that set neither), validated.
    public static func annotator(
        option: String?, environment: [String: String], account: String? = nil
    ) throws(SentagFailure) -> String {
        let sources: [(String?, String)] = [
            (option, "--annotator"), (environment["SENTAG_ANNOTATOR"], "$SENTAG_ANNOTATOR"),
            (environment["USER"], "$USER"), (environment["LOGNAME"], "$LOGNAME"), (account, "the login name"),
        ]
        for (value, origin) in sources {
            guard let value, !value.isEmpty else { continue }
            guard AnnotatorName.isValid(value) else {
                throw SentagFailure(
                    "bad annotator name '\(value)' (from \(origin)); use letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit), e.g. --annotator alice"
                )
            }
            return value
        }
        throw SentagFailure("no annotator name: pass --annotator NAME or set SENTAG_ANNOTATOR")
    }
}
