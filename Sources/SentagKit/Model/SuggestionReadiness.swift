/// Whether the model has seen enough labels to make suggestions, and if not, what to tell the
/// annotator.
///
/// The rule: every label of the label set has at least `minimumPerLabel` labels (5 by default).
/// A label set of one label never suggests (there is nothing to choose).
public enum SuggestionReadiness: Equatable, Sendable {
    case ready
    /// Not yet; the message says why, for the screen or stderr.
    case waiting(String)

    /// Readiness for `labels` (the label set, in order) given how many labels each has.
    public static func evaluate(labels: [String], counts: [String: Int], minimumPerLabel: Int = 5)
        -> SuggestionReadiness
    {
        guard labels.count >= 2 else {
            return .waiting("suggestions need a label set of at least two labels; this one has \(labels.count)")
        }
        let short = labels.filter { counts[$0, default: 0] < minimumPerLabel }
        guard !short.isEmpty else { return .ready }
        let have = labels.map { "\($0) \(counts[$0, default: 0])" }.joined(separator: ", ")
        return .waiting("suggestions start after \(minimumPerLabel) labels of each class (so far: \(have))")
    }

    /// Readiness of a classifier, from the labels it has learned.
    public static func evaluate(_ classifier: SentenceClassifier, minimumPerLabel: Int = 5) -> SuggestionReadiness {
        var counts: [String: Int] = [:]
        for (label, count) in zip(classifier.labels, classifier.labelCounts) { counts[label] = count }
        return evaluate(labels: classifier.labels, counts: counts, minimumPerLabel: minimumPerLabel)
    }

    public var isReady: Bool { self == .ready }
}
