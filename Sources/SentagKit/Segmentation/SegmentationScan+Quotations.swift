/// The rules for terminators at the end of, or inside, a quotation.
///
/// - A speech tag after a closing quote keeps the quotation in its sentence: `“Why?” Jones
///   asked.`. After `?”` any tag does; after `.”` or `!”`, where news puts the attribution after
///   `,”` instead, only a complete tag does (`“No.” Mr. Smith said.`, `told reporters.`), and a
///   clause such as `Mr. Jones adds that…` or `Protests continued across…` starts a new sentence.
/// - Inside a quotation, a `?` followed by short fragments that run to the closing quote
///   (`“Is it Monday? Tuesday?”`, `“…Wednesday?... Thursday.”`, `“Who did it? Jones?”`) continues
///   the same utterance; a full clause after it (`“Why leave? We won’t make it home.”`) does not.
extension SegmentationScan {
    /// Whether the words from `start` are a speech tag: up to four capitalised words (a name,
    /// a title) and then a verb such as `said` or `asked` (`Jones asked`, `Mr. Smith said`,
    /// `Prime Minister Boris Johnson told`).
    ///
    /// With `complete`, the verb must end the tag: at most one word follows it before a period,
    /// a comma or the end of the line (`Shoigu said.`, `Johnson told reporters.`).
    func speechTagFollows(at start: Int, limit: Int, complete: Bool) -> Bool {
        var index = start
        for _ in 0..<5 {
            guard index < limit else { return false }
            let first = base[index]
            var end = index
            while end < limit, spaceLength(at: end, limit: limit) == 0, lineBreakLength(at: end) == 0 { end += 1 }
            if first &- 0x61 < 26 {
                var letters = index
                while letters < end, base[letters] &- 0x61 < 26 { letters += 1 }
                guard let verb = PackedWord(base, from: index, to: letters, lowercased: false),
                    WordList.speechVerbs.contains(verb)
                else { return false }
                return !complete || tagEnds(after: letters, limit: limit)
            }
            guard first &- 0x41 < 26 else { return false }
            index = skipSpaces(from: end, limit: limit)
        }
        return false
    }

    /// Whether a speech tag ends at `index`, right after its verb: a period, a comma, a semicolon
    /// or the end of the line follows, directly or after one more word.
    private func tagEnds(after index: Int, limit: Int) -> Bool {
        func endsTag(_ position: Int) -> Bool {
            guard position < limit, lineBreakLength(at: position) == 0 else { return true }
            let byte = base[position]
            return byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
        }
        if endsTag(index) { return true }
        let word = skipSpaces(from: index, limit: limit)
        guard word > index, word < limit else { return word >= limit }
        var end = word
        while end < limit, Self.isASCIIAlphanumeric(base[end]) { end += 1 }
        return end > word && endsTag(end)
    }

    /// The longest run of fragments `questionFragmentsCloseQuotation` looks at, in bytes.
    static let fragmentWindow = 160

    /// Whether short fragments run from `start` to the end of a quotation: at most four, each of
    /// at most three words; every one but the last ends with `?` (alone, or before an ellipsis)
    /// and the next opens with a capital; the last ends with a terminator and a closing quote.
    func questionFragmentsCloseQuotation(from start: Int, limit: Int) -> Bool {
        let end = min(limit, start + Self.fragmentWindow)
        var index = start
        for _ in 0..<4 {
            var words = 0
            while true {
                let wordStart = index
                while index < end, !isFragmentEnd(at: index, limit: limit) {
                    let byte = base[index]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") {
                        return false
                    }
                    let closer = closerLength(at: index, limit: limit)
                    if closer > 0 {
                        // An apostrophe inside a word (`won’t`, `O'Brien`) is not a closing quote.
                        guard index > wordStart, index + closer < limit, Self.isASCIILetter(base[index + closer]) else {
                            return false
                        }
                        index += closer
                        continue
                    }
                    index += 1
                }
                guard index > wordStart, index < end else { return false }
                words += 1
                guard words <= 3 else { return false }
                let space = spaceLength(at: index, limit: limit)
                guard space > 0 else { break }
                index = skipSpaces(from: index, limit: end)
            }
            guard lineBreakLength(at: index) == 0 else { return false }
            let cluster = TerminatorCluster(scan: self, start: index, limit: limit)
            if cluster.endsWithQuote { return true }
            guard cluster.hasQuestionMark, !cluster.hasClosers, cluster.end < end else { return false }
            index = skipSpaces(from: cluster.end, limit: end)
            guard index > cluster.end, index < end, base[index] &- 0x41 < 26 else { return false }
        }
        return false
    }

    /// White space, a line break or a terminator at `index`: where a word of a fragment ends.
    private func isFragmentEnd(at index: Int, limit: Int) -> Bool {
        switch base[index] {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"): return true
        default:
            return spaceLength(at: index, limit: limit) > 0 || lineBreakLength(at: index) > 0
                || isEllipsisCharacter(at: index, limit: limit)
        }
    }
}
