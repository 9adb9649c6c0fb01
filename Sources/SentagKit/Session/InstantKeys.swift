/// Single-keystroke mode (`--instant`, `:instant`): turns keys, as the terminal sends them, into
/// the lines the session understands, so a label key acts without Enter.
///
/// - A key that is not a digit, `:` or a control key is a whole line at once: `c` → `c`.
/// - Digits first make a count for the key after them: `3n` → `n 3` (a run; a count of one
///   digit or more, without a leading 0).
/// - `:` opens the line editor, with the `:` already typed, for commands.
/// - Enter alone is an empty line (a review's proposal); Backspace takes back a digit; Escape
///   (and the rest of an arrow key's sequence) drops the count; Ctrl-D on nothing ends input.
///
/// Pure: the terminal source feeds it and writes what `echo` says.
public struct InstantKeys: Sendable {
    /// The digits typed so far.
    public private(set) var count = ""
    private var escape: EscapeState = .none

    private enum EscapeState: Sendable {
        case none
        /// After ESC.
        case started
        /// Inside `ESC [` or `ESC O`, until the final byte.
        case sequence
    }

    public init() {}

    /// What one key does.
    public enum Outcome: Equatable, Sendable {
        /// A complete line for the session.
        case line(String)
        /// Nothing complete yet; write `echo` (a digit, or backspaces) to the terminal.
        case pending(echo: String)
        /// Open the line editor with `text` typed (`:`).
        case openLine(String)
        /// Ctrl-D on nothing: the end of input.
        case end
    }

    /// Whether a count is being typed (Ctrl-C then clears it).
    public var hasText: Bool { !count.isEmpty }

    public mutating func feed(_ key: Character) -> Outcome {
        switch escape {
        case .started:
            escape = key == "[" || key == "O" ? .sequence : .none
            return .pending(echo: "")
        case .sequence:
            if let scalar = key.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) { escape = .none }
            return .pending(echo: "")
        case .none:
            break
        }
        switch key {
        case "\u{1B}":
            escape = .started
            return .pending(echo: clear())
        case "\u{7F}", "\u{08}":
            guard !count.isEmpty else { return .pending(echo: "") }
            count.removeLast()
            return .pending(echo: "\u{08} \u{08}")
        case "\u{04}":
            return count.isEmpty ? .end : .pending(echo: clear())
        case "\r", "\n", "\r\n":
            guard count.isEmpty else { return .pending(echo: "") }
            return .line("")
        case ":":
            count = ""
            return .openLine(":")
        default:
            break
        }
        if key.isASCII && key.isNumber {
            guard !(count.isEmpty && key == "0"), count.count < 3 else { return .pending(echo: "") }
            count.append(key)
            return .pending(echo: String(key))
        }
        guard let scalar = key.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F, key != " " else {
            return .pending(echo: "")
        }
        let line = count.isEmpty ? String(key) : "\(key) \(count)"
        count = ""
        return .line(line)
    }

    /// Drops the count; the backspaces that erase it on screen.
    private mutating func clear() -> String {
        let erase = String(repeating: "\u{08} \u{08}", count: count.count)
        count = ""
        return erase
    }
}
