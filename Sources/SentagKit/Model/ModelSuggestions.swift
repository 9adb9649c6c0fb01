#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The model in the loop of `sentag label`: suggestions from the classifier, the labels of
/// duplicates, and `:similar`, all views of the store's consensus labels
/// (`ConsensusLabels`), kept current as the session records decisions.
///
/// - **Start.** The training set is the consensus. The model comes from the store's cache when
///   it was saved for this set, or for a part of it (then it learns the rest, `learn(batch:)`);
///   else it is rebuilt and saved. Up to `synchronousLimit` labels that is done before the first
///   sentence (a rebuild of a few thousand labels takes a fraction of a second); beyond, on a
///   background thread while the first sentences are shown without a suggestion: first a model
///   of a sample of `sampleSize` labels (whole documents, about a second at a million labels),
///   then the full rebuild, which replaces it and is saved; the duplicate and similarity indexes
///   are built on another thread. Each is used as soon as it is ready; nothing of it is needed
///   for correctness.
/// - **Each decision** is learned at once (`SentenceClassifier.learn`: a few steps, well inside
///   the decision-latency budget), and the sentence's consensus is refreshed in the indexes.
///   Decisions made while the background work runs are replayed into its result.
/// - **A suggestion** is, in order: the consensus label of an exact duplicate (normalised text),
///   of a near duplicate (`DuplicateFinder`'s rule, among the most similar labeled sentences),
///   or the model's label with its calibrated probability once `SuggestionReadiness` allows it
///   (5 consensus labels of each class). None on a withheld sentence (an overlap or gold item
///   of a plan), none at all with suggestions off.
/// - **Calibration.** A model rebuilt before the label set was ready is not calibrated; the
///   decision that makes it ready rebuilds it from the consensus (few labels then: milliseconds).
public final class ModelSuggestions: SuggestionProvider {
    /// How suggestions are made.
    public struct Options: Sendable {
        /// Show suggestions (`--suggest on`); without them `:similar` still answers.
        public var suggest: Bool
        /// Train the model: for suggestions, or for `--order uncertain` (also in a blind session,
        /// since an order shows no label).
        public var model: Bool
        /// A blind session (`--blind`): no suggestion and no `:similar` anywhere.
        public var blind: Bool
        /// Corpus positions on which nothing may be suggested or shown of others' labels: the
        /// overlap and gold items of a plan (`PlannedQueue.hidesOthers`; `LabelingSetup` sets it).
        public var withheld: @Sendable (Int) -> Bool
        /// Up to this many consensus labels everything is ready before the first sentence.
        public var synchronousLimit: Int
        /// Beyond it, a first model is trained on about this many labels (whole documents spread
        /// over the corpus) and used until the full rebuild is done (none when the consensus is
        /// not larger).
        public var sampleSize: Int
        /// Consensus labels of each class before the model suggests (`SuggestionReadiness`).
        public var minimumPerLabel: Int

        public init(
            suggest: Bool = true, model: Bool? = nil, blind: Bool = false,
            withheld: @escaping @Sendable (Int) -> Bool = { _ in false }, synchronousLimit: Int = 20_000,
            sampleSize: Int = 20_000, minimumPerLabel: Int = 5
        ) {
            self.sampleSize = sampleSize
            self.suggest = suggest
            self.model = model ?? (suggest && !blind)
            self.blind = blind
            self.withheld = withheld
            self.synchronousLimit = synchronousLimit
            self.minimumPerLabel = minimumPerLabel
        }
    }

    /// Where the model came from, for messages and tests.
    public enum Provenance: Equatable, Sendable {
        case none
        /// The store's cache, exactly as saved.
        case saved
        /// The store's cache, caught up with this many labels added since.
        case savedAndCaughtUp(Int)
        /// Rebuilt from the consensus (and saved); the reason the saved one was not used.
        case rebuilt(String)
        /// Trained on an evenly spread sample of this many consensus labels, while the full
        /// rebuild runs in the background.
        case sample(Int)
    }

    public let corpus: Corpus
    public let labelSet: LabelSet
    public let options: Options
    public private(set) var provenance: Provenance = .none

