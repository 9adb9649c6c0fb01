/// Why an item with at least one current vote or adjudication is not in the dataset.
///
/// Checked in this order; an item is counted under the first reason that applies.
public enum LeftOutReason: Int, CaseIterable, Sendable, CustomStringConvertible {
    /// An adjudication only, no votes, under a policy other than adjudicated-majority.
    case noVotes
    /// Fewer votes than `--min-votes` (and, under adjudicated-majority, no adjudication).
    case belowMinVotes
    /// Two or more labels share the most votes.
    case tie
    /// `unanimous`: the votes disagree.
    case notUnanimous
    /// `annotator:NAME`: that annotator has no current decision on the item.
    case notLabeledByAnnotator
    /// The chosen label is one of the `--drop` labels.
    case droppedLabel

    /// The key in `manifest.json`'s `left_out`.
    public var key: String {
        switch self {
        case .noVotes: "no_votes"
        case .belowMinVotes: "below_min_votes"
        case .tie: "tie"
        case .notUnanimous: "not_unanimous"
        case .notLabeledByAnnotator: "not_labeled_by_annotator"
        case .droppedLabel: "dropped_label"
        }
    }

    /// For messages and the dataset card.
    public var description: String {
        switch self {
        case .noVotes: "no votes"
        case .belowMinVotes: "below min votes"
        case .tie: "tie"
        case .notUnanimous: "not unanimous"
        case .notLabeledByAnnotator: "not labeled by the annotator"
        case .droppedLabel: "dropped label"
        }
    }
}
