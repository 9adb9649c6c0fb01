/// A current decision or adjudication whose sentence id matches no sentence of the sources
/// (the article was edited or removed, or the wrong sources were given). Counted and listed,
/// never dropped silently.
public struct OrphanedRecord: Equatable, Sendable {
    public var annotator: String
    public var path: String
    public var line: Int
    public var id: SentenceID
    public var doc: String
    public var index: Int
    public var text: String
    public var label: String
    public var adjudicated: Bool

    public init(
        annotator: String, path: String, line: Int, id: SentenceID, doc: String, index: Int, text: String,
        label: String,
        adjudicated: Bool
    ) {
        self.annotator = annotator
        self.path = path
        self.line = line
        self.id = id
        self.doc = doc
        self.index = index
        self.text = text
        self.label = label
        self.adjudicated = adjudicated
    }
}
