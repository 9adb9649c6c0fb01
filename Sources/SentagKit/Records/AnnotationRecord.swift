/// One line of a label file: a decision (or, with `label == nil`, a retraction) about a sentence.
///
/// Required keys (SPEC.md): `id`, `doc`, `index`, `start`, `end`, `text`, `label`, `annotator`,
/// `time`. The optional ones are written only when set. Keys this type does not know are kept in
/// `extra` (raw JSON) so a record read and written again loses nothing.
public struct AnnotationRecord: Equatable, Sendable {
    public var id: SentenceID
    public var doc: String
    public var index: Int
    public var start: Int
    public var end: Int
    public var text: String
    /// The label name; nil retracts the annotator's previous decision on `id` (undo).
    public var label: String?
    public var annotator: String
    public var time: Timestamp
    public var note: String?
    /// Marked unsure by the annotator.
    public var flag: Bool?
    /// A label the tool suggested, if any.
    public var suggested: String?
    /// Milliseconds the annotator spent on the sentence.
    public var ms: Int?
    /// Identifies the labeling session that wrote the record.
    public var session: String?
    /// An adjudicator's final decision (`sentag review`); not a vote in agreement.
    public var adjudicated: Bool
    /// For adjudications: the ratings it settled, by annotator (sorted by name when written).
    public var votes: [String: String]?
    /// Written by `u`: it restores what the decision it undoes had replaced (or, with a null
    /// label, removes the decision).
    ///
    /// Replaying it pops the undo history instead of growing it.
    public var undo: Bool
    /// Part of the same step as the record before it (`n 3` writes three records, one step).
    public var run: Bool
    /// Other keys found when reading, as (key, raw JSON value), written back unchanged.
    public var extra: [(String, String)]

    public init(
        sentence: Sentence, label: String?, annotator: String, time: Timestamp,
        note: String? = nil, flag: Bool? = nil, suggested: String? = nil, ms: Int? = nil,
        session: String? = nil, adjudicated: Bool = false, votes: [String: String]? = nil, undo: Bool = false,
        run: Bool = false
    ) {
        self.init(
            id: sentence.id, doc: sentence.doc, index: sentence.index, start: sentence.start, end: sentence.end,
            text: sentence.text, label: label, annotator: annotator, time: time, note: note, flag: flag,
            suggested: suggested, ms: ms, session: session, adjudicated: adjudicated, votes: votes, undo: undo,
            run: run)
    }

    public init(
        id: SentenceID, doc: String, index: Int, start: Int, end: Int, text: String, label: String?,
        annotator: String, time: Timestamp, note: String? = nil, flag: Bool? = nil, suggested: String? = nil,
        ms: Int? = nil, session: String? = nil, adjudicated: Bool = false, votes: [String: String]? = nil,
        undo: Bool = false, run: Bool = false, extra: [(String, String)] = []
    ) {
        self.id = id
        self.doc = doc
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.label = label
        self.annotator = annotator
        self.time = time
        self.note = note
        self.flag = flag
        self.suggested = suggested
        self.ms = ms
        self.session = session
        self.adjudicated = adjudicated
        self.votes = votes
        self.undo = undo
        self.run = run
        self.extra = extra
    }

    public var isRetraction: Bool { label == nil }

    public static func == (lhs: AnnotationRecord, rhs: AnnotationRecord) -> Bool {
        lhs.id == rhs.id && lhs.doc == rhs.doc && lhs.index == rhs.index && lhs.start == rhs.start
            && lhs.end == rhs.end && lhs.text == rhs.text && lhs.label == rhs.label && lhs.annotator == rhs.annotator
            && lhs.time == rhs.time && lhs.note == rhs.note && lhs.flag == rhs.flag && lhs.suggested == rhs.suggested
            && lhs.ms == rhs.ms && lhs.session == rhs.session && lhs.adjudicated == rhs.adjudicated
            && lhs.votes == rhs.votes && lhs.undo == rhs.undo && lhs.run == rhs.run
            && lhs.extra.elementsEqual(rhs.extra, by: { $0 == $1 })
    }
}
