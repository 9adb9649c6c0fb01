extension Document {
    /// What names the article in the session's header: its first line that has text, white
    /// space trimmed, at most 200 characters; nil for a document without text.
    ///
    /// Not a JSONL document's `meta` title: a document read from the segmentation cache does not
    /// keep its `meta`, and the header must not change between runs. Reads only up to that line,
    /// so it is cheap to ask for every sentence shown.
    public var headline: String? {
        let text = self.text
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = String(rest[..<end].prefix(Self.headlineLimit + 1)).trimmed(of: " \t\u{A0}")
            if !line.isEmpty { return String(line.prefix(Self.headlineLimit)) }
            rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
        }
        return nil
    }

    static let headlineLimit = 200
}
