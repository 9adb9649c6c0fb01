/// A sentence as `segment --json` prints it and a label record repeats it.
///
/// `start` and `end` are Unicode scalar offsets into the document text as read, and `text` is
/// exactly `document[start..<end]`.
public struct Sentence: Equatable, Sendable {
    public var id: SentenceID
    public var doc: String
    /// Position of the sentence in its document, from 0.
    public var index: Int
    public var start: Int
    public var end: Int
    public var text: String

    public init(id: SentenceID, doc: String, index: Int, start: Int, end: Int, text: String) {
        self.id = id
        self.doc = doc
        self.index = index
        self.start = start
        self.end = end
        self.text = text
    }
}

extension Sentence {
    /// The sentences of a document, with their ids, from the segmenter's spans.
    public static func sentences(
        of document: Document, segmenter: SentenceSegmenter = SentenceSegmenter()
    ) -> [Sentence] {
        let spans = segmenter.segment(document.text)
        var occurrences: [String: Int] = [:]
        var sentences: [Sentence] = []
        sentences.reserveCapacity(spans.count)
        let utf8 = document.text.utf8
        for (index, span) in spans.enumerated() {
            let lower = utf8.index(utf8.startIndex, offsetBy: span.utf8Start)
            let upper = utf8.index(lower, offsetBy: span.utf8End - span.utf8Start)
            let text = String(document.text[lower..<upper])
            let occurrence = occurrences[text, default: 0]
            occurrences[text] = occurrence + 1
            sentences.append(
                Sentence(
                    id: SentenceID(document: document.id, text: text, occurrence: occurrence),
                    doc: document.id, index: index, start: span.start, end: span.end, text: text))
        }
        return sentences
    }

    /// Writes the sentence as SPEC.md's `segment --json` object (no newline).
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", id.description)
        writer.field("doc", doc)
        writer.field("index", index)
        writer.field("start", start)
        writer.field("end", end)
        writer.field("text", text)
        writer.endObject()
    }
}
