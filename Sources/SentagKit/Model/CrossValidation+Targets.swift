extension CrossValidation {
    /// Calibrated predictions for `targets` from classifiers that never saw the target's own
    /// document: what `check` judges every current label by (votes too, not only the labels the
    /// model trains on).
    ///
    /// Documents (of the examples and the targets, numbered in order of first appearance) are
    /// dealt into at most `folds` folds, as for `predictions(of:)`; for each fold a classifier is
    /// rebuilt, and calibrated, from the examples outside it and predicts the targets inside it.
    /// A fold whose outside holds no example gives uniform predictions.
    public static func predictions(
        for targets: [(sentence: ModelSentence, document: String)], trainedOn examples: [TrainingExample],
        labels: [String], featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration(), folds: Int = 5
    ) -> [ClassifierPrediction] {
        var numbers: [String: Int] = [:]
        func number(_ document: String) -> Int {
            if let found = numbers[document] { return found }
            numbers[document] = numbers.count
            return numbers.count - 1
        }
        let exampleGroups = examples.map { number($0.document) }
        let targetGroups = targets.map { number($0.document) }
        let assignment = Self.folds(groups: exampleGroups + targetGroups, count: folds)
        let exampleFolds = assignment[..<examples.count]
        let targetFolds = Array(assignment[examples.count...])
        var result = [ClassifierPrediction?](repeating: nil, count: targets.count)
        for fold in Set(targetFolds).sorted() {
            let training = examples.indices.filter { exampleFolds[exampleFolds.startIndex + $0] != fold }.map {
                examples[$0]
            }
            let classifier = SentenceClassifier(
                labels: labels, examples: training, featurizer: featurizer, configuration: configuration,
                calibrate: !training.isEmpty)
            let held = targets.indices.filter { targetFolds[$0] == fold }
            let predictions = classifier.predict(held.map { targets[$0].sentence })
            for (target, prediction) in zip(held, predictions) { result[target] = prediction }
        }
        return result.map { prediction in
            guard let prediction else { preconditionFailure("every target is in one fold and gets a prediction") }
            return prediction
        }
    }
}
