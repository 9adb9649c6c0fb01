/// `sentag duplicates`: the groups of duplicate sentences across the corpus (`DuplicateFinder`:
/// exact after normalising white space, quotation marks, dashes and case; near by word-bigram
/// MinHash, Jaccard ≥ 0.8), ordered by their first sentence.
public struct DuplicateListing: Sendable {
    public let corpus: Corpus
    public let groups: [DuplicateGroup]

    /// The groups of `corpus` (texts sliced from the documents as the finder asks for them).
    public init(corpus: Corpus, finder: DuplicateFinder = DuplicateFinder()) {
        self.corpus = corpus
        let sentences = corpus.sentences
        groups = finder.groups(count: corpus.count) { sentences[$0].text }
    }

    public enum Format: Sendable { case readable, json }

    /// Writes the groups as JSON lines or for people.
    ///
    /// JSON: `{"kind": "exact"|"near", "ids": [...]}` per group (SPEC.md), plus `"places"`
    /// (`doc:N`, N from 1). Readable: a heading per group, then each sentence with its place.
    public func write(format: Format, to output: OutputSink) {
        var writer = JSONWriter()
        for group in groups {
            switch format {
            case .json:
                writer.removeAll()
                writer.beginObject()
                writer.field("kind", group.kind.rawValue)
                writer.key("ids")
                writer.beginArray()
                for member in group.members { writer.string(corpus.id(at: member).description) }
                writer.endArray()
                writer.key("places")
                writer.beginArray()
                for member in group.members { writer.string(place(member)) }
                writer.endArray()
                writer.endObject()
                output.write(writer.bytes)
                output.write([0x0A])
            case .readable:
                output.line("\(group.kind.rawValue) duplicates, \(group.members.count) sentences:")
                for member in group.members { output.line("  \(place(member))  \(corpus.sentences[member].text)") }
            }
        }
        if format == .readable {
            let exact = groups.filter { $0.kind == .exact }.count
            output.line(
                "\(exact) group\(exact == 1 ? "" : "s") of exact duplicates, \(groups.count - exact) of near duplicates"
                    + " among \(corpus.count) sentences")
        }
        output.flush()
    }

    /// `doc:N`.
    func place(_ position: Int) -> String {
        let document = corpus.documentIndex(ofSentenceAt: position)
        return "\(corpus.documents[document].id):\(position - corpus.documentRanges[document].lowerBound + 1)"
    }
}
