/// Which of a review's items the session offers: where the adjudicator stopped, all of them
/// again, or the adjudications marked unsure.
public enum ReviewFilter: String, Sendable, CaseIterable {
    /// Items without a current adjudication by this adjudicator: resume.
    case unsettled
    case all
    /// Items whose current adjudication is flagged unsure.
    case flagged

    /// The queue over `positions` (document order) given the adjudicator's decisions.
    public func queue(positions: [Int], ledger: DecisionLedger, corpusCount: Int) -> SessionQueue {
        let kept: [Int]
        switch self {
        case .unsettled: kept = positions.filter { ledger.label(at: $0) == nil }
        case .all: kept = positions
        case .flagged: kept = positions.filter { ledger.isFlagged($0) }
        }
        return SessionQueue(positions: kept, corpusCount: corpusCount)
    }
}
