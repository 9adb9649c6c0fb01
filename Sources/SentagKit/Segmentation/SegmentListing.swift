/// What `sentag segment` prints: the sentences `label` would show, streamed document by document.
public enum SegmentListing {
    public enum Format: Sendable { case readable, json }

    /// Segments every document of the sources and writes them to `sink`; returns the number of
    /// sentences written.
    ///
    /// Stops at the next document once `sink` has failed (a closed pipe, a full disk): the
    /// caller reports `sink.failure`.
    ///
    /// JSON: one object per line, as SPEC.md shows, streamed sentence by sentence. Readable: a
    /// header per document, then `N  text` lines, N from 1 as `sentag label` and `:goto` count
    /// (`SentencePlace`), control characters made visible (`TerminalText`); JSON keeps the
    /// 0-based `index`.
    @discardableResult
    public static func write(
        sources: [String], format: Format, to sink: OutputSink, segmenter: SentenceSegmenter = SentenceSegmenter()
    ) throws(SourceError) -> Int {
        var total = 0
        var encoder = SentenceLineEncoder()
        try DocumentLoader.forEachDocument(in: sources, while: { sink.failure == nil }) { document in
            switch format {
            case .json:
                Sentence.forEachSentence(of: document, segmenter: segmenter) { sentence, _ in
                    sink.write(encoder.encode(sentence))
                    total += 1
                }
            case .readable:
                let sentences = Sentence.sentences(of: document, segmenter: segmenter)
                total += sentences.count
                let noun = sentences.count == 1 ? "sentence" : "sentences"
                sink.line("\(TerminalText.visible(document.id)) (\(sentences.count) \(noun))")
                let width = String(sentences.count).count
                for sentence in sentences {
                    let number = String(SentencePlace(document: document.id, index: sentence.index).number)
                    sink.line(
                        "  " + String(repeating: " ", count: width - number.count) + number + "  "
                            + TerminalText.visible(sentence.text))
                }
                sink.line()
            }
        }
        sink.flush()
        return total
    }
}
