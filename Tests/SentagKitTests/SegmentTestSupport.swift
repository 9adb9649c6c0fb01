import SentagKit
import Testing

/// Segmenting a text in tests: the sentence texts, sliced by the spans' scalar offsets, after
/// checking that every span keeps the segmenter's contract.
enum SegmentTestSupport {
    /// The sentences of `text` as SPEC.md defines them: `text[start..<end]` in Unicode scalars.
    ///
    /// Records an issue (at the caller's line) for any span whose UTF-8 offsets disagree with its
    /// scalar offsets, that is empty, out of order, or has white space at either end.
    static func sentences(
        _ text: String, segmenter: SentenceSegmenter = SentenceSegmenter(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String] {
        let spans = segmenter.segment(text)
        let scalars = Array(text.unicodeScalars)
        let utf8 = Array(text.utf8)
        var previousEnd = 0
        var result: [String] = []
        for span in spans {
            guard span.start >= previousEnd, span.start < span.end, span.end <= scalars.count,
                span.utf8Start < span.utf8End, span.utf8End <= utf8.count
            else {
                Issue.record(
                    "bad span \(span) after end \(previousEnd) in \(text.debugDescription)",
                    sourceLocation: sourceLocation)
                return result
            }
            previousEnd = span.end
            let byScalars = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
            let byBytes = String(decoding: utf8[span.utf8Start..<span.utf8End], as: UTF8.self)
            if byScalars != byBytes {
                Issue.record(
                    "span \(span): scalars give \(byScalars.debugDescription), bytes give \(byBytes.debugDescription)",
                    sourceLocation: sourceLocation)
            }
            if let first = byScalars.unicodeScalars.first, let last = byScalars.unicodeScalars.last,
                isTrimmed(first) || isTrimmed(last)
            {
                Issue.record(
                    "span \(span) has white space at an end: \(byScalars.debugDescription)",
                    sourceLocation: sourceLocation)
            }
            result.append(byScalars)
        }
        return result
    }

    /// White space and invisible characters no sentence may start or end with.
    static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}" || scalar == "\u{2060}"
    }
}

/// One segmentation case: a text and the sentences a careful reader marks in it.
struct SegmentCase: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: [String]
    /// Why the case is there, when the text alone does not say it.
    var note: String = ""

    init(_ text: String, _ expected: [String], note: String = "") {
        self.text = text
        self.expected = expected
        self.note = note
    }

    var testDescription: String { text.count > 70 ? String(text.prefix(67)) + "…" : text }

    /// Segments `text` and checks the result against `expected`.
    func check(sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = SegmentTestSupport.sentences(text, sourceLocation: sourceLocation)
        #expect(
            actual == expected, "\(note.isEmpty ? "" : note + "\n")got \(actual)\nexpected \(expected)",
            sourceLocation: sourceLocation)
    }
}
