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
        var sentences: [Sentence] = []
        forEachSentence(of: document, segmenter: segmenter) { sentence, _ in sentences.append(sentence) }
        return sentences
    }

    /// Visits the sentences of a document in order, one at a time: what `sentences(of:)`
    /// returns, without holding them all (`segment --json` streams a corpus this way).
    ///
    /// A text's occurrence number counts the earlier sentences of the document with the same
    /// UTF-8 bytes, as the Python reference in Scripts/sentence_id.py compares `str`s (Swift's
    /// `String` equality would also merge canonically equivalent spellings, and normalises every
    /// text it hashes).
    public static func forEachSentence(
        of document: Document, segmenter: SentenceSegmenter = SentenceSegmenter(),
        _ body: (Sentence, SentenceSpan) throws -> Void
    ) rethrows {
        let spans = segmenter.segment(document.text)
        var documentText = document.text
        try documentText.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var occurrences: [ByteRange: Int] = [:]
            occurrences.reserveCapacity(spans.count)
            for (index, span) in spans.enumerated() {
                let range = ByteRange(base: base, start: span.utf8Start, count: span.utf8End - span.utf8Start)
                let occurrence = Self.postIncrement(&occurrences[range, default: 0])
                let utf8 = document.text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: span.utf8Start)
                let text = String(document.text[lower..<utf8.index(lower, offsetBy: range.count)])
                try body(
                    Sentence(
                        id: SentenceID(document: document.id, text: text, occurrence: occurrence),
                        doc: document.id, index: index, start: span.start, end: span.end, text: text), span)
            }
        }
    }

    /// A run of bytes of the document being segmented, compared and hashed by content.
    ///
    /// Holds a pointer into the document's UTF-8 storage, so it must not outlive the
    /// `withUTF8` call that gave it.
    private struct ByteRange: Hashable {
        let base: UnsafePointer<UInt8>
        let start: Int
        let count: Int

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes: UnsafeRawBufferPointer(start: base + start, count: count))
        }

        static func == (lhs: ByteRange, rhs: ByteRange) -> Bool {
            guard lhs.count == rhs.count else { return false }
            let left = UnsafeRawPointer(lhs.base + lhs.start)
            let right = UnsafeRawPointer(rhs.base + rhs.start)
            var index = 0
            while index + 8 <= lhs.count {
                if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    != right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                {
                    return false
                }
                index += 8
            }
            while index < lhs.count {
                let byte = left.load(fromByteOffset: index, as: UInt8.self)
                if byte != right.load(fromByteOffset: index, as: UInt8.self) { return false }
                index += 1
            }
            return true
        }
    }

    @inline(__always)
    private static func postIncrement(_ value: inout Int) -> Int {
        defer { value += 1 }
        return value
    }

    /// Writes the sentence as SPEC.md's `segment --json` object (no newline).
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        Self.writeFields(id: id, doc: doc, index: index, start: start, end: end, text: text, to: &writer)
        writer.endObject()
    }

    /// The fields that place a sentence, in SPEC.md's order: a `segment --json` object is these,
    /// and a journal record (`AnnotationRecord`) starts with them.
    static func writeFields(
        id: SentenceID, doc: String, index: Int, start: Int, end: Int, text: String, to writer: inout JSONWriter
    ) {
        writer.field("id", id.description)
        writer.field("doc", doc)
        writer.field("index", index)
        writer.field("start", start)
        writer.field("end", end)
        writer.field("text", text)
    }
}
