/// The trained suggestion model kept in the store's cache (`<annotations>/.sentag/models/…`),
/// beside the decision table's checkpoints, so a command does not train it again from every
/// label: a rebuild at a million labels costs seconds, reading the model back milliseconds.
///
/// A file holds the classifier (`SentenceClassifier+Checkpoint`) and the training set it was
/// rebuilt from (fingerprint and label of each example). It is used:
///
/// - as it is, when the current training set is the same (`ModelTrainingSet.key`): the model is
///   then exactly what a rebuild would give, so `suggest` stays deterministic for a given store;
/// - caught up (`extended`, for `label` only), when the current set only adds examples to the
///   saved one, and not too many: the saved model learns the new ones (`learn(batch:)`).
///
/// Anything else (a label changed or withdrawn, another build, a damaged file, a file of another
/// format) makes it stale: the caller rebuilds and saves. The file is sealed with its format
/// version (`CacheEnvelope`); deleting it is always safe. One file per label set and
/// list of documents, so two corpora labeled from one store do not overwrite each other's model.
public struct SuggestionModelCache {
    public let cache: (any StoreCache)?
    /// The cache key of the file.
    public let name: String

    static let magic: UInt64 = 0x314C_444D_4754_4E53  // "SNTGMDL1"
    static let version: UInt32 = 1

    /// The model file for `labelSet` over the documents of `corpus`.
    public init(cache: (any StoreCache)?, labelSet: LabelSet, corpus: Corpus) {
        self.cache = cache
        var writer = BinaryWriter()
        writer.write(labelSet.names)
        writer.write(corpus.documents.map(\.id))
        let hash = XXHash64.hash(writer.bytes)
        let digits = String(hash, radix: 16)
        name = "models/" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Most examples a saved model may be caught up with (each costs a few featurized steps);
    /// more, or more than the saved model was trained on, and a rebuild is better.
    public static let mostExamplesToCatchUp = 20_000

    /// What was found in the cache.
    public enum Lookup {
        /// Trained on exactly the current set.
        case exact(SentenceClassifier)
        /// Trained on a part of it, and caught up with the `added` examples it lacked.
        case extended(SentenceClassifier, added: Int)
        /// Nothing usable; the reason, for messages and tests.
        case stale(String)
    }

    /// The saved model for a training set, if one fits.
    ///
    /// With `allowExtending`, a model saved for a subset of `set` learns the examples added since
    /// (they are featurized from `corpus`).
    public func lookup(
        _ set: ModelTrainingSet, corpus: Corpus, featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration(), allowExtending: Bool
    ) -> Lookup {
        guard let cache else { return .stale("the store keeps no cache") }
        guard let bytes = cache.read(name) else { return .stale("no saved model") }
        guard let saved = Self.decode(bytes) else { return .stale("the saved model is damaged or of another format") }
        let key = set.key(featurizer: featurizer, configuration: configuration)
        guard saved.classifier.labels == set.labelNames,
            saved.classifier.featurizer.configuration == featurizer.configuration,
            saved.classifier.configuration == configuration
        else { return .stale("the saved model was trained with other settings") }
        if saved.key == key { return .exact(saved.classifier) }
        guard allowExtending else { return .stale("the labels changed since the model was saved") }
        guard saved.build == BuildIdentity.current else { return .stale("the saved model is from another build") }
        // Every saved example must still be there with its label; the rest are additions.
        var savedLabels = SentenceIDTable(capacity: saved.fingerprints.count)
        for (row, fingerprint) in saved.fingerprints.enumerated() {
            savedLabels.insert(SentenceID(rawValue: fingerprint), row: Int32(row))
        }
        var added: [Int] = []
        var matched = 0
        for (index, fingerprint) in set.fingerprints.enumerated() {
            if let row = savedLabels.row(of: SentenceID(rawValue: fingerprint)) {
                guard saved.labels[Int(row)] == set.labels[index] else {
                    return .stale("a label changed since the model was saved")
                }
                matched += 1
            } else {
                added.append(index)
            }
        }
        guard matched == saved.fingerprints.count else {
            return .stale("labels were withdrawn since the model was saved")
        }
        guard added.count <= Self.mostExamplesToCatchUp, added.count <= saved.fingerprints.count else {
            return .stale("\(added.count) labels were added since the model was saved; a rebuild is quicker")
        }
        var classifier = saved.classifier
        let sentences = ModelSentence.sentences(of: corpus, at: added.map { set.positions[$0] })
        classifier.learn(batch: zip(added, sentences).map { ($1, set.labelNames[Int(set.labels[$0])]) })
        return .extended(classifier, added: added.count)
    }

    /// The model for a training set as a reporting command needs it.
    ///
    /// That is the saved one when it was trained on exactly `set`, else a rebuild (saved for next
    /// time). Deterministic for a given store: a saved model is what a rebuild gives.
    /// `fromCache` says which it was.
    public func classifier(for set: ModelTrainingSet, corpus: Corpus) -> (
        classifier: SentenceClassifier, fromCache: Bool
    ) {
        if case .exact(let saved) = lookup(set, corpus: corpus, allowExtending: false) { return (saved, true) }
        let rebuilt = SentenceClassifier(labels: set.labelNames, examples: set.examples(corpus: corpus))
        save(rebuilt, trainedOn: set)
        return (rebuilt, false)
    }

    /// Saves a model rebuilt from exactly a training set.
    ///
    /// Never a caught-up one: what is saved must be what a rebuild gives. Failures are ignored: it
    /// is only a cache.
    public func save(
        _ classifier: SentenceClassifier, trainedOn set: ModelTrainingSet,
        featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration()
    ) {
        guard let cache else { return }
        cache.write(
            name, Self.encode(classifier, set: set, key: set.key(featurizer: featurizer, configuration: configuration)))
    }

    /// A decoded file.
    struct Saved {
        var build: UInt64
        var key: UInt64
        var fingerprints: [UInt64]
        var labels: [Int16]
        var classifier: SentenceClassifier
    }

    static func encode(_ classifier: SentenceClassifier, set: ModelTrainingSet, key: UInt64) -> [UInt8] {
        var payload = BinaryWriter(capacity: classifier.labels.count * classifier.featurizer.dimension * 5 + 1024)
        payload.write(BuildIdentity.current)
        payload.write(key)
        payload.write(array: set.fingerprints)
        payload.write(array: set.labels)
        classifier.write(to: &payload)
        return CacheEnvelope.seal(payload, magic: magic, signature: UInt64(version))
    }

    static func decode(_ bytes: CacheBytes) -> Saved? {
        guard var reader = CacheEnvelope.open(bytes, magic: magic, signature: UInt64(version)),
            let build = reader.read(UInt64.self), let key = reader.read(UInt64.self),
            let fingerprints = reader.readArray(of: UInt64.self), let labels = reader.readArray(of: Int16.self),
            fingerprints.count == labels.count, let classifier = SentenceClassifier(reading: &reader),
            reader.isAtEnd, labels.allSatisfy({ $0 >= 0 && Int($0) < classifier.labels.count })
        else { return nil }
        return Saved(build: build, key: key, fingerprints: fingerprints, labels: labels, classifier: classifier)
    }
}
