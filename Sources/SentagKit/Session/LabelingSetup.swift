import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything `sentag label` prepares before the first prompt: the label set, the locked label
/// file, the corpus, the annotator's decisions and the queue.
///
/// The order matters: the label set is checked first (cheap, and a bad `labels.json` must stop
/// everything), then the label file is locked before it is read, so no other session can append
/// between reading and writing. The label file is read on a second thread while the corpus is
/// read and segmented: the two are independent, and together they are the time to the first
/// prompt.
public struct LabelingSetup {
    public var session: LabelingSession
    public var log: AnnotationLog
    /// Bad lines of the label file and decisions with labels outside the label set.
    public var warnings: [LabelFileWarning]
    public var seed: UInt64
    public var guidePath: String

    public struct Options: Sendable {
        public var sources: [String]
        public var annotationsDirectory: String
        public var annotator: String
        public var order: SessionQueue.Order
        public var seed: UInt64?
        public var filter: SessionQueue.Filter
        public var sessionID: String

        public init(
            sources: [String], annotationsDirectory: String, annotator: String, order: SessionQueue.Order = .document,
            seed: UInt64? = nil, filter: SessionQueue.Filter = .unlabeled,
            sessionID: String = LabelingSetup.newSessionID()
        ) {
            self.sources = sources
            self.annotationsDirectory = annotationsDirectory
            self.annotator = annotator
            self.order = order
            self.seed = seed
            self.filter = filter
            self.sessionID = sessionID
        }
    }

    /// Reads and locks everything; throws `LabelSetError`, `AnnotationError` or `SourceError`.
    public static func prepare(_ options: Options) throws -> LabelingSetup {
        let directory = AnnotationsDirectory(path: options.annotationsDirectory)
        let labelSet = try directory.labelSet()
        let log = try AnnotationLog(
            directory: options.annotationsDirectory, annotator: options.annotator, command: "sentag label")
        let labelFile = log.path
        let reading = ConcurrentResult { try LabelFileIndex(path: labelFile) }
        let corpus = try Corpus.load(options.sources)
        let index = try reading.value()
        let ledger = DecisionLedger(index: index, corpus: corpus, labelSet: labelSet)
        let seed = options.seed ?? defaultSeed(for: options.annotator)
        let queue = SessionQueue.labeling(
            corpusCount: corpus.count, ledger: ledger, order: options.order, seed: seed, filter: options.filter)
        let session = LabelingSession(
            corpus: corpus, labelSet: labelSet, queue: queue, ledger: ledger,
            recordMaker: AnnotatorRecordMaker(annotator: options.annotator), sessionID: options.sessionID)
        return LabelingSetup(
            session: session, log: log, warnings: index.warnings + ledger.unknownLabelWarnings, seed: seed,
            guidePath: FileSystem.join(options.annotationsDirectory, "GUIDELINES.md"))
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

    /// The guidelines for `:guide`, or a message saying where they should be.
    public static func guideText(path: String, labelSet: LabelSet) -> String {
        if let bytes = try? FileSystem.readFile(path), let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        var lines = ["no guidelines at \(path); until there are, the labels mean:"]
        for label in labelSet.labels {
            lines.append(
                "  \(label.name) (\(label.key)): \(label.description.isEmpty ? "no description" : label.description)")
        }
        return lines.joined(separator: "\n")
    }
}
