#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything `sentag review` prepares before the first prompt: the label set, the adjudicator's
/// locked label file, every annotator's current ratings, the corpus, the items to review and a
/// `LabelingSession` over them.
///
/// The same order as `LabelingSetup`: the label set first, then the adjudicator's file is locked
/// before any label file is read (no other session can append to it between reading and
/// writing), and the label files are read on another thread while the corpus is segmented. When
/// there is nothing to review, nothing is left behind: the lock is released and a label file
/// this call created (still empty) is removed.
public struct ReviewSetup {
    public var session: LabelingSession
    /// The adjudicator's label file, locked; the session's `DecisionStore`.
    public var log: AnnotationLog
    public var items: ReviewItems
    /// Bad lines of the label files, and adjudications with labels outside the label set.
    public var warnings: [LabelFileWarning]
    public var guidePath: String
    public var sources: [String]

    public struct Options: Sendable {
        public var sources: [String]
        public var annotationsDirectory: String
        public var adjudicator: String
        public var criteria: ReviewCriteria
        public var filter: ReviewFilter
        public var sessionID: String

        public init(
            sources: [String], annotationsDirectory: String, adjudicator: String,
            criteria: ReviewCriteria = ReviewCriteria(), filter: ReviewFilter = .unsettled,
            sessionID: String = LabelingSetup.newSessionID()
        ) {
            self.sources = sources
            self.annotationsDirectory = annotationsDirectory
            self.adjudicator = adjudicator
            self.criteria = criteria
            self.filter = filter
            self.sessionID = sessionID
        }
    }

    /// A review ready to run, or why there is none (not an error: exit 0).
    public enum Preparation {
        case ready(ReviewSetup)
        case nothingToReview(String)
    }

    /// Reads and locks everything; throws `LabelSetError`, `AnnotationError` or `SourceError`
    /// (a current rating or adjudication with a label outside the label set is an error naming
    /// the file and line, as in `agreement` and `export`).
    public static func prepare(_ options: Options) throws -> Preparation {
        let directory = AnnotationsDirectory(path: options.annotationsDirectory)
        let labelSet = try directory.labelSet()
        if try directory.annotators().isEmpty {
            return .nothingToReview(
                "nothing to review: \(directory.path) holds no label files yet; label with 'sentag label' first")
        }
        let path = directory.labelFilePath(for: options.adjudicator)
        let existed = FileSystem.exists(path)
        let log = try AnnotationLog(
            directory: options.annotationsDirectory, annotator: options.adjudicator, command: "sentag review")
        var handedOver = false
        defer {
            if !handedOver {
                if !existed && (try? FileSystem.readFile(path))?.isEmpty == true { unlink(path) }
                log.close()
            }
        }
        let paths = try directory.annotators().map(directory.labelFilePath(for:))
        let reading = ConcurrentResult { () throws(AnnotationError) in try LabelFileIndex.read(paths: paths) }
        let corpus = try Corpus.load(options.sources)
        let files = try reading.value()
        let ratings = try LoadedRatings(files: files, labelSet: labelSet)
        let items = ReviewItems(table: ratings.table, corpus: corpus, criteria: options.criteria)
        if items.positions.isEmpty {
            return .nothingToReview(nothingMessage(items, sources: options.sources))
        }
        // Always among the files: opening the log created it when it was missing.
        let own = try files.first { $0.annotator == options.adjudicator } ?? LabelFileIndex(path: path)
        let ledger = DecisionLedger(
            index: own, corpus: corpus, labelSet: labelSet, adjudicated: true, scope: items.scope)
        let queue = options.filter.queue(positions: items.positions, ledger: ledger, corpusCount: corpus.count)
        let description = VoteDescription(items: items, sources: RatingSources(files: ratings.files, items: items))
        let session = LabelingSession(
            corpus: corpus, labelSet: labelSet, queue: queue, ledger: ledger,
            recordMaker: AdjudicationRecordMaker(adjudicator: options.adjudicator, items: items),
            sessionID: options.sessionID, describe: { description.lines(for: $0) }, allowsRuns: false)
        handedOver = true
        return .ready(
            ReviewSetup(
                session: session, log: log, items: items, warnings: ratings.warnings + ledger.unknownLabelWarnings,
                guidePath: FileSystem.join(options.annotationsDirectory, "GUIDELINES.md"), sources: options.sources))
    }

    /// Why the criteria selected nothing in the sources.
    static func nothingMessage(_ items: ReviewItems, sources: [String]) -> String {
        let criteria = items.criteria
        let annotators = items.table.annotators
        let who =
            annotators.isEmpty ? "nobody has a current rating" : "annotators: " + annotators.joined(separator: ", ")
        let place = sources.joined(separator: ", ")
        var message: String
        if items.eligibleInSources == 0 {
            message =
                "nothing to review: no sentence of \(place) has \(criteria.minimumRatings) or more ratings yet (\(who))"
        } else {
            let count = items.eligibleInSources
            let sentences = count == 1 ? "sentence" : "sentences"
            message =
                "nothing to review: the \(count) \(sentences) of \(place) with \(criteria.minimumRatings) or more ratings "
                + (count == 1 ? "has no disagreement" : "all agree") + " (\(who)); --all reviews them anyway"
        }
        if let outside = outsideNote(items, sources: sources) { message += "\n" + outside }
        return message
    }

    /// The one line saying how many selected items are not sentences of the sources; nil when
    /// none.
    public static func outsideNote(_ items: ReviewItems, sources: [String]) -> String? {
        guard items.outsideItems > 0 else { return nil }
        let n = items.outsideItems
        let ratings = items.outsideRatings
        return
            "\(n) more \(n == 1 ? "item" : "items") (\(ratings) rating\(ratings == 1 ? "" : "s")) "
            + "\(n == 1 ? "is" : "are") on sentences that are not in \(sources.joined(separator: ", ")) "
            + "and cannot be shown; review \(n == 1 ? "it" : "them") with the sources \(n == 1 ? "it was" : "they were") labeled from"
    }

    /// The line saying how many selected items are not in the sources, for this setup.
    public var outsideNote: String? { Self.outsideNote(items, sources: sources) }
}
