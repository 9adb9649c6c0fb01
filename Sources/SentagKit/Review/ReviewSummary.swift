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
/// "Overall" counts this adjudicator's current adjudications of the review's items (another
/// adjudicator's are theirs).
public enum ReviewSummary {
    public static func lines(
        _ stats: SessionStats, criteria: ReviewCriteria, adjudicator: String, path: String
    ) -> [String] {
        let made = stats.decisionsThisSession
        var lines = ["\(made) adjudication\(made == 1 ? "" : "s") this session, all saved in \(path)"]
        let percent = stats.total == 0 ? 100 : stats.decided * 100 / stats.total
        lines.append(
            "\(stats.decided) of \(stats.total) \(criteria.itemsNoun) settled by \(adjudicator) (\(percent)%), "
                + "\(stats.left) left")
        return lines + SessionScreen.labelCounts(stats)
    }
}