    private let modelCache: SuggestionModelCache
    private var consensus: [Int16]
    private var consensusCounts: [Int]
    private var classifier: SentenceClassifier?
    private var calibrated = false
    private var duplicates: DuplicateLabelIndex?
    private var similarIndex: SimilarExampleIndex?
    private var indexed: [Bool] = []
    private var modelJob: BackgroundJob<Rebuilt>?
    /// Where the background rebuild puts the sample's model before it goes on to the full one.
    private var sampleSlot: LockedSlot<Rebuilt>?
    private var indexJob: BackgroundJob<Indexes>?
    /// Labels recorded while the model was rebuilt in the background, learned into it (and into
    /// the sample's model) when it arrives; consensus changes recorded while the indexes were
    /// built, applied to them.
    private var pendingLabels: [(position: Int, label: Int)] = []
    private var pendingConsensus: [(position: Int, consensus: Int?)] = []
    private var notices: [String] = []
    private var wasReady = false
    private var document: (index: Int, sentences: [ModelSentence])?
    private let nearDuplicates = DuplicateFinder()

    /// A model rebuilt from the consensus (and saved), and why the saved one was not used.
    struct Rebuilt: @unchecked Sendable {
        var classifier: SentenceClassifier
        var calibrated: Bool
        var reason: String
    }

    /// The duplicate and similarity indexes of the consensus-labeled sentences.
    struct Indexes: @unchecked Sendable {
        var duplicates = DuplicateLabelIndex()
        var similar = SimilarExampleIndex()
        var indexed: [Bool]
    }

    /// Suggestions over the corpus of `view` (which must have one), from its consensus; the model
    /// is read from and saved to `cache` (the store's).
    public init(view: DecisionView, cache: (any StoreCache)?, options: Options = Options()) {
        guard let corpus = view.corpus else { preconditionFailure("suggestions need a view with a corpus") }
        self.corpus = corpus
        labelSet = view.labelSet
        self.options = options
        modelCache = SuggestionModelCache(cache: cache, labelSet: view.labelSet, corpus: corpus)
        let agreed = ConsensusLabels(view: view)
        consensus = agreed.labels
        consensusCounts = agreed.countsByLabel
        let set = ModelTrainingSet(consensus: agreed, corpus: corpus, labelSet: labelSet)
        var rebuild: String?
        if options.model {
            switch modelCache.lookup(set, corpus: corpus, allowExtending: true) {
            case .exact(let saved):
                classifier = saved
                calibrated = set.readiness.isReady
                provenance = .saved
            case .extended(let saved, let added):
                classifier = saved
                calibrated = set.readiness.isReady
                provenance = .savedAndCaughtUp(added)
            case .stale(let why):
                rebuild = why
            }
        }
        let background = set.count > options.synchronousLimit
        if let reason = rebuild {
            let work = Self.rebuilding(set, corpus: corpus, reason: reason, cache: modelCache)
            if background {
                // A first model from a sample of whole documents, in a moment; then the full one.
                if options.sampleSize > 0 && options.sampleSize < set.count {
                    let slot = LockedSlot<Rebuilt>()
                    let first = Self.rebuilding(
                        Self.sample(set, count: options.sampleSize, corpus: corpus), corpus: corpus, reason: "",
                        cache: nil)
                    sampleSlot = slot
                    modelJob = BackgroundJob {
                        slot.put(first())
                        return work()
                    }
                } else {
                    modelJob = BackgroundJob(work)
                }
            } else {
                adopt(work())
            }
        }
        if !options.blind {
            let work = Self.indexing(set, corpus: corpus)
            if background { indexJob = BackgroundJob(work) } else { adopt(work()) }
        }
        wasReady = isReady
        guard suggestionsOn else { return }
        if modelJob != nil {
            notices.append(
                "the model is training on \(set.count) agreed labels in the background; suggestions start in a moment")
        } else if case .waiting(let why) = readiness {
            notices.append(why)
        }
    }

    /// Suggestions are on: `--suggest on` and not blind.
    private var suggestionsOn: Bool { options.suggest && !options.blind }

