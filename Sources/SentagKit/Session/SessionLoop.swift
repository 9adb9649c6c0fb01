/// The only place a session meets the outside: reads a line, lets the session plan it, writes
/// the records, lets the session apply it, renders the events.
///
/// The same loop runs on a terminal (a libedit `LineSource`), on a pipe
/// (the executable's `PipedLineSource`) and in tests (`ScriptedLineSource`, `CapturedOutput`).
///
/// Durability: the records of a line are appended and fsynced before the session moves on. If
/// the store throws (a full disk), the loop shows the error, the session stays on the same
/// sentence, and the line can simply be typed again.
public final class SessionLoop {
    public private(set) var session: LabelingSession
    private let input: any LineSource
    private let output: any SessionOutput
    private let store: any DecisionStore
    private let screen: SessionScreen
    private let clock: () -> Timestamp
    private let guide: () -> String
    private let defaultColumns: Int

    /// How the loop ended.
    public enum Outcome: Equatable, Sendable {
        /// `:quit`.
        case quit
        /// Ctrl-D, the end of piped input, or a terminal that went away.
        case endOfInput
        /// Ctrl-C twice on an empty line.
        case interrupted
        /// Standard output could not be written any more.
        case outputClosed
        /// SIGHUP or SIGTERM (the signal's number); every decision shown as saved is on disk.
        case terminated(signal: Int32)
    }

    /// - Parameters:
    ///   - guide: the guidelines' text for `:guide` (or a message saying where they are missing).
    ///   - defaultColumns: the width when the source has no terminal (`$COLUMNS`, else 80).
    public init(
        session: LabelingSession, input: any LineSource, output: any SessionOutput, store: any DecisionStore,
        screen: SessionScreen, clock: @escaping () -> Timestamp = Timestamp.now,
        guide: @escaping () -> String = { "no guidelines" }, defaultColumns: Int = 80
    ) {
        self.session = session
        self.input = input
        self.output = output
        self.store = store
        self.screen = screen
        self.clock = clock
        self.guide = guide
        self.defaultColumns = defaultColumns
    }

    private var width: Int { input.columns ?? defaultColumns }

    /// Runs until `:quit`, the end of input, a second Ctrl-C, SIGHUP or SIGTERM, or a closed
    /// output.
    public func run() -> Outcome {
        input.onRedraw { [weak self] in self?.redraw() }
        emit(session.start(at: clock()))
        var interruptArmed = false
        while true {
            if !input.isInteractive { output.write(screen.prompt) }
            output.flush()
            if output.hasFailed { return .outputClosed }
            switch input.readLine(prompt: screen.prompt) {
            case .end:
                output.write("\n")
                output.flush()
                return .endOfInput
            case .terminated(let signal):
                output.write("\n")
                output.flush()
                return .terminated(signal: signal)
            case .interrupt(let hadText):
                if !input.isInteractive { output.write("^C\n") }
                if hadText {
                    interruptArmed = false
                    continue
                }
                if interruptArmed {
                    output.flush()
                    return .interrupted
                }
                interruptArmed = true
                emitLines(["(Ctrl-C again quits; every decision is already saved)"])
            case .line(let text):
                interruptArmed = false
                if !input.isInteractive { output.write(TerminalText.visible(text) + "\n") }
                if handle(text) { return .quit }
            }
        }
    }

    /// Plans, saves, applies and shows one line; true when the session should end.
    private func handle(_ line: String) -> Bool {
        let now = clock()
        let step = session.plan(line, at: now)
        if !step.records.isEmpty {
            do {
                try store.append(step.records)
            } catch {
                emit([.problem("\(error); nothing changed: still on this sentence, type it again")])
                return false
            }
        }
        let events = session.apply(step, at: now)
        emit(events)
        return events.contains(.quit)
    }

    private func emit(_ events: [SessionEvent]) {
        for event in events {
            emitLines(screen.render(event, view: session.view(), width: width, guide: guide))
        }
    }

    private func emitLines(_ lines: [String]) {
        for line in lines { output.write(line + "\n") }
    }

    /// Draws the current sentence again at the current width (after a resize or Ctrl-Z/fg).
    private func redraw() {
        if let view = session.view() {
            emitLines(screen.render(view, width: width))
        }
        output.flush()
    }
}
