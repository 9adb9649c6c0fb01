/// Predictions for labeled examples from models that never saw the example's own document.
///
/// Folds never split a document: with no more documents than folds, each document is its own
/// fold (leave-one-document-out); with more, documents are dealt to the folds in order of first
/// appearance. What `check` ranks, and how the seeds' accuracy is measured.
public enum CrossValidation {
    /// The fold of each row.
    static func folds(groups: [Int], count folds: Int) -> [Int] {
        var dense: [Int: Int] = [:]
        let numbered = groups.map { group in
            if let number = dense[group] { return number }
            dense[group] = dense.count
            return dense.count - 1
        }
        return dense.count <= folds ? numbered : numbered.map { $0 % max(folds, 1) }
    }

    /// Out-of-fold logits (no temperature) for every row of `matrix`.
    static func outOfFoldScores(
        _ matrix: FeatureMatrix, classes: Int, dimension: Int, configuration: TrainingConfiguration, folds: Int
    ) -> [[Float]] {
        let assignment = Self.folds(groups: matrix.groups, count: folds)
        let foldCount = (assignment.max() ?? -1) + 1
        var scores = [[Float]](repeating: [], count: matrix.rows)
        for fold in 0..<foldCount {
            let training = (0..<matrix.rows).filter { assignment[$0] != fold }
            let held = (0..<matrix.rows).filter { assignment[$0] == fold }
            var model = SoftmaxRegression(
                classes: classes, dimension: dimension, initialAccumulator: configuration.initialAccumulator)
            let trainingMatrix = matrix.subset(training)
            model.train(
                on: trainingMatrix, epochs: configuration.epochs(forExamples: trainingMatrix.rows),
                configuration: configuration)
            var buffer = [Float](repeating: 0, count: classes)
            for row in held {
                matrix.withRow(row) { indices, values in
                    buffer.withUnsafeMutableBufferPointer { model.scores(indices, values, into: $0) }
                }
                scores[row] = buffer
            }
        }
        return scores
    }

    /// A deterministic sample of at most `limit` rows, spread evenly over the matrix.
    static func calibrationSample(_ matrix: FeatureMatrix, limit: Int) -> FeatureMatrix {
        guard matrix.rows > limit, limit > 0 else { return matrix }
        let rows = (0..<limit).map { $0 * matrix.rows / limit }
        return matrix.subset(rows)
    }

    /// Calibrated predictions for every example from a classifier trained, and calibrated, on
    /// the other folds only; nil for an example whose label is not in `labels`.
    public static func predictions(
        of examples: [TrainingExample], labels: [String], featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration(), folds: Int = 5
    ) -> [ClassifierPrediction?] {
        let template = SentenceClassifier(labels: labels, featurizer: featurizer, configuration: configuration)
        let matrix = template.featurize(examples)
        let known = Set(labels)
        let rowOfExample = rowsOfExamples(examples, known: known)
        let rowPredictions = predictions(
            matrix, labels: labels, featurizer: featurizer, configuration: configuration, folds: folds)
        return rowOfExample.map { $0.map { rowPredictions[$0] } }
    }

    /// For each example, its row in the featurized matrix (nil when left out for an unknown label).
    static func rowsOfExamples(_ examples: [TrainingExample], known: Set<String>) -> [Int?] {
        var next = 0
        return examples.map { example in
            guard known.contains(example.label) else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Out-of-fold calibrated predictions for every row of a featurized matrix.
    static func predictions(
        _ matrix: FeatureMatrix, labels: [String], featurizer: SentenceFeaturizer,
        configuration: TrainingConfiguration, folds: Int
    ) -> [ClassifierPrediction] {
        let assignment = Self.folds(groups: matrix.groups, count: folds)
        let foldCount = (assignment.max() ?? -1) + 1
        var result = [ClassifierPrediction?](repeating: nil, count: matrix.rows)
        for fold in 0..<foldCount {
            let training = (0..<matrix.rows).filter { assignment[$0] != fold }
            let trainingMatrix = matrix.subset(training)
            var classifier = SentenceClassifier(
                labels: labels, matrix: trainingMatrix, featurizer: featurizer, configuration: configuration)
            let sample = calibrationSample(trainingMatrix, limit: configuration.calibrationSample)
            let scores = outOfFoldScores(
                sample, classes: labels.count, dimension: featurizer.dimension, configuration: configuration,
                folds: configuration.calibrationFolds)
            classifier.setTemperature(TemperatureScaling.fit(scores: scores, labels: sample.labels))
            for row in 0..<matrix.rows where assignment[row] == fold {
                result[row] = classifier.predict(matrix.vector(row))
            }
        }
        return result.map { prediction in
            guard let prediction else { preconditionFailure("every row is in one fold, and its fold predicted it") }
            return prediction
        }
    }
}
