/// A current label that the cross-validated model disagrees with: what `check` lists.
public struct LabelSuspect: Equatable, Sendable {
    /// Position of the example in the list given to `LabelErrorFinder`.
    public var example: Int
    public var label: String
    /// The model's label.
    public var suggested: String
    /// How likely the label is wrong: the model's probability for its own label minus its probability
    /// for the given one (in (0, 1]; larger is more suspect).
    public var score: Double

    public init(example: Int, label: String, suggested: String, score: Double) {
        self.example = example
        self.label = label
        self.suggested = suggested
        self.score = score
    }
}
