/// What `sentag review` prints when the session ends: what was settled in this session and
/// overall, what is left, and the adjudications per label.
///
///     2 adjudications this session, all saved in Annotations/judge.jsonl
///     5 of 8 disagreements settled by judge (62%), 3 left
///       claim    3  (+2 this session)
///       quote    2
///       caption  0
///       noise    0
///
/// The figures are the ones `:stats` shows (the same `SessionStats`, the same rounding), then
/// the items skipped in this session that are still unsettled, and notes that were not saved.
///
/// "Overall" counts this adjudicator's current adjudications of the review's items (another
/// adjudicator's are theirs).
public enum ReviewSummary {
    public static func lines(
        _ stats: SessionStats, criteria: ReviewCriteria, adjudicator: String, path: String
    ) -> [String] {
        let made = stats.decisionsThisSession
        var lines = ["\(made) adjudication\(made == 1 ? "" : "s") this session, all saved in \(path)"]
        lines.append(
            "\(stats.decided) of \(stats.total) \(criteria.itemsNoun) settled by \(adjudicator) (\(stats.percent)%), "
                + "\(stats.left) left")
        lines += SessionScreen.labelCounts(stats)
        if let skipped = SessionScreen.skippedLine(stats) { lines.append(skipped) }
        if let unsaved = SessionScreen.unsavedLine(stats) { lines.append(unsaved) }
        return lines
    }
}
