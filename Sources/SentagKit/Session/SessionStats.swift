/// `:stats`, and the summary when a session ends: counts, pace and what is left.
///
/// Times in milliseconds.
///
/// The same value feeds `:stats` and the closing lines, so the two always agree.
public struct SessionStats: Equatable, Sendable {
    public var labels: [String]
    /// Current decisions per label, over the sentences in scope.
    public var counts: [Int]
    /// Per label, the sentences whose decision in force was made in this session.
    public var countsThisSession: [Int]
    public var decided: Int
    public var total: Int
    public var decisionsThisSession: Int
    public var elapsedMilliseconds: Int64
    /// `DOC:N` of the sentences skipped in this session that are still without a decision.
    public var skipped: [String] = []
    /// Decisions made in this session that are flagged unsure.
    public var flaggedThisSession = 0
    /// Notes and flags typed on sentences that never got a decision, which were not saved.
    ///
    /// Each is a phrase such as "the note on alpha:2".
    public var unsaved: [String] = []

    public init(
        labels: [String], counts: [Int], countsThisSession: [Int], decided: Int, total: Int,
        decisionsThisSession: Int, elapsedMilliseconds: Int64
    ) {
        self.labels = labels
        self.counts = counts
        self.countsThisSession = countsThisSession
        self.decided = decided
        self.total = total
        self.decisionsThisSession = decisionsThisSession
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    public var left: Int { max(total - decided, 0) }

    /// `decided` of `total`, rounded (`Percent`).
    public var percent: Int { Percent.rounded(decided, of: total) }

    /// Decisions per minute in this session; nil before the first decision and during the first
    /// half minute (too little to go on).
    public var perMinute: Double? {
        guard decisionsThisSession > 0, elapsedMilliseconds >= 30_000 else { return nil }
        return Double(decisionsThisSession) / (Double(elapsedMilliseconds) / 60_000)
    }

    /// Milliseconds left at this session's pace; nil without a pace.
    public var estimatedMillisecondsLeft: Int64? {
        guard let perMinute, perMinute > 0 else { return nil }
        return Int64((Double(left) / perMinute * 60_000).rounded())
    }

    /// "claim 2, noise 1": this session's decisions per label, labels without any left out.
    public var countsThisSessionText: String {
        zip(labels, countsThisSession).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}
