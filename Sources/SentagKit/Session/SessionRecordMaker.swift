/// Turns a decision made in a session into the record appended to the label file.
///
/// `sentag label` uses `AnnotatorRecordMaker`; an adjudication session supplies its own (with
/// `adjudicated: true` and the `votes` it settles) and reuses everything else.
public protocol SessionRecordMaker: Sendable {
    /// The record for `sentence`; `label == nil` makes a retraction (undo).
    func makeRecord(for sentence: Sentence, label: String?, details: RecordDetails) -> AnnotationRecord
}

/// What the session knows about a decision besides the label.
public struct RecordDetails: Equatable, Sendable {
    public var time: Timestamp
    /// Milliseconds the sentence was on screen before the decision; nil for retractions.
    public var ms: Int?
    public var note: String?
    /// True when marked unsure; false only when the mark was just removed; nil otherwise.
    public var flag: Bool?
    public var session: String
    /// The record restores what an undone decision had replaced.
    public var undo = false
    /// The record is part of the same step as the one before it (a run).
    public var run = false
    /// The label suggested on screen when the record was made (`"suggested"`), if any.
    public var suggested: String?

    public init(time: Timestamp, ms: Int?, note: String?, flag: Bool?, session: String) {
        self.time = time
        self.ms = ms
        self.note = note
        self.flag = flag
        self.session = session
    }
}

/// An annotator's own decisions: `<annotations>/<annotator>.jsonl`.
public struct AnnotatorRecordMaker: SessionRecordMaker {
    public let annotator: String

    public init(annotator: String) {
        self.annotator = annotator
    }

    public func makeRecord(for sentence: Sentence, label: String?, details: RecordDetails) -> AnnotationRecord {
        AnnotationRecord(
            sentence: sentence, label: label, annotator: annotator, time: details.time, note: details.note,
            flag: details.flag, suggested: details.suggested, ms: details.ms, session: details.session,
            undo: details.undo, run: details.run)
    }
}
