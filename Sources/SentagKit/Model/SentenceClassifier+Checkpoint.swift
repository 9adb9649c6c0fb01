/// A trained classifier as bytes and back (`SuggestionModelCache` keeps one in the store's
/// cache), and a cheaper way to learn many new labels at once than one `learn` each.
///
/// Everything a later `learn` or `predict` depends on is saved: the configurations, the
/// temperature, the counts, the weights and AdaGrad's accumulators, and the ring of recent
/// labels an update replays. So a classifier read back behaves exactly like the one written.
extension SentenceClassifier {
    /// Appends the classifier's state to `writer`.
    func write(to writer: inout BinaryWriter) {
        writer.write(labels)
        Self.write(featurizer.configuration, to: &writer)
        Self.write(configuration, to: &writer)
        writer.write(temperature)
        writer.write(examplesSeen)
        writer.write(array: labelCounts.map(Int64.init))
        writer.write(array: model.weights)
        writer.write(array: model.accumulators)
        writer.write(recent.count)
        for (vector, label) in recent {
            writer.write(array: vector.indices)
            writer.write(array: vector.values)
            writer.write(label)
        }
        writer.write(recentNext)
    }

    /// What the featurizer computes, in a fixed order (the checkpoint and the model key both hold it).
    static func write(_ features: SentenceFeaturizer.Configuration, to writer: inout BinaryWriter) {
        writer.write(features.bucketBits)
        writer.write(features.wordUnigrams ? UInt8(1) : 0)
        writer.write(features.wordBigrams ? UInt8(1) : 0)
        writer.write(array: features.characterNGramSizes.map(Int64.init))
        writer.write(features.layoutFeatures ? UInt8(1) : 0)
        writer.write(features.layoutWeight)
    }

    /// The training configuration's fields, in a fixed order (also what a cache key hashes).
    static func write(_ configuration: TrainingConfiguration, to writer: inout BinaryWriter) {
        writer.write(configuration.learningRate)
        writer.write(configuration.l2)
        writer.write(configuration.initialAccumulator)
        writer.write(configuration.maximumEpochs)
        writer.write(configuration.stepBudget)
        writer.write(configuration.stepsPerNewLabel)
        writer.write(configuration.replayedLabels)
        writer.write(configuration.seed)
        writer.write(configuration.calibrationSample)
        writer.write(configuration.calibrationFolds)
    }

    /// A classifier read back from what `write(to:)` wrote; nil when the bytes do not hold one
    /// (a damaged or foreign file: every size and index is checked, nothing traps).
    init?(reading reader: inout BinaryReader) {
        guard let labels = reader.readStrings(), !labels.isEmpty, Set(labels).count == labels.count,
            let bucketBits = reader.readInt(), (8...26).contains(bucketBits),
            let unigrams = reader.read(UInt8.self), let bigrams = reader.read(UInt8.self),
            let sizes = reader.readArray(of: Int64.self), sizes.allSatisfy({ (1...8).contains($0) }),
            let layout = reader.read(UInt8.self), let layoutWeight = reader.read(Float.self),
            let learningRate = reader.read(Float.self), let l2 = reader.read(Float.self),
            let initialAccumulator = reader.read(Float.self), let maximumEpochs = reader.readInt(),
            let stepBudget = reader.readInt(), let stepsPerNewLabel = reader.readInt(),
            let replayedLabels = reader.readInt(), replayedLabels >= 0, let seed = reader.read(UInt64.self),
            let calibrationSample = reader.readInt(), let calibrationFolds = reader.readInt(),
            let temperature = reader.read(Double.self), temperature > 0, temperature.isFinite,
            let examplesSeen = reader.readInt(), let counts = reader.readArray(of: Int64.self),
            counts.count == labels.count
        else { return nil }
        let featurizer = SentenceFeaturizer(
            configuration: .init(
                bucketBits: bucketBits, wordUnigrams: unigrams != 0, wordBigrams: bigrams != 0,
                characterNGramSizes: sizes.map(Int.init), layoutFeatures: layout != 0, layoutWeight: layoutWeight))
        let configuration = TrainingConfiguration(
            learningRate: learningRate, l2: l2, initialAccumulator: initialAccumulator, maximumEpochs: maximumEpochs,
            stepBudget: stepBudget, stepsPerNewLabel: stepsPerNewLabel, replayedLabels: replayedLabels, seed: seed,
            calibrationSample: calibrationSample, calibrationFolds: calibrationFolds)
        guard let weights = reader.readArray(of: Float.self), let accumulators = reader.readArray(of: Float.self),
            let model = SoftmaxRegression(
                classes: labels.count, dimension: featurizer.dimension, weights: weights, accumulators: accumulators),
            let recentCount = reader.readCount(limit: replayedLabels)
        else { return nil }
        var recent: [(vector: FeatureVector, label: Int)] = []
        for _ in 0..<recentCount {
            guard let indices = reader.readArray(of: UInt32.self), let values = reader.readArray(of: Float.self),
                indices.count == values.count, indices.allSatisfy({ Int($0) < featurizer.dimension }),
                let label = reader.readInt(), labels.indices.contains(label)
            else { return nil }
            recent.append((FeatureVector(indices: indices, values: values), label))
        }
        guard let recentNext = reader.readInt(), recentNext >= 0, recentNext <= max(recent.count - 1, 0) else {
            return nil
        }
        self.init(labels: labels, featurizer: featurizer, configuration: configuration)
        self.model = model
        self.recent = recent
        self.recentNext = recentNext
        self.setTemperature(temperature)
        self.restoreCounts(examplesSeen: examplesSeen, labelCounts: counts.map(Int.init))
    }

    /// Learns many new labels at once, in order, to catch a saved model up with those added since.
    ///
    /// It takes `stepsPerNewLabel` steps on each, without the replay that `learn` adds per label
    /// (the batch is its own replay); the last `replayedLabels` of them become the ring a later
    /// `learn` replays. About 1/15 of the cost of one `learn` per label.
    public mutating func learn(batch: [(sentence: ModelSentence, label: String)]) {
        var vector = FeatureVector()
        var scratch = SentenceFeaturizer.Scratch()
        var gradient = [Float](repeating: 0, count: labels.count)
        let configuration = self.configuration
        let featurizer = self.featurizer
        var learned: [(FeatureVector, Int)] = []
        gradient.withUnsafeMutableBufferPointer { gradient in
            for (sentence, name) in batch {
                guard let label = labelIndex[name] else { continue }
                vector.removeAll()
                featurizer.appendFeatures(of: sentence, to: &vector, scratch: &scratch)
                vector.indices.withUnsafeBufferPointer { indices in
                    vector.values.withUnsafeBufferPointer { values in
                        for _ in 0..<configuration.stepsPerNewLabel {
                            model.step(
                                indices, values, label: label, learningRate: configuration.learningRate,
                                l2: configuration.l2, gradient: gradient)
                        }
                    }
                }
                learned.append((vector, label))
            }
        }
        for (vector, label) in learned.suffix(configuration.replayedLabels) {
            if recent.count < configuration.replayedLabels {
                recent.append((vector, label))
            } else if !recent.isEmpty {
                recent[recentNext] = (vector, label)
                recentNext = (recentNext + 1) % recent.count
            }
        }
        var counts = labelCounts
        for (_, label) in learned { counts[label] += 1 }
        restoreCounts(examplesSeen: examplesSeen + learned.count, labelCounts: counts)
    }
}
