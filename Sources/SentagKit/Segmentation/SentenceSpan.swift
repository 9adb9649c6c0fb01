/// Where one sentence lies in a document text.
///
/// `start`/`end` count Unicode scalars (what SPEC.md's offsets mean); `utf8Start`/`utf8End` are
/// the same bounds in UTF-8 bytes, so callers can slice the text without counting again.
public struct SentenceSpan: Equatable, Hashable, Sendable, BitwiseCopyable {
    public var start: Int
    public var end: Int
    public var utf8Start: Int
    public var utf8End: Int

    public init(start: Int, end: Int, utf8Start: Int, utf8End: Int) {
        self.start = start
        self.end = end
        self.utf8Start = utf8Start
        self.utf8End = utf8End
    }
}
