/// What the suggestion model trains on: the sentences of the corpus with a consensus label
/// (`ConsensusLabels`), in corpus order, with the fingerprint of each (what its record must say
/// about it: doc, index, offsets, text), so a saved model can tell what it was trained on.
///
/// The training set is a view of the decision table and the corpus, like every other view;
/// `key` identifies it (and everything else a trained model depends on) for the model cache.
public struct ModelTrainingSet: Sendable {
    public let labelNames: [String]
    /// Corpus positions, ascending.
    public let positions: [Int]
    /// The consensus label of each position, as a label-set index.
    public let labels: [Int16]
    /// `Corpus.fingerprint(at:)` of each position.
    public let fingerprints: [UInt64]
    /// Examples per label, in label-set order.
    public let countsByLabel: [Int]

    /// The consensus-labeled sentences of `corpus`.
    public init(consensus: ConsensusLabels, corpus: Corpus, labelSet: LabelSet) {
        labelNames = labelSet.names
        positions = consensus.positions
        labels = consensus.positions.map { consensus.labels[$0] }
        fingerprints = consensus.positions.map { corpus.fingerprint(at: $0) }
        countsByLabel = consensus.countsByLabel
    }

    /// A training set given directly (tests, benchmarks).
    public init(labelNames: [String], positions: [Int], labels: [Int16], fingerprints: [UInt64]) {
        precondition(positions.count == labels.count && labels.count == fingerprints.count)
        self.labelNames = labelNames
        self.positions = positions
        self.labels = labels
        self.fingerprints = fingerprints
        var counts = [Int](repeating: 0, count: labelNames.count)
        for label in labels { counts[Int(label)] += 1 }
        countsByLabel = counts
    }

    public var count: Int { positions.count }

    /// Whether a model trained on this set may suggest (`SuggestionReadiness`: 5 labels of each
    /// class, two labels at least).
    public var readiness: SuggestionReadiness {
        var counts: [String: Int] = [:]
        for (name, count) in zip(labelNames, countsByLabel) { counts[name] = count }
        return SuggestionReadiness.evaluate(labels: labelNames, counts: counts)
    }

    /// The training examples, in corpus order (each document's layout worked out once).
    public func examples(corpus: Corpus) -> [TrainingExample] {
        let sentences = ModelSentence.sentences(of: corpus, at: positions)
        return positions.indices.map { i in
            TrainingExample(
                sentence: sentences[i], label: labelNames[Int(labels[i])],
                document: corpus.documents[corpus.documentIndex(ofSentenceAt: positions[i])].id)
        }
    }

    /// Identifies a model trained on this set with this featurizer and configuration, by this
    /// build of sentag (`BuildIdentity`: a new build may featurize differently).
    public func key(featurizer: SentenceFeaturizer, configuration: TrainingConfiguration) -> UInt64 {
        var writer = BinaryWriter(capacity: 256 + fingerprints.count * 10)
        writer.write(BuildIdentity.current)
        writer.write(labelNames)
        SentenceClassifier.write(featurizer.configuration, to: &writer)
        SentenceClassifier.write(configuration, to: &writer)
        writer.write(array: fingerprints)
        writer.write(array: labels)
        return XXHash64.hash(writer.bytes)
    }
}
