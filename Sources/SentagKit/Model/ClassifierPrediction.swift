/// What the classifier says about one sentence: every label's calibrated probability, the most
/// probable label, and the margin to the runner-up.
public struct ClassifierPrediction: Equatable, Sendable {
    /// Probabilities in the classifier's label order; they sum to 1.
    public var probabilities: [Double]
    /// Index of the most probable label (the first one on a tie).
    public var labelIndex: Int
    /// The most probable label's name.
    public var label: String

    public init(probabilities: [Double], labels: [String]) {
        precondition(probabilities.count == labels.count && !labels.isEmpty)
        self.probabilities = probabilities
        var best = 0
        for k in probabilities.indices where probabilities[k] > probabilities[best] { best = k }
        labelIndex = best
        label = labels[best]
    }

    /// The most probable label's probability.
    public var probability: Double { probabilities[labelIndex] }

    /// The gap between the two most probable labels (1 with one label): small means unsure, which is
    /// what `label --order uncertain` puts first.
    public var margin: Double { Self.margin(probabilities) }

    /// The gap between the two largest of `probabilities`.
    public static func margin(_ probabilities: [Double]) -> Double {
        var first = -Double.infinity
        var second = -Double.infinity
        for p in probabilities {
            if p > first {
                second = first
                first = p
            } else if p > second {
                second = p
            }
        }
        return second == -.infinity ? 1 : first - second
    }
}
