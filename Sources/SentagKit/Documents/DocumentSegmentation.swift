/// The sentences of one document as the corpus keeps them: spans, ids and fingerprints, no
/// text (the text is the document's, sliced when a sentence is asked for).
public struct DocumentSegmentation: Equatable, Sendable {
    /// Per sentence: scalar and UTF-8 bounds in the document text.
    public var spans: [SentenceSpan]
    public var ids: [SentenceID]
    /// `RecordFingerprint` of each sentence.
    public var fingerprints: [UInt64]

    public init(spans: [SentenceSpan], ids: [SentenceID], fingerprints: [UInt64]) {
        self.spans = spans
        self.ids = ids
        self.fingerprints = fingerprints
    }

    /// Segments `document`.
    public init(_ document: Document, segmenter: SentenceSegmenter = SentenceSegmenter()) {
        var spans: [SentenceSpan] = []
        var ids: [SentenceID] = []
        var fingerprints: [UInt64] = []
        Sentence.forEachSentence(of: document, segmenter: segmenter) { sentence, span in
            spans.append(span)
            ids.append(sentence.id)
            fingerprints.append(RecordFingerprint.of(sentence))
        }
        self.init(spans: spans, ids: ids, fingerprints: fingerprints)
    }
}
