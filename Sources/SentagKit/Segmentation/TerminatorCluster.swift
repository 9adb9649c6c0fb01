/// A run of sentence-final punctuation and the closing quotes and brackets after it: `.`, `?!`,
/// `...`, `…`, `. . . .`, `.”`, `?’`, `.)`.
struct TerminatorCluster {
    /// Where the cluster ends, after its closers.
    let end: Int
    /// Periods, counting each dot of a spaced ellipsis.
    let dots: Int
    /// Holds `?` or `!`.
    let isStrong: Bool
    /// Holds `?`.
    let hasQuestionMark: Bool
    /// Two or more periods, or `…`.
    let isEllipsis: Bool
    /// Periods separated by single spaces: `. . .`.
    let isSpaced: Bool
    /// Holds `。` `．` `！` `？` `｡`.
    let isIdeographic: Bool
    /// Closing quotes or brackets follow the punctuation.
    let hasClosers: Bool
    /// The last closer is a quote (`.”`, `?'`), not a bracket.
    let endsWithQuote: Bool

    init(scan: SegmentationScan, start: Int, limit: Int) {
        let base = scan.base
        var index = start
        var dots = 0
        var isStrong = false
        var hasQuestionMark = false
        var ellipsisCharacter = false
        var isSpaced = false
        var isIdeographic = false
        while index < limit {
            let byte = base[index]
            if byte == UInt8(ascii: ".") {
                dots += 1
                index += 1
            } else if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
                isStrong = true
                if byte == UInt8(ascii: "?") { hasQuestionMark = true }
                index += 1
            } else if scan.isEllipsisCharacter(at: index, limit: limit) {
                ellipsisCharacter = true
                index += 3
            } else if byte == 0x20, index > start, base[index - 1] == UInt8(ascii: "."), index + 1 < limit,
                base[index + 1] == UInt8(ascii: ".")
            {
                isSpaced = true
                index += 1
            } else {
                let ideographic = scan.ideographicTerminatorLength(at: index, limit: limit)
                guard ideographic > 0 else { break }
                isIdeographic = true
                index += ideographic
            }
        }
        let punctuationEnd = index
        var endsWithQuote = false
        while index < limit {
            let closer = scan.closerLength(at: index, limit: limit)
            guard closer > 0 else { break }
            let byte = base[index]
            endsWithQuote = byte != UInt8(ascii: ")") && byte != UInt8(ascii: "]") && byte != UInt8(ascii: "}")
            index += closer
        }
        self.end = index
        self.dots = dots
        self.isStrong = isStrong
        self.hasQuestionMark = hasQuestionMark
        self.isEllipsis = dots >= 2 || ellipsisCharacter
        self.isSpaced = isSpaced
        self.isIdeographic = isIdeographic
        self.hasClosers = index > punctuationEnd
        self.endsWithQuote = endsWithQuote
    }
}
