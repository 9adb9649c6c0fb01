#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether to colour a stream, and the few escapes the tool uses.
///
/// Colour only when the stream is a terminal, `TERM` is not `dumb` and `NO_COLOR` is unset
/// (https://no-color.org). With colour off every style is the empty string, so callers never
/// branch.
public struct TerminalStyle: Sendable, Equatable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Decides from the environment and whether the stream is a terminal.
    public init(isTerminal: Bool, environment: [String: String]) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        enabled = isTerminal && !noColor && !dumb
    }

    /// For a file descriptor of this process, with this process's environment.
    public static func forDescriptor(_ fd: Int32) -> TerminalStyle {
        TerminalStyle(isTerminal: isatty(fd) == 1, environment: ProcessEnvironment.current)
    }

    public var bold: String { enabled ? "\u{1B}[1m" : "" }
    public var dim: String { enabled ? "\u{1B}[2m" : "" }
    public var red: String { enabled ? "\u{1B}[31m" : "" }
    public var green: String { enabled ? "\u{1B}[32m" : "" }
    public var yellow: String { enabled ? "\u{1B}[33m" : "" }
    public var magenta: String { enabled ? "\u{1B}[35m" : "" }
    public var cyan: String { enabled ? "\u{1B}[36m" : "" }
    public var reverse: String { enabled ? "\u{1B}[7m" : "" }
    public var reset: String { enabled ? "\u{1B}[0m" : "" }

    /// `error: ` in bold red when enabled.
    public var errorPrefix: String { "\(bold)\(red)error:\(reset) " }
    public var warningPrefix: String { "\(bold)\(yellow)warning:\(reset) " }
}

/// The process environment as a dictionary, read once.
public enum ProcessEnvironment {
    public static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }
}
