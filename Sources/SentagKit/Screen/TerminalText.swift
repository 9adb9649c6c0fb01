/// Text from articles, notes, label files and typed lines, made safe to print for a person.
///
/// Every command that prints such text for people (the `label` and `review` screens, `segment`
/// without `--json`, the agreement and stats reports, messages that quote what was given) passes
/// it through `visible(_:)`, so a sentence cannot clear the screen (`ESC[2J`), retitle the
/// window (`ESC]0;…BEL`), ring the bell or reorder the line it sits on. JSON output is not for
/// people and escapes these characters already (`\u001b`).
///
/// What changes, and nothing else:
/// - C0 controls and DEL in caret notation, as `cat -v` and `less` show them: ESC is `^[`,
///   BEL `^G`, CR `^M`, DEL `^?`. A tab becomes one space: it is harmless, but its width depends
///   on the column it lands in, which would upset wrapping.
/// - C1 controls (U+0080–U+009F; U+009B is a one-byte CSI on some terminals), the line and
///   paragraph separators U+2028/U+2029, and the bidirectional embeddings, overrides and
///   isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source", which make a line read in another
///   order than it is written) as Swift escapes: `\u{9B}`, `\u{2028}`, `\u{202E}`. The marks
///   U+200E/U+200F and the joiners stay: right-to-left text and emoji need them.
public enum TerminalText {
    /// `text` with every control character shown as printable text.
    ///
    /// - Parameters:
    ///   - text: the text to show, as it came.
    ///   - keepingLineBreaks: keep `\n` (and drop the `\r` of `\r\n`) for text of several
    ///     lines; otherwise a line feed is `^J`, as everywhere a single line is expected.
    /// - Returns: `text` with its control characters made visible (as it is when it has none).
    public static func visible(_ text: some StringProtocol, keepingLineBreaks: Bool = false) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: needsEscaping) else { return String(text) }
        var result = String.UnicodeScalarView()
        var iterator = scalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if keepingLineBreaks {
                if scalar == "\n" || (scalar == "\r" && pending == "\n") {
                    if scalar == "\n" { result.append(scalar) }
                    continue
                }
            }
            append(scalar, to: &result)
        }
        return String(result)
    }

    /// Whether `visible(_:)` shows `scalar` as something else.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch value {
        case 0x09:
            result.append(" ")
        case 0x00...0x1F:
            result.append("^")
            result.append(Unicode.Scalar(UInt8(value + 0x40)))
        case 0x7F:
            result.append(contentsOf: "^?".unicodeScalars)
        case _ where needsEscaping(scalar):
            result.append(contentsOf: "\\u{\(String(value, radix: 16, uppercase: true))}".unicodeScalars)
        default:
            result.append(scalar)
        }
    }
}
