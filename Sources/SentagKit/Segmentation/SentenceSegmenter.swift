/// Splits a document text into sentences without rewriting it.
///
/// Rule-based and verbatim: each span is a pair of offsets into the text as given (Unicode
/// scalars and UTF-8 bytes), and holds no white space and no line-opening list bullet at its
/// ends. Line breaks (LF, CRLF, CR, VT, FF, NEL, U+2028, U+2029) always end a sentence, so a
/// headline, a caption, a byline or a bullet line is a sentence of its own; blank lines give
/// nothing. Inside a line a sentence ends at `.`, `?`, `!`, an ellipsis or an ideographic full
/// stop when the context says so: abbreviations, initials, numbers, e-mail addresses, URLs,
/// ellipses inside a sentence and list numbering do not end one (the rules are in
/// `SegmentationScan+Boundaries.swift`, `+Abbreviations.swift` and `+Quotations.swift`).
///
/// Linear in the length of the text: one pass over its UTF-8 bytes, with no regular expression,
/// no backtracking and no allocation per character or token.
public struct SentenceSegmenter: Sendable {
    public init() {}

    public func segment(_ text: String) -> [SentenceSpan] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            return SegmentationScan.bytesThatMayMatter.withUnsafeBufferPointer { table in
                guard let mayMatter = table.baseAddress else { preconditionFailure("the table has 256 entries") }
                var scan = SegmentationScan(base: base, count: bytes.count, mayMatter: mayMatter)
                scan.run()
                return scan.spans
            }
        }
    }
}
