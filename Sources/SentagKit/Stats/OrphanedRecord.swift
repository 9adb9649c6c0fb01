/// A current decision or adjudication whose sentence id matches no sentence of the sources
/// (the article was edited or removed, or the wrong sources were given).
///
/// Counted and listed, never dropped silently.
public struct OrphanedRecord: Equatable, Sendable {
    public var annotator: String
    public var path: String
    public var line: Int
    /// Where the record starts in its journal (to read it again).
    public var offset: Int64
    public var id: SentenceID
    public var doc: String
    public var index: Int
    /// The record's text; read again only for the records a report quotes.
    public var text: String?
    public var label: String
    public var adjudicated: Bool

    public init(
        annotator: String, path: String, line: Int, offset: Int64, id: SentenceID, doc: String, index: Int,
        text: String?,
        label: String,
        adjudicated: Bool
    ) {
        self.annotator = annotator
        self.path = path
        self.line = line
        self.offset = offset
        self.id = id
        self.doc = doc
        self.index = index
        self.text = text
        self.label = label
        self.adjudicated = adjudicated
    }
}
