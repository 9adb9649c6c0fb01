/// What `sentag segment` prints: the sentences `label` would show, streamed document by document.
public enum SegmentListing {
    public enum Format: Sendable { case readable, json }

    /// Segments every document of the sources and writes them to `sink`; returns the number of
    /// sentences written.
    ///
    /// JSON: one object per line, as SPEC.md shows. Readable: a header per document, then
    /// `index  text` lines.
    @discardableResult
    public static func write(
        sources: [String], format: Format, to sink: OutputSink, segmenter: SentenceSegmenter = SentenceSegmenter()
    ) throws(SourceError) -> Int {
        var total = 0
        var writer = JSONWriter(capacity: 1 << 12)
        try DocumentLoader.forEachDocument(in: sources) { document in
            let sentences = Sentence.sentences(of: document, segmenter: segmenter)
            total += sentences.count
            switch format {
            case .json:
                for sentence in sentences {
                    writer.removeAll()
                    sentence.writeJSON(to: &writer)
                    sink.write(writer.bytes)
                    sink.write(CollectionOfOne(0x0A))
                }
            case .readable:
                let noun = sentences.count == 1 ? "sentence" : "sentences"
                sink.line("\(document.id) (\(sentences.count) \(noun))")
                let width = String(max(sentences.count - 1, 0)).count
                for sentence in sentences {
                    let number = String(sentence.index)
                    sink.line(
                        "  " + String(repeating: " ", count: width - number.count) + number + "  " + sentence.text)
                }
                sink.line()
            }
        }
        sink.flush()
        return total
    }
}
