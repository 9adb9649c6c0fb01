#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything `sentag review` prepares before the first prompt: the label set, the adjudicator's
/// locked journal, the decision table, the corpus, the items to review and a `LabelingSession`
/// over them.
///
/// The same order as `LabelingSetup`: the label set first, then the adjudicator's journal is
/// locked before the table is read (no other session can append to it between reading and
/// writing), and the table is read on another thread while the corpus is segmented. When there
/// is nothing to review, nothing is left behind: the lock is released, and no journal was
/// created (a journal is created by its first record).
public struct ReviewSetup {
    public var session: LabelingSession
    /// The adjudicator's journal, locked.
    public var journal: any JournalAppender
    public var items: ReviewItems
    /// Lines skipped in the journals and decisions with labels outside the label set.
    public var warnings: [Diagnostic]
    public var warningCount: Int
    public var sources: [String]

    public struct Options: Sendable {
        public var sources: [String]
        public var adjudicator: String
        public var criteria: ReviewCriteria
        public var filter: ReviewFilter
        public var sessionID: String
        /// Hide who voted what (`VoteDescription.blind`).
        public var blind: Bool

        public init(
            sources: [String], adjudicator: String, criteria: ReviewCriteria = ReviewCriteria(),
            filter: ReviewFilter = .unsettled, sessionID: String = LabelingSetup.newSessionID(), blind: Bool = false
        ) {
            self.sources = sources
            self.adjudicator = adjudicator
            self.criteria = criteria
            self.filter = filter
            self.sessionID = sessionID
            self.blind = blind
        }
    }

    /// A review ready to run, or why there is none (not an error: exit 0).
    public enum Preparation {
        case ready(ReviewSetup)
        case nothingToReview(String)
    }

    /// Reads and locks everything; throws `LabelSetError`, `StoreError` or `SourceError`.
    public static func prepare(_ options: Options, store: any JournalStore) throws -> Preparation {
        try opening(options, store: store) { opened in
            let view = opened.view
            // A plan's gold items have their label already: they are not agreement items, and not
            // disagreements to settle (each annotator's accuracy on them is in `agreement`).
            let gold = Set(try PlanDocument.read(from: store)?.plan.gold?.items.map(\.id) ?? [])
            let ratings = try Ratings.collect(view, excluding: gold)
            let items = ReviewItems(
                table: ratings.table, corpus: opened.corpus, criteria: options.criteria,
                outside: view.orphanedVotes())
            if items.positions.isEmpty {
                return .nothingToReview(nothingMessage(items, sources: options.sources))
            }
            let ledger = DecisionLedger(view: view, journal: opened.own, adjudicated: true, scope: items.scope)
            let queue = options.filter.queue(
                positions: items.positions, ledger: ledger, corpusCount: opened.corpus.count)
            let description = VoteDescription(items: items, ratings: ratings, view: view, blind: options.blind)
            let labelSet = opened.labelSet
            let session = LabelingSession(
                decisions: view, annotator: options.adjudicator, adjudicated: true, queue: queue, ledger: ledger,
                recordMaker: AdjudicationRecordMaker(adjudicator: options.adjudicator, items: items),
                sessionID: options.sessionID, describe: { description.lines(for: $0) },
                proposal: { items.majority(of: $0.id).flatMap { labelSet.index(of: $0) } }, allowsRuns: false)
            return .ready(ReviewSetup(session: session, opened: opened, items: items, sources: options.sources))
        }
    }

    /// What every adjudication session (`review`, `review --suspects`) starts from.
    struct Opened {
        let labelSet: LabelSet
        /// The adjudicator's journal, locked.
        let journal: any JournalAppender
        let corpus: Corpus
        /// The table, with a journal for the adjudicator.
        let table: DecisionTable
        let view: DecisionView
        /// The adjudicator's journal's index in `table`.
        var own: Int { table.index(of: journal.annotator) ?? 0 }
    }

    /// Reads the label set, locks the adjudicator's journal, then reads the table (on another
    /// thread while the corpus is segmented), and hands all that to `body`.
    ///
    /// The journal is handed over with a `.ready` preparation; otherwise, and when anything
    /// throws, its lock is released here.
    static func opening(
        _ options: Options, store: any JournalStore, _ body: (Opened) throws -> Preparation
    ) throws -> Preparation {
        let labelSet = try LabelSet.load(from: store)
        if try store.annotators().isEmpty {
            return .nothingToReview(
                "nothing to review: \(store.location) holds no journals yet; label with 'sentag label' first")
        }
        let journal = try store.openJournal(options.adjudicator, command: "sentag review")
        var handedOver = false
        defer { if !handedOver { journal.close() } }
        let loader = DecisionTableLoader(store: store)
        let adjudicator = options.adjudicator
        let reading = ConcurrentResult(
            SendableBox {
                let table = try loader.load()
                table.journal(adjudicator)?.adjudications.prepareIndex()
                return table
            })
        let corpus = try Corpus.load(options.sources, cache: store.cache)
        var table = try reading.value()
        table.ensureJournal(options.adjudicator)
        let view = DecisionView(table: table, labelSet: labelSet, corpus: corpus, store: store)
        let preparation = try body(
            Opened(labelSet: labelSet, journal: journal, corpus: corpus, table: table, view: view))
        if case .ready = preparation { handedOver = true }
        return preparation
    }

    /// A review of `items` by `session`, holding the journal and warnings of `opened`.
    init(session: LabelingSession, opened: Opened, items: ReviewItems, sources: [String]) {
        let warnings = opened.table.warnings
        self.session = session
        self.journal = opened.journal
        self.items = items
        self.warnings = warnings.kept + opened.view.labelWarnings
        self.warningCount = warnings.total + opened.view.labelWarnings.count
        self.sources = sources
    }

    /// What help says Enter on an empty line does in a review.
    public static let proposalHelp =
        "on an empty line: the majority label, shown in the prompt (Enter: claim), when there is one"

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