    /// A rebuild from `set`, saved to `cache` when there is one: run here or on a background
    /// thread.
    private static func rebuilding(
        _ set: ModelTrainingSet, corpus: Corpus, reason: String, cache: SuggestionModelCache?
    ) -> @Sendable () -> Rebuilt {
        let box = SendableBox(cache)
        return {
            let ready = set.readiness.isReady
            let classifier = SentenceClassifier(
                labels: set.labelNames, examples: set.examples(corpus: corpus), calibrate: ready)
            if set.count > 0 { box.value?.save(classifier, trainedOn: set) }
            return Rebuilt(classifier: classifier, calibrated: ready, reason: reason)
        }
    }

    /// About `count` examples of `set`: whole documents spread evenly over the corpus (every
    /// k-th document with examples), so the layout of few documents has to be worked out.
    static func sample(_ set: ModelTrainingSet, count: Int, corpus: Corpus) -> ModelTrainingSet {
        var documents: [Range<Int>] = []
        var start = 0
        while start < set.count {
            let document = corpus.documentIndex(ofSentenceAt: set.positions[start])
            var end = start + 1
            while end < set.count && corpus.documentIndex(ofSentenceAt: set.positions[end]) == document { end += 1 }
            documents.append(start..<end)
            start = end
        }
        let stride = max(1, (set.count + count - 1) / max(count, 1))
        let rows = Swift.stride(from: 0, to: documents.count, by: stride).flatMap { documents[$0] }
        return ModelTrainingSet(
            labelNames: set.labelNames, positions: rows.map { set.positions[$0] }, labels: rows.map { set.labels[$0] },
            fingerprints: rows.map { set.fingerprints[$0] })
    }

    /// The indexes of the consensus-labeled sentences of `set`.
    private static func indexing(_ set: ModelTrainingSet, corpus: Corpus) -> @Sendable () -> Indexes {
        {
            var indexes = Indexes(indexed: [Bool](repeating: false, count: corpus.count))
            for position in set.positions {
                let text = corpus.sentences[position].text
                indexes.duplicates.add(text, position: position)
                indexes.similar.add(ModelSentence(text: text), item: position)
                indexes.indexed[position] = true
            }
            return indexes
        }
    }

    /// Takes a rebuilt model (the full one, or the sample's while the full one trains) and
    /// teaches it the decisions made while it trained, in one cheap pass.
    private func adopt(_ rebuilt: Rebuilt, sample: Bool = false) {
        classifier = rebuilt.classifier
        calibrated = rebuilt.calibrated
        provenance = sample ? .sample(rebuilt.classifier.examplesSeen) : .rebuilt(rebuilt.reason)
        let learned = pendingLabels
        if !sample { pendingLabels = [] }
        let sentences = ModelSentence.sentences(of: corpus, at: learned.map(\.position))
        classifier?.learn(batch: zip(learned, sentences).map { ($1, labelSet.labels[$0.label].name) })
    }

    private func adopt(_ indexes: Indexes) {
        duplicates = indexes.duplicates
        similarIndex = indexes.similar
        indexed = indexes.indexed
        let replay = pendingConsensus
        pendingConsensus = []
        for entry in replay { refreshIndexes(entry.position, consensus: entry.consensus) }
    }

    /// Picks up the background work that is done.
    private func adoptIfReady() {
        if let job = indexJob, let indexes = job.poll() {
            indexJob = nil
            adopt(indexes)
        }
        var adopted = false
        if let job = modelJob, let rebuilt = job.poll() {
            modelJob = nil
            sampleSlot = nil
            adopt(rebuilt)
            adopted = true
        } else if let rebuilt = sampleSlot?.take() {
            adopt(rebuilt, sample: true)
            adopted = true
        }
        guard adopted else { return }
        if suggestionsOn && !(isReady && wasReady) {
            if isReady, case .sample(let size) = provenance {
                notices.append(
                    "suggestions are on, from a first model trained on \(size) of the \(consensusCounts.reduce(0, +))"
                        + " agreed labels; the full model replaces it when it is trained")
            } else if isReady {
                notices.append(
                    "the model is trained on \(consensusCounts.reduce(0, +)) agreed labels: suggestions are on")
            } else if case .waiting(let why) = readiness {
                notices.append(why)
            }
        }
        wasReady = isReady
    }

