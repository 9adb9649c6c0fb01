/// Splits a document text into sentences without rewriting it.
///
/// INTERIM: splits at line breaks only and trims white space; the real rule-based segmenter
/// replaces this file (issue 2).
public struct SentenceSegmenter: Sendable {
    public init() {}

    public func segment(_ text: String) -> [SentenceSpan] {
        var spans: [SentenceSpan] = []
        var scalarOffset = 0
        var utf8Offset = 0
        var lineStart: (scalar: Int, utf8: Int)? = nil
        var lastNonSpace: (scalar: Int, utf8: Int) = (0, 0)
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if scalar == "\n" || scalar == "\r" {
                if let start = lineStart {
                    spans.append(
                        SentenceSpan(
                            start: start.scalar, end: lastNonSpace.scalar, utf8Start: start.utf8,
                            utf8End: lastNonSpace.utf8))
                }
                lineStart = nil
            } else if !scalar.properties.isWhitespace {
                if lineStart == nil { lineStart = (scalarOffset, utf8Offset) }
                lastNonSpace = (scalarOffset + 1, utf8Offset + width)
            }
            scalarOffset += 1
            utf8Offset += width
        }
        if let start = lineStart {
            spans.append(
                SentenceSpan(
                    start: start.scalar, end: lastNonSpace.scalar, utf8Start: start.utf8, utf8End: lastNonSpace.utf8))
        }
        return spans
    }
}
