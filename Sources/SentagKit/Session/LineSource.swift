/// Where a session's lines come from: a line editor on a terminal, standard input when piped,
/// or a script in tests.
public protocol LineSource: AnyObject {
    /// Waits for the next line (without its newline). A terminal source shows `prompt` itself.
    func readLine(prompt: String) -> LineInput
    /// True when the source draws the prompt and shows what is typed (a line editor on a
    /// terminal); otherwise the loop writes the prompt and echoes each line into the output,
    /// so a piped transcript reads like a terminal session.
    var isInteractive: Bool { get }
    /// The terminal's width in columns, when there is a terminal.
    var columns: Int? { get }
    /// A closure the source calls when the screen must be drawn again (the terminal was
    /// resized, or the process came back from Ctrl-Z); the source redraws its own line after.
    func onRedraw(_ redraw: @escaping () -> Void)
    /// Switches single-keystroke mode (a label key acts without Enter); false when the source
    /// cannot, having no terminal.
    func setInstant(_ on: Bool) -> Bool
}

extension LineSource {
    public var columns: Int? { nil }
    public func onRedraw(_ redraw: @escaping () -> Void) {}
    public func setInstant(_ on: Bool) -> Bool { false }
}

/// What reading a line gave.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C. `hadText`: the line had text, which was discarded; false on an empty line.
    case interrupt(hadText: Bool)
    /// Ctrl-D on an empty line, the end of piped input, or a terminal that went away.
    case end
    /// SIGHUP or SIGTERM (the signal's number): the session ends at once.
    case terminated(signal: Int32)
}

/// A fixed list of inputs, then the end: drives a session in tests exactly like a pipe.
public final class ScriptedLineSource: LineSource {
    private var inputs: [LineInput]
    private var nextIndex = 0
    /// The prompts the loop asked with, one per read.
    public private(set) var prompts: [String] = []
    /// Runs before each read with its index, for example to simulate a resize between lines.
    public var beforeRead: ((Int) -> Void)?
    private var redraw: (() -> Void)?

    public init(_ lines: [String]) {
        inputs = lines.map { .line($0) }
    }

    public init(inputs: [LineInput]) {
        self.inputs = inputs
    }

    public var isInteractive: Bool { false }

    /// Whether `setInstant` succeeds, as on a terminal (the lines are still whole lines).
    public var acceptsInstant = false

    public func setInstant(_ on: Bool) -> Bool { acceptsInstant }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        beforeRead?(nextIndex)
        guard nextIndex < inputs.count else { return .end }
        defer { nextIndex += 1 }
        return inputs[nextIndex]
    }

    public func onRedraw(_ redraw: @escaping () -> Void) {
        self.redraw = redraw
    }

    /// Calls the loop's redraw closure, as a terminal source does on resize.
    public func simulateRedraw() {
        redraw?()
    }
}