    /// Waits for the background work (before `--order uncertain` ranks the queue; in tests).
    public func waitUntilPrepared() {
        sampleSlot = nil
        if let job = modelJob {
            modelJob = nil
            adopt(job.wait())
        }
        if let job = indexJob {
            indexJob = nil
            adopt(job.wait())
        }
        wasReady = isReady
    }

    /// Whether background work is still running (or done but not picked up yet).
    public var isPreparing: Bool { modelJob != nil || indexJob != nil }

    /// Whether a model is being rebuilt in the background (and saved to the cache when done).
    public var isTraining: Bool { modelJob.map { $0.poll() == nil } ?? false }

    /// Lets a background rebuild finish at the end of a session, for at most `seconds`.
    ///
    /// The next session then starts from the saved model instead of training again. Returns
    /// whether it had to wait; nothing is lost if it gives up (the model is only a cache).
    @discardableResult
    public func finishTraining(waitingUpTo seconds: Double, poll: Double = 0.05) -> Bool {
        guard let job = modelJob, job.poll() == nil else { return false }
        var waited = 0.0
        while job.poll() == nil && waited < seconds {
            usleep(UInt32(poll * 1_000_000))
            waited += poll
        }
        return true
    }

    /// Whether the consensus has enough labels of each class for the model to suggest.
    public var readiness: SuggestionReadiness {
        var counts: [String: Int] = [:]
        for (name, count) in zip(labelSet.names, consensusCounts) { counts[name] = count }
        return SuggestionReadiness.evaluate(
            labels: labelSet.names, counts: counts, minimumPerLabel: options.minimumPerLabel)
    }

    private var isReady: Bool { classifier != nil && readiness.isReady }

    // MARK: - SuggestionProvider

    public func suggestion(at position: Int) -> SessionSuggestion? {
        adoptIfReady()
        guard suggestionsOn, !options.withheld(position) else { return nil }
        if let duplicate = duplicateSuggestion(at: position) { return duplicate }
        guard let classifier, isReady else { return nil }
        let prediction = classifier.predict(modelSentence(at: position))
        return SessionSuggestion(
            labelIndex: prediction.labelIndex, label: prediction.label, probability: prediction.probability)
    }

    public func takeNotices() -> [String] {
        adoptIfReady()
        defer { notices = [] }
        return notices
    }

    public func recorded(position: Int, label: Int?, consensus newConsensus: Int?) {
        let old = consensus[position]
        if old >= 0 { consensusCounts[Int(old)] -= 1 }
        if let newConsensus { consensusCounts[newConsensus] += 1 }
        consensus[position] = Int16(newConsensus ?? -1)
        if let label {
            if modelJob != nil { pendingLabels.append((position, label)) }
            learn(position, label: label)
        }
        if indexJob != nil {
            pendingConsensus.append((position, newConsensus))
        } else {
            refreshIndexes(position, consensus: newConsensus)
        }
        guard suggestionsOn, classifier != nil else { return }
        let ready = isReady
        if ready && !wasReady {
            if !calibrated && consensusCounts.reduce(0, +) <= options.synchronousLimit { recalibrate() }
            notices.append(
                "suggestions start now: \(options.minimumPerLabel) agreed labels of each class (Enter on an empty line accepts one)"
            )
        }
        wasReady = ready
    }

