/// The model in the loop of `sentag label`: suggestions from the classifier, the labels of
/// duplicates, and `:similar`, all views of the store's consensus labels
/// (`ConsensusLabels`), kept current as the session records decisions.
///
/// - **Start.** The training set is the consensus. The model comes from the store's cache when
///   it was saved for this set, or for a part of it (then it learns the rest, `learn(batch:)`);
///   else it is rebuilt and saved. Up to `synchronousLimit` labels that is done before the first
///   sentence (a rebuild of a few thousand labels takes a fraction of a second); beyond, on a
///   background thread while the first sentences are shown without a suggestion, together with
///   the duplicate and similarity indexes. Nothing of it is needed for correctness.
/// - **Each decision** is learned at once (`SentenceClassifier.learn`: a few steps, well inside
///   the decision-latency budget), and the sentence's consensus is refreshed in the indexes.
///   Decisions made while the background work runs are replayed into its result.
/// - **A suggestion** is, in order: the consensus label of an exact duplicate (normalised text),
///   of a near duplicate (`DuplicateFinder`'s rule, among the most similar labeled sentences),
///   or the model's label with its calibrated probability once `SuggestionReadiness` allows it
///   (5 consensus labels of each class). None on a withheld sentence (an overlap item of a
///   plan), none at all with suggestions off.
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
        /// overlap items of a plan (issue 11; `PlannedQueue.hidesOthers`).
        public var withheld: @Sendable (Int) -> Bool
        /// Up to this many consensus labels everything is ready before the first sentence.
        public var synchronousLimit: Int
        public var minimumPerLabel: Int

        public init(
            suggest: Bool = true, model: Bool? = nil, blind: Bool = false,
            withheld: @escaping @Sendable (Int) -> Bool = { _ in false }, synchronousLimit: Int = 20_000,
            minimumPerLabel: Int = 5
        ) {
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
    private var job: BackgroundJob<Prepared>?
    /// What was recorded while the background work ran, replayed into its result.
    private var pending: [(position: Int, label: Int?, consensus: Int?)] = []
    private var notices: [String] = []
    private var wasReady = false
    private var document: (index: Int, sentences: [ModelSentence])?
    private let nearDuplicates = DuplicateFinder()

    /// What the preparation makes: a rebuilt model (when the cache had none) and the indexes.
    struct Prepared: @unchecked Sendable {
        var classifier: SentenceClassifier?
        var calibrated: Bool
        var reason: String
        var duplicates: DuplicateLabelIndex
        var similar: SimilarExampleIndex
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
        var rebuild = false
        var reason = ""
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
                rebuild = true
                reason = why
            }
        }
        let work = Self.preparation(
            set: set, corpus: corpus, rebuild: rebuild, reason: reason, cache: modelCache,
            indexes: !options.blind)
        if set.count <= options.synchronousLimit {
            adopt(work())
        } else {
            job = BackgroundJob(work)
        }
        wasReady = isReady
        guard suggestionsOn else { return }
        if job != nil && rebuild {
            notices.append(
                "the model is training on \(set.count) agreed labels in the background; suggestions start in a moment")
        } else if case .waiting(let why) = readiness {
            notices.append(why)
        }
    }

    /// Suggestions are on: `--suggest on` and not blind.
    private var suggestionsOn: Bool { options.suggest && !options.blind }

    /// The work that makes a `Prepared`: run here or on a background thread.
    private static func preparation(
        set: ModelTrainingSet, corpus: Corpus, rebuild: Bool, reason: String, cache: SuggestionModelCache,
        indexes: Bool
    ) -> @Sendable () -> Prepared {
        let box = SendableBox(cache)
        return {
            var prepared = Prepared(
                classifier: nil, calibrated: false, reason: reason, duplicates: DuplicateLabelIndex(),
                similar: SimilarExampleIndex(), indexed: [Bool](repeating: false, count: corpus.count))
            if rebuild {
                let examples = set.examples(corpus: corpus)
                let ready = set.readiness.isReady
                let classifier = SentenceClassifier(labels: set.labelNames, examples: examples, calibrate: ready)
                if set.count > 0 { box.value.save(classifier, trainedOn: set) }
                prepared.classifier = classifier
                prepared.calibrated = ready
            }
            if indexes {
                for position in set.positions {
                    let text = corpus.sentences[position].text
                    prepared.duplicates.add(text, position: position)
                    prepared.similar.add(ModelSentence(text: text), item: position)
                    prepared.indexed[position] = true
                }
            }
            return prepared
        }
    }

    private func adopt(_ prepared: Prepared) {
        if let rebuilt = prepared.classifier {
            classifier = rebuilt
            calibrated = prepared.calibrated
            provenance = .rebuilt(prepared.reason)
        }
        duplicates = prepared.duplicates
        similarIndex = prepared.similar
        indexed = prepared.indexed
        let replay = pending
        pending = []
        for entry in replay {
            if prepared.classifier != nil, let label = entry.label { learn(entry.position, label: label) }
            refreshIndexes(entry.position, consensus: entry.consensus)
        }
    }

    /// Picks up the background work when it is done.
    private func adoptIfReady() {
        guard let job, let prepared = job.poll() else { return }
        self.job = nil
        adopt(prepared)
        if suggestionsOn && prepared.classifier != nil {
            if isReady {
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
        guard let job else { return }
        self.job = nil
        adopt(job.wait())
        wasReady = isReady
    }

    /// Whether the background work is still running.
    public var isPreparing: Bool { job != nil }

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

    public func takeNotice() -> String? {
        adoptIfReady()
        guard !notices.isEmpty else { return nil }
        let notice = notices.joined(separator: "\n")
        notices = []
        return notice
    }

    public func recorded(position: Int, label: Int?, consensus newConsensus: Int?) {
        let old = consensus[position]
        if old >= 0 { consensusCounts[Int(old)] -= 1 }
        if let newConsensus { consensusCounts[newConsensus] += 1 }
        consensus[position] = Int16(newConsensus ?? -1)
        if job != nil { pending.append((position, label, newConsensus)) }
        if let label, classifier != nil { learn(position, label: label) }
        if job == nil { refreshIndexes(position, consensus: newConsensus) }
        guard suggestionsOn, job == nil || classifier != nil else { return }
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
            return .unavailable("no similar sentences on this one: it is an overlap item of the plan, labeled blind")
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
        classifier!.learn(modelSentence(at: position), label: labelSet.labels[label].name)
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
                similarIndex!.add(ModelSentence(text: text), item: position)
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
        guard similarIndex != nil else { return nil }
        let nearest = similarIndex!.mostSimilar(to: ModelSentence(text: text), k: 3, excluding: position)
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
        if document?.index != index {
            document = (index, ModelSentence.sentences(of: corpus.documents[index], Array(corpus.sentences[range])))
        }
        return document!.sentences[position - range.lowerBound]
    }

    /// `doc:N`, N from 1.
    private func place(of position: Int) -> String {
        let index = corpus.documentIndex(ofSentenceAt: position)
        return "\(corpus.documents[index].id):\(position - corpus.documentRanges[index].lowerBound + 1)"
    }
}
