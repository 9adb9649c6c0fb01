/// One annotator's current label on a sentence, as reports and datasets show it.
public struct AnnotatorVote: Equatable, Sendable {
    public var annotator: String
    public var label: String
    /// The annotator's note on the sentence, when the report read it (`--disagreements`).
    public var note: String?
    /// The annotator marked the label unsure (`:flag`).
    public var flagged: Bool

    public init(annotator: String, label: String, note: String? = nil, flagged: Bool = false) {
        self.annotator = annotator
        self.label = label
        self.note = note
        self.flagged = flagged
    }
}
