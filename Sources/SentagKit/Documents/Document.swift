/// One article: an id and its text exactly as read.
///
/// All offsets the tool reports (`start`, `end`) are Unicode scalar offsets into `text`.
public struct Document: Equatable, Sendable {
    public var id: String
    public var text: String
    /// Where the text came from, for messages: a path, or `path:line` for a JSONL document.
    public var origin: String
    /// The `meta` object of a JSONL document, if it had one.
    public var meta: JSONValue?

    public init(id: String, text: String, origin: String, meta: JSONValue? = nil) {
        self.id = id
        self.text = text
        self.origin = origin
        self.meta = meta
    }
}
