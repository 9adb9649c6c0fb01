/// The model in the loop: a calibrated multinomial logistic regression over a sentence's hashed
/// n-grams and layout features, rebuilt from all labels at start and updated after each new one.
///
/// - Rebuild (`init(labels:examples:…)`): featurizes every example once, trains
///   `configuration.epochs(forExamples:)` passes of AdaGrad in a fixed shuffle, then fits a
///   temperature on cross-validated predictions of at most `calibrationSample` examples
///   (`CrossValidation`, folds by document), so probabilities mean what they say.
/// - Incremental update (`learn(_:)`): a few steps on the new label, then one step on each of the
///   most recent `replayedLabels` labels; the cost does not grow with the number of labels. The
///   temperature is kept until the next rebuild.
/// - Deterministic: the same examples in the same order give the same weights.
public struct SentenceClassifier: Sendable {
    public let labels: [String]
    public let featurizer: SentenceFeaturizer
    public let configuration: TrainingConfiguration
    /// Divides the logits before the softmax; fitted on cross-validated predictions (1: none).
    public private(set) var temperature: Double = 1
    /// Labels learned so far, by rebuild and by updates.
    public private(set) var examplesSeen = 0
    /// Labels seen per class, in `labels` order.
    public private(set) var labelCounts: [Int]

    var model: SoftmaxRegression
    let labelIndex: [String: Int]
    /// The labels an incremental update replays (a ring of at most `replayedLabels`).
    var recent: [(vector: FeatureVector, label: Int)] = []
    var recentNext = 0
    /// Examples featurized at a time ahead of the steps in a one-pass rebuild (a few MB of features).
    static let streamingStretch = 16_384

    /// An untrained classifier over `labels` (every prediction uniform until it learns).
    public init(
        labels: [String], featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration()
    ) {
        precondition(!labels.isEmpty, "a classifier needs at least one label")
        self.labels = labels
        self.featurizer = featurizer
        self.configuration = configuration
        var index: [String: Int] = [:]
        for (position, label) in labels.enumerated() { index[label] = position }
        labelIndex = index
        labelCounts = Array(repeating: 0, count: labels.count)
        model = SoftmaxRegression(
            classes: labels.count, dimension: featurizer.dimension,
            initialAccumulator: configuration.initialAccumulator)
    }

    /// A full rebuild from labeled examples (those whose label is not in `labels` are left out).
    ///
    /// With `calibrate`, the temperature is fitted on cross-validated predictions of the examples
    /// (a deterministic sample of at most `configuration.calibrationSample`).
    public init(
        labels: [String], examples: [TrainingExample], featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration(), calibrate: Bool = true
    ) {
        self.init(labels: labels, featurizer: featurizer, configuration: configuration)
        var knownLabels: [Int] = []
        var knownPositions: [Int] = []
        for position in examples.indices {
            guard let label = labelIndex[examples[position].label] else { continue }
            knownLabels.append(label)
            knownPositions.append(position)
        }
        let sample: FeatureMatrix
        if configuration.epochs(forExamples: knownPositions.count) > 1 {
            let matrix = featurize(examples)
            train(on: matrix)
            sample = CrossValidation.calibrationSample(matrix, limit: configuration.calibrationSample)
        } else {
            // One pass: featurize each example as it is stepped on, holding no feature matrix.
            trainStreaming(examples, positions: knownPositions, labels: knownLabels)
            let limit = min(configuration.calibrationSample, knownPositions.count)
            let count = knownPositions.count
            sample = featurize((0..<limit).map { examples[knownPositions[$0 * count / max(limit, 1)]] })
        }
        if calibrate {
            let scores = CrossValidation.outOfFoldScores(
                sample, classes: labels.count, dimension: featurizer.dimension, configuration: configuration,
                folds: configuration.calibrationFolds)
            temperature = TemperatureScaling.fit(scores: scores, labels: sample.labels)
        }
    }

    /// One pass over `examples[positions]` (with label indices `labels`) in a fixed shuffle.
    ///
    /// The shuffle is cut into stretches of `streamingStretch` examples: while this thread steps
    /// through one, the next is featurized on other threads (`FeaturizedChunk`). The steps and
    /// their order are those of featurizing each example just before stepping on it, so the
    /// weights are the same; only a stretch or two of features is held at a time.
    private mutating func trainStreaming(_ examples: [TrainingExample], positions: [Int], labels exampleLabels: [Int]) {
        var shuffled = Array(positions.indices)
        var random = SplitMix64(seed: configuration.seed)
        random.shuffle(&shuffled)
        let order = shuffled
        var gradient = [Float](repeating: 0, count: labels.count)
        let configuration = self.configuration
        let featurizer = self.featurizer
        // As many featurizing threads as cores, besides this one: with one fewer, featurizing
        // alone took longer than the whole pass (3.0 s against 2.3 s wall at 1M on 2 cores).
        let workers = ProcessorCount.active
        let stretch = Self.streamingStretch
        let featurize: @Sendable (Int) -> FeaturizedChunk = { start in
            FeaturizedChunk(
                examples, positions: positions, slots: order[start..<min(order.count, start + stretch)],
                featurizer: featurizer, workers: workers)
        }
        var chunk = featurize(0)
        var start = 0
        while start < order.count {
            let nextStart = start + chunk.rows
            let next = nextStart < order.count ? ConcurrentResult { featurize(nextStart) } : nil
            gradient.withUnsafeMutableBufferPointer { gradient in
                for row in 0..<chunk.rows {
                    let label = exampleLabels[order[start + row]]
                    chunk.withRow(row) { indices, values in
                        model.step(
                            indices, values, label: label, learningRate: configuration.learningRate,
                            l2: configuration.l2, gradient: gradient)
                    }
                    labelCounts[label] += 1
                }
            }
            start = nextStart
            guard let next else { break }
            do {
                chunk = try next.value()
            } catch {
                preconditionFailure("featurizing throws nothing: \(error)")
            }
        }
        examplesSeen += positions.count
        let keep = min(configuration.replayedLabels, positions.count)
        recent = positions.indices.suffix(keep).map {
            (featurizer.features(of: examples[positions[$0]].sentence), exampleLabels[$0])
        }
        recentNext = 0
    }

