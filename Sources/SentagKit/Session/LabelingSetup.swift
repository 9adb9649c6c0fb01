import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything `sentag label` prepares before the first prompt: the label set, the locked
/// journal, the corpus, the decision table and the queue.
///
/// With a plan in the store, the queue is the annotator's share (`WorkAssignment`): a name
/// outside the roster is refused before anything is opened, and the sources default to the
/// plan's. Without a plan, the queue is the whole corpus, as always.
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
    /// The annotator's share under the store's plan; nil without a plan.
    ///
    /// Whatever shows another annotator's label or a suggestion must ask
    /// `PlannedQueue.hidesOthers` first.
    public var plannedQueue: PlannedQueue?
    /// More work when the queue runs out (a database's shared pool under a plan); nil without a
    /// plan.
    public var moreWork: (() -> [Int])?
    /// The model in the loop; nil when the options asked for none.
    public var suggestions: ModelSuggestions?
    /// A line about the queue's order for the banner (`--order uncertain`).
    public var orderNote: String?

    public struct Options: Sendable {
        public var sources: [String]
        public var annotator: String
        public var order: SessionQueue.Order
        public var seed: UInt64?
        public var filter: SessionQueue.Filter
        public var sessionID: String
        /// False when `sources` is only the default: a plan's sources are used instead.
        public var sourcesGiven: Bool
        /// A label to propose for a sentence (a model's suggestion; Enter accepts it), or nil.
        ///
        /// Under a plan it is never asked about an overlap or gold item: those rounds are blind
        /// (`PlannedQueue.hidesOthers`).
        public var suggestion: (@Sendable (Sentence) -> Int?)?
        /// The model in the loop, or nil for none of it.
        ///
        /// It gives suggestions, duplicates' labels, `:similar` and `--order uncertain`. Under a
        /// plan, overlap and gold items are withheld.
        public var suggestions: ModelSuggestions.Options?

        public init(
            sources: [String], annotator: String, order: SessionQueue.Order = .document,
            seed: UInt64? = nil, filter: SessionQueue.Filter = .unlabeled,
            sessionID: String = LabelingSetup.newSessionID(), sourcesGiven: Bool = true,
            suggestions: ModelSuggestions.Options? = nil
        ) {
            self.suggestions = suggestions
            self.sources = sources
            self.annotator = annotator
            self.order = order
            self.seed = seed
            self.filter = filter
            self.sessionID = sessionID
            self.sourcesGiven = sourcesGiven
        }
    }

    /// Reads and locks everything; throws `LabelSetError`, `StoreError`, `SourceError` or
    /// `PlanError`.
    public static func prepare(_ options: Options, store: any JournalStore) throws -> LabelingSetup {
        let labelSet = try LabelSet.load(from: store)
        let plan = try PlanDocument.read(from: store)?.plan
        var assignment: WorkAssignment?
        if let plan {
            guard plan.annotators.contains(options.annotator) else {
                throw PlanError.notInRoster(
                    annotator: options.annotator, roster: plan.annotators, location: PlanDocument.location(in: store))
            }
            assignment = try WorkAssignment(plan: plan, location: PlanDocument.location(in: store))
        }
        let sources = options.sourcesGiven ? options.sources : plan?.sources ?? options.sources
        let journal = try store.openJournal(options.annotator, command: "sentag label")
        let loader = DecisionTableLoader(store: store)
        let annotator = options.annotator
        let reading = ConcurrentResult(
            SendableBox {
                let table = try loader.load()
                // The session's own lane is looked up by id at every decision: index it now,
                // while the corpus loads, not at the first decision.
                table.journal(annotator)?.votes.prepareIndex()
                return table
            })
        let corpus = try Corpus.load(sources, cache: store.cache)
        var table = try reading.value()
        table.ensureJournal(options.annotator)
        let view = DecisionView(table: table, labelSet: labelSet, corpus: corpus, store: store)
        var planWarnings: [Diagnostic] = []
        var plannedQueue: PlannedQueue?
        var moreWork: (() -> [Int])?
        var blindItems: PlannedQueue?
        if let assignment {
            let match = try PlanCorpusMatch.checked(assignment, corpus: corpus, sources: sources, store: store)
            if let differences = match.differences {
                planWarnings.append(
                    Diagnostic(
                        location: PlanDocument.location(in: store),
                        message:
                            "the corpus differs from the plan's (\(differences)); documents added are in nobody's queue "
                            + "and edited ones are left out until the lead runs 'sentag plan --extend'"))
            }
            let work = try PlanWorkSource(
                store: store, assignment: assignment, match: match, annotator: options.annotator)
            plannedQueue = work.queue
            moreWork = { work.more() }
            blindItems = assignment.blindItems(in: match)
        }
        let scope = plannedQueue.map { DecisionLedger.ProgressScope.positions(Set($0.positions)) }
        let ledger = DecisionLedger(
            view: view, journal: table.index(of: options.annotator) ?? 0, adjudicated: false, scope: scope)
        let seed = options.seed ?? defaultSeed(for: options.annotator)
        var queue = SessionQueue.labeling(
            corpusCount: corpus.count, ledger: ledger, order: options.order, seed: seed, filter: options.filter,
            within: plannedQueue?.positions)
        let suggestions = options.suggestions.map {
            ModelSuggestions(
                view: view, cache: store.cache, options: blindAware($0, queue: blindItems, corpus: corpus))
        }
        var orderNote: String?
        if options.order == .uncertain {
            // Within the annotator's share when there is a plan: the queue already is the share.
            (queue, orderNote) = uncertainFirst(queue, suggestions: suggestions)
        }
        var session = LabelingSession(
            decisions: view, annotator: options.annotator, queue: queue, ledger: ledger,
            recordMaker: AnnotatorRecordMaker(annotator: options.annotator), sessionID: options.sessionID,
            proposal: blindAware(options.suggestion, queue: blindItems, corpus: corpus))
        session.suggestions = suggestions
        let warnings = table.warnings
        return LabelingSetup(
            session: session, journal: journal, warnings: planWarnings + warnings.kept + view.labelWarnings,
            warningCount: planWarnings.count + warnings.total + view.labelWarnings.count, seed: seed,
            plannedQueue: plannedQueue, moreWork: moreWork, suggestions: suggestions, orderNote: orderNote)
    }

    /// The model's options with the items of `queue` that hide others' labels (overlap and gold
    /// items of a plan) withheld: no suggestion, no duplicate's label, no `:similar` on them.
    static func blindAware(_ options: ModelSuggestions.Options, queue: PlannedQueue?, corpus: Corpus)
        -> ModelSuggestions.Options
    {
        guard let queue else { return options }
        var hidden = [Bool](repeating: false, count: corpus.count)
        for (slot, position) in queue.positions.enumerated() where queue.hidesOthers(atSlot: slot) {
            hidden[position] = true
        }
        let blind = hidden
        let withheld = options.withheld
        var options = options
        options.withheld = { blind[$0] || withheld($0) }
        return options
    }

    /// `--order uncertain`: the queue with the sentences the model is least sure of first
    /// (`UncertaintyOrder`); unchanged, with a note saying why, when there is no model yet.
    public static func uncertainFirst(_ queue: SessionQueue, suggestions: ModelSuggestions?) -> (SessionQueue, String?)
    {
        guard let suggestions else {
            return (queue, "--order uncertain needs the model; the queue is in document order")
        }
        guard let predictions = suggestions.predictions(at: queue.positions) else {
            var why = "the model may not suggest yet"
            if case .waiting(let message) = suggestions.readiness { why = message }
            return (queue, "--order uncertain: \(why); the queue is in document order until then")
        }
        return (queue.reordered(UncertaintyOrder.positions(predictions)), "least certain first (--order uncertain)")
    }

    /// `suggestion`, silent on the items of `queue` that hide others' labels (overlap and gold
    /// items of a plan): the blind-round hook every suggestion shown in `sentag label` goes through.
    static func blindAware(
        _ suggestion: (@Sendable (Sentence) -> Int?)?, queue: PlannedQueue?, corpus: Corpus
    ) -> (@Sendable (Sentence) -> Int?)? {
        guard let suggestion else { return nil }
        guard let queue else { return suggestion }
        var hidden = Set<SentenceID>()
        for (slot, position) in queue.positions.enumerated() where queue.hidesOthers(atSlot: slot) {
            hidden.insert(corpus.id(at: position))
        }
        let blind = hidden
        return { sentence in blind.contains(sentence.id) ? nil : suggestion(sentence) }
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
