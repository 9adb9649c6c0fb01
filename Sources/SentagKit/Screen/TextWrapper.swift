/// Breaks text into lines no wider than a number of terminal columns.
///
/// Breaks at spaces; a word wider than the line is cut. Widths are display widths
/// (`DisplayWidth`), so CJK text and emoji wrap where the terminal would. Control characters in
/// the text are made visible first (`TerminalText`), so they can neither act on the terminal nor
/// make a line wider than it was measured.
public enum TextWrapper {
    /// The lines of `text`, each at most `width` columns, the first prefixed by `first` and the
    /// others by `rest` (both counted in the width).
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        let text = TerminalText.visible(text)
        let firstWidth = DisplayWidth.of(first)
        let restWidth = DisplayWidth.of(rest)
        var lines: [String] = []
        var line = first
        var lineWidth = firstWidth
        var lineHasWord = false
        func limit() -> Int { max(width, (lines.isEmpty ? firstWidth : restWidth) + 8) }
        func newLine() {
            lines.append(line)
            line = rest
            lineWidth = restWidth
            lineHasWord = false
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.of(word)
            if lineHasWord && lineWidth + 1 + wordWidth > limit() { newLine() }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            if lineWidth + wordWidth <= limit() {
                line += word
                lineWidth += wordWidth
                lineHasWord = true
                continue
            }
            // A word longer than a line: cut it character by character.
            for character in word {
                let w = DisplayWidth.of(character)
                if lineWidth + w > limit() && lineWidth > (lines.isEmpty ? firstWidth : restWidth) { newLine() }
                line.append(character)
                lineWidth += w
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// `text` on one line of at most `width` columns, cut with "…" when longer.
    public static func truncate(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > max(width - 1, 0) { break }
            result.append(character)
            used += w
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }
}
