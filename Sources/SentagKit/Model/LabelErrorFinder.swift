/// Ranks current labels by how likely they are wrong, from cross-validated predictions: each
/// label is judged by a model trained without the label's own document, so a wrong label cannot
/// vouch for itself.
///
/// The score is the margin by which the model prefers another label to the given one,
/// `max_{j ≠ given} p_j − p_given` (cleanlab's "normalized margin"); labels the model agrees with
/// (score ≤ 0) are not suspects. Ties keep the examples' order.
public enum LabelErrorFinder {
    /// How suspects are ordered.
    public enum Ranking: Sendable {
        /// `max_{j ≠ given} p_j − p_given` (the default).
        case margin
        /// `1 − p_given` (cleanlab's "self-confidence").
        case selfConfidence
    }

    /// The suspects among `examples`, most likely wrong first.
    public static func suspects(
        examples: [TrainingExample], predictions: [ClassifierPrediction?], labels: [String],
        ranking: Ranking = .margin
    ) -> [LabelSuspect] {
        precondition(examples.count == predictions.count)
        var labelIndex: [String: Int] = [:]
        for (position, label) in labels.enumerated() { labelIndex[label] = position }
        var result: [LabelSuspect] = []
        for (position, (example, prediction)) in zip(examples, predictions).enumerated() {
            guard let prediction, let given = labelIndex[example.label],
                let score = score(prediction, given: given, ranking: ranking)
            else { continue }
            result.append(
                LabelSuspect(example: position, label: example.label, suggested: prediction.label, score: score))
        }
        return result.enumerated().sorted { lhs, rhs in
            lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// How suspect the label `given` (a label index) is under `prediction`; nil when the model's
    /// own label is the given one (not a suspect).
    public static func score(_ prediction: ClassifierPrediction, given: Int, ranking: Ranking = .margin) -> Double? {
        guard prediction.labelIndex != given else { return nil }
        let p = prediction.probabilities
        switch ranking {
        case .margin:
            var best = 0.0
            for k in p.indices where k != given { best = max(best, p[k]) }
            return best - p[given]
        case .selfConfidence:
            return 1 - p[given]
        }
    }

    /// The suspects among `examples`, cross-validating first (folds by document).
    public static func suspects(
        examples: [TrainingExample], labels: [String], featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration(), folds: Int = 5, ranking: Ranking = .margin
    ) -> [LabelSuspect] {
        let predictions = CrossValidation.predictions(
            of: examples, labels: labels, featurizer: featurizer, configuration: configuration, folds: folds)
        return suspects(examples: examples, predictions: predictions, labels: labels, ranking: ranking)
    }
}