    public func similar(to position: Int, count: Int) -> SimilarAnswer {
        adoptIfReady()
        if options.blind { return .unavailable("no similar sentences in a blind session") }
        if options.withheld(position) {
            return .unavailable(
                "no similar sentences on this one: the plan has it labeled blind (an overlap or gold item)")
        }
        guard var index = similarIndex else {
            return .unavailable("still indexing the agreed sentences; try again in a moment")
        }
        let agreed = consensusCounts.reduce(0, +)
        guard agreed > 0 else { return .unavailable("no sentence has an agreed label yet") }
        let sentence = ModelSentence(text: corpus.sentences[position].text)
        let found = index.mostSimilar(to: sentence, k: count + 8, excluding: position)
        similarIndex = index
        let shown = found.filter { consensus[$0.item] >= 0 }.prefix(count).map { match in
            let other = corpus.sentences[match.item]
            return SimilarSentence(
                place: place(of: match.item), label: labelSet.labels[Int(consensus[match.item])].name,
                similarity: match.similarity, text: other.text)
        }
        guard !shown.isEmpty else {
            return .unavailable("no sentence with an agreed label shares a word with this one (\(agreed) agreed)")
        }
        return .found(Array(shown))
    }

    // MARK: - Pieces

    /// Predictions for corpus positions (`--order uncertain`), waiting for the model first; nil
    /// when the model may not suggest yet.
    public func predictions(at positions: [Int]) -> [ClassifierPrediction]? {
        waitUntilPrepared()
        guard let classifier, isReady else { return nil }
        return classifier.predict(ModelSentence.sentences(of: corpus, at: positions))
    }

    private func learn(_ position: Int, label: Int) {
        guard classifier != nil else { return }
        classifier?.learn(modelSentence(at: position), label: labelSet.labels[label].name)
    }

    /// A rebuild from the current consensus, calibrated (when the label set just became ready).
    private func recalibrate() {
        let positions = consensus.indices.filter { consensus[$0] >= 0 }
        let set = ModelTrainingSet(
            labelNames: labelSet.names, positions: positions, labels: positions.map { consensus[$0] },
            fingerprints: positions.map { corpus.fingerprint(at: $0) })
        let rebuilt = SentenceClassifier(labels: set.labelNames, examples: set.examples(corpus: corpus))
        modelCache.save(rebuilt, trainedOn: set)
        classifier = rebuilt
        calibrated = true
        provenance = .rebuilt("the label set became ready")
    }

    private func refreshIndexes(_ position: Int, consensus label: Int?) {
        let text = corpus.sentences[position].text
        if label == nil {
            duplicates?.remove(text, position: position)
        } else {
            duplicates?.add(text, position: position)
            if similarIndex != nil, !indexed[position] {
                similarIndex?.add(ModelSentence(text: text), item: position)
                indexed[position] = true
            }
        }
    }

    private func duplicateSuggestion(at position: Int) -> SessionSuggestion? {
        let text = corpus.sentences[position].text
        if let duplicates,
            let twin = duplicates.duplicate(of: text, at: position, textAt: { self.corpus.sentences[$0].text }),
            consensus[twin] >= 0
        {
            let label = Int(consensus[twin])
            return SessionSuggestion(
                labelIndex: label, label: labelSet.labels[label].name, duplicateOf: place(of: twin),
                exactDuplicate: true)
        }
        guard let nearest = similarIndex?.mostSimilar(to: ModelSentence(text: text), k: 3, excluding: position) else {
            return nil
        }
        for match in nearest where consensus[match.item] >= 0 {
            guard nearDuplicates.areNearDuplicates(text, corpus.sentences[match.item].text) else { continue }
            let label = Int(consensus[match.item])
            return SessionSuggestion(
                labelIndex: label, label: labelSet.labels[label].name, duplicateOf: place(of: match.item),
                exactDuplicate: false)
        }
        return nil
    }

    /// The model's view of the sentence at `position` (its document's layout worked out once).
    private func modelSentence(at position: Int) -> ModelSentence {
        let index = corpus.documentIndex(ofSentenceAt: position)
        let range = corpus.documentRanges[index]
        if let document, document.index == index { return document.sentences[position - range.lowerBound] }
        let sentences = ModelSentence.sentences(of: corpus.documents[index], Array(corpus.sentences[range]))
        document = (index, sentences)
        return sentences[position - range.lowerBound]
    }

    /// `doc:N`, N from 1.
    private func place(of position: Int) -> String {
        let index = corpus.documentIndex(ofSentenceAt: position)
        return "\(corpus.documents[index].id):\(position - corpus.documentRanges[index].lowerBound + 1)"
    }
}
