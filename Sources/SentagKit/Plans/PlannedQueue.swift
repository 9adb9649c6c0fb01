/// One annotator's queue under a plan: corpus positions in the order they are shown, and what
/// each item is (their own, shared with others for agreement, or a gold check).
///
/// Overlap and gold items look like every other sentence on screen; `hidesOthers(atSlot:)` is
/// the hook anything that would show another annotator's label, or a model's suggestion, must
/// ask first (blind rounds). `sentag label` already does for suggestions:
/// `LabelingSetup.Options.suggestion` goes through `LabelingSetup.blindAware`.
public struct PlannedQueue: Sendable {
    /// What an item of the queue is.
    public enum Kind: UInt8, Sendable {
        /// Labeled by this annotator alone.
        case single
        /// Labeled by `k` annotators: an agreement item.
        case overlap
        /// A sentence with a known label, mixed in to measure accuracy.
        case gold
    }

    public let annotator: String
    /// Corpus positions, in queue order: the annotator's sentences in document order, gold
    /// items spread among them.
    public let positions: [Int]
    public let kinds: [Kind]
    /// Whether a rebalance marked the annotator absent (the queue then holds only what they had
    /// already decided of their share).
    public let isAbsent: Bool

    public init(annotator: String, positions: [Int], kinds: [Kind], isAbsent: Bool) {
        self.annotator = annotator
        self.positions = positions
        self.kinds = kinds
        self.isAbsent = isAbsent
    }

    public var count: Int { positions.count }

    /// Items of a kind.
    public func count(of kind: Kind) -> Int { kinds.reduce(0) { $0 + ($1 == kind ? 1 : 0) } }

    /// True for items on which nothing may show another annotator's label or a suggestion: every
    /// overlap item (a blind agreement round) and every gold item (a blind check).
    public func hidesOthers(atSlot slot: Int) -> Bool { kinds[slot] != .single }
}
