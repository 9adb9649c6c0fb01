/// One annotator's current label on a sentence, as reports and datasets show it.
public struct AnnotatorVote: Equatable, Sendable {
    public var annotator: String
    public var label: String

    public init(annotator: String, label: String) {
        self.annotator = annotator
        self.label = label
    }
}