    /// A classifier trained on an already featurized matrix (rows' labels index `labels`); no calibration.
    init(
        labels: [String], matrix: FeatureMatrix, featurizer: SentenceFeaturizer, configuration: TrainingConfiguration
    ) {
        self.init(labels: labels, featurizer: featurizer, configuration: configuration)
        train(on: matrix)
    }

    /// The examples as a feature matrix, rows' groups numbered by document in order of first appearance.
    public func featurize(_ examples: [TrainingExample]) -> FeatureMatrix {
        var matrix = FeatureMatrix()
        var groups: [String: Int] = [:]
        var vector = FeatureVector()
        var scratch = SentenceFeaturizer.Scratch()
        for example in examples {
            guard let label = labelIndex[example.label] else { continue }
            let group = groups[example.document] ?? groups.count
            groups[example.document] = group
            vector.removeAll()
            featurizer.appendFeatures(of: example.sentence, to: &vector, scratch: &scratch)
            matrix.append(vector, label: label, group: group)
        }
        return matrix
    }

    private mutating func train(on matrix: FeatureMatrix) {
        model.train(on: matrix, epochs: configuration.epochs(forExamples: matrix.rows), configuration: configuration)
        for label in matrix.labels { labelCounts[label] += 1 }
        examplesSeen += matrix.rows
        let keep = min(configuration.replayedLabels, matrix.rows)
        recent = (matrix.rows - keep..<matrix.rows).map { (matrix.vector($0), matrix.labels[$0]) }
        recentNext = 0
    }

    /// Sets what the classifier has learned so far (a checkpoint read back, a batch learned).
    mutating func restoreCounts(examplesSeen: Int, labelCounts: [Int]) {
        precondition(labelCounts.count == labels.count)
        self.examplesSeen = examplesSeen
        self.labelCounts = labelCounts
    }

    /// Sets the temperature (for a classifier whose calibration was fitted elsewhere).
    public mutating func setTemperature(_ value: Double) {
        precondition(value > 0 && value.isFinite)
        temperature = value
    }

    /// Learns one new label: `stepsPerNewLabel` steps on it, then one step on each recent label.
    ///
    /// A label not in `labels` is ignored (returns false).
    @discardableResult
    public mutating func learn(_ sentence: ModelSentence, label: String) -> Bool {
        guard let label = labelIndex[label] else { return false }
        let vector = featurizer.features(of: sentence)
        var gradient = [Float](repeating: 0, count: labels.count)
        let configuration = self.configuration
        gradient.withUnsafeMutableBufferPointer { gradient in
            func step(_ vector: FeatureVector, _ label: Int) {
                vector.indices.withUnsafeBufferPointer { indices in
                    vector.values.withUnsafeBufferPointer { values in
                        model.step(
                            indices, values, label: label, learningRate: configuration.learningRate,
                            l2: configuration.l2, gradient: gradient)
                    }
                }
            }
            for _ in 0..<configuration.stepsPerNewLabel { step(vector, label) }
            for (oldVector, oldLabel) in recent { step(oldVector, oldLabel) }
        }
        if configuration.replayedLabels > 0 {
            if recent.count < configuration.replayedLabels {
                recent.append((vector, label))
            } else {
                recent[recentNext] = (vector, label)
                recentNext = (recentNext + 1) % recent.count
            }
        }
        labelCounts[label] += 1
        examplesSeen += 1
        return true
    }

    /// The calibrated prediction for one sentence.
    public func predict(_ sentence: ModelSentence) -> ClassifierPrediction {
        predict(featurizer.features(of: sentence))
    }

    /// The calibrated prediction for an already featurized sentence.
    public func predict(_ vector: FeatureVector) -> ClassifierPrediction {
        let scores = model.scores(vector)
        return ClassifierPrediction(
            probabilities: TemperatureScaling.probabilities(scores, temperature: temperature), labels: labels)
    }

    /// Predictions for many sentences, featurizing with reused buffers (what `suggest` runs).
    public func predict(_ sentences: [ModelSentence]) -> [ClassifierPrediction] {
        var vector = FeatureVector()
        var scratch = SentenceFeaturizer.Scratch()
        var scores = [Float](repeating: 0, count: labels.count)
        return sentences.map { sentence in
            vector.removeAll()
            featurizer.appendFeatures(of: sentence, to: &vector, scratch: &scratch)
            vector.indices.withUnsafeBufferPointer { indices in
                vector.values.withUnsafeBufferPointer { values in
                    scores.withUnsafeMutableBufferPointer { model.scores(indices, values, into: $0) }
                }
            }
            return ClassifierPrediction(
                probabilities: TemperatureScaling.probabilities(scores, temperature: temperature), labels: labels)
        }
    }

    /// Raw logits of a featurized row (for cross-validation).
    func scores(_ indices: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<Float>) -> [Float] {
        var result = [Float](repeating: 0, count: labels.count)
        result.withUnsafeMutableBufferPointer { model.scores(indices, values, into: $0) }
        return result
    }
}
