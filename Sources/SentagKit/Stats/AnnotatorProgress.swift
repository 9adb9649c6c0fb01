/// One annotator's progress: decisions, labels, pace and time span.
public struct AnnotatorProgress: Equatable, Sendable {
    public var name: String
    /// Current decisions: sentence ids whose latest non-adjudicated line has a label.
    public var decisions: Int
    /// Current decisions per label, in label-set order.
    public var labelCounts: [Int]
    /// Readable lines in the file (decisions, changes, retractions, adjudications).
    public var records: Int
    /// Lines with `"label": null`.
    public var retractions: Int
    /// Current adjudications (`"adjudicated": true`), by sentence id.
    public var adjudications: Int
    /// Current decisions marked unsure (`"flag": true`).
    public var flagged: Int
    /// Time spent labeling: the gaps between consecutive labeling lines, leaving out pauses
    /// longer than the idle limit.
    public var activeSeconds: Double
    /// Labeling lines made during the active time, per minute of it; nil without active time.
    public var labelsPerMinute: Double?
    /// The first and last labeling line (non-retraction), by time.
    public var first: Timestamp?
    public var last: Timestamp?

    public init(
        name: String, decisions: Int, labelCounts: [Int], records: Int, retractions: Int, adjudications: Int,
        flagged: Int, activeSeconds: Double, labelsPerMinute: Double?, first: Timestamp?, last: Timestamp?
    ) {
        self.name = name
        self.decisions = decisions
        self.labelCounts = labelCounts
        self.records = records
        self.retractions = retractions
        self.adjudications = adjudications
        self.flagged = flagged
        self.activeSeconds = activeSeconds
        self.labelsPerMinute = labelsPerMinute
        self.first = first
        self.last = last
    }
}
