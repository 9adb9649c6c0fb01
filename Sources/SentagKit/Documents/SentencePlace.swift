/// Where a sentence is, the way people read and type it: `DOC:N`, with N counted from 1.
///
/// Every place a person reads a position (the screen's header, REPL messages, the agreement
/// report's disagreements, the review, the stats' orphan listing) formats it with `description`,
/// and `:goto` reads it back with `parse`, so what a report prints can be typed as it is. A run of
/// sentences reads `DOC:7–10`. JSON output keeps the SPEC's 0-based `index` instead.
public struct SentencePlace: Equatable, Sendable, CustomStringConvertible {
    public var document: String
    /// 1-based number of the (first) sentence in its document.
    public var number: Int
    /// 1-based number of the last sentence of a run; equal to `number` for one sentence.
    public var last: Int

    public init(document: String, number: Int, last: Int? = nil) {
        self.document = document
        self.number = number
        self.last = max(last ?? number, number)
    }

    /// The place of the sentence with the 0-based `index` (a record's, SPEC's) in `document`.
    public init(document: String, index: Int) {
        self.init(document: document, number: index + 1)
    }

    /// `DOC:N`, or `DOC:N–M` for a run.
    public var description: String {
        last > number ? "\(document):\(number)–\(last)" : "\(document):\(number)"
    }

    /// Reads `DOC:N` (or `DOC:N–M`, `DOC:N-M`) as `description` writes it.
    ///
    /// The document is what comes before the last colon, so JSONL ids with a colon (`news:3`)
    /// read as `news:3:12`. Nil when there is no document or N is not a number from 1.
    public static func parse(_ text: String) -> SentencePlace? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let document = String(text[..<colon])
        let tail = text[text.index(after: colon)...]
        guard !document.isEmpty else { return nil }
        let parts = tail.split(separator: "–", maxSplits: 1, omittingEmptySubsequences: false)
        let range =
            parts.count == 2 ? parts : tail.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let number = positiveNumber(range[0]) else { return nil }
        if range.count == 2 {
            guard let last = positiveNumber(range[1]), last >= number else { return nil }
            return SentencePlace(document: document, number: number, last: last)
        }
        return SentencePlace(document: document, number: number)
    }

    /// A number of ASCII digits from 1 up.
    static func positiveNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
            value >= 1
        else { return nil }
        return value
    }
}
