/// An adjudicator's decisions: records with `"adjudicated": true` and the `votes` they settle,
/// appended to `<annotations>/<adjudicator>.jsonl`.
///
/// The votes are the ratings the review loaded at its start (annotator → label). A retraction
/// (undo: `"label": null`) is an adjudication too, so it removes the adjudication and leaves the
/// adjudicator's own vote alone; it settles nothing and carries no votes.
public struct AdjudicationRecordMaker: SessionRecordMaker {
    public let adjudicator: String
    public let items: ReviewItems

    public init(adjudicator: String, items: ReviewItems) {
        self.adjudicator = adjudicator
        self.items = items
    }

    public func makeRecord(for sentence: Sentence, label: String?, details: RecordDetails) -> AnnotationRecord {
        AnnotationRecord(
            sentence: sentence, label: label, annotator: adjudicator, time: details.time, note: details.note,
            flag: details.flag, suggested: details.suggested, ms: details.ms, session: details.session,
            adjudicated: true,
            votes: label == nil ? nil : items.votes(of: sentence.id), undo: details.undo, run: details.run)
    }
}
