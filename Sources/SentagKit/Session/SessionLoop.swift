/// The only place a session meets the outside: reads a line, lets the session plan it, writes
/// the records, lets the session apply it, renders the events.
///
/// The same loop runs on a terminal (a libedit `LineSource`), on a pipe
/// (the executable's `PipedLineSource`) and in tests (`ScriptedLineSource`, `CapturedOutput`).
///
/// Durability: the records of a line are appended and fsynced before the session moves on. If
/// the store throws (a full disk), the loop shows the error, the session stays on the same
/// sentence, and the line can simply be typed again.
///
/// The loop also carries out what needs the terminal: `:guide` goes through the pager when the
/// source is interactive, and `:instant` (or `instant: true`) switches the source to single
/// keystrokes when it can.
public final class SessionLoop {
    public private(set) var session: LabelingSession
    private let input: any LineSource
    private let output: any SessionOutput
    private let journal: any JournalAppender
    private let screen: SessionScreen
    private let clock: () -> Timestamp
    private let moreWork: (() -> [Int])?
    private let guidelines: () -> Guidelines
    private let pager: ((String) -> Bool)?
    private let defaultColumns: Int
    private let startsInstant: Bool
    /// Whether the source reads single keystrokes now.
    public private(set) var instant = false

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

    /// A loop that feeds `session` the lines of `input`, appends its records to `journal` and
    /// draws its events on `output` with `screen`, each record stamped by `clock`.
    ///
    /// `guidelines` are the guidelines for `:guide`, read when asked for. `pager` shows a text
    /// through a pager on the terminal and says whether it could; it is only used when the
    /// source is interactive (otherwise, and when it cannot, the text is printed). `instant`
    /// starts in single-keystroke mode (`--instant`), when the source can. `defaultColumns` is
    /// the width when the source has no terminal (`$COLUMNS`, else 80).
    /// `moreWork` is asked for more corpus positions when the queue runs out (a team pool in a
    /// database hands out its next unit); an empty answer leaves the queue done.
    public init(
        session: LabelingSession, input: any LineSource, output: any SessionOutput, journal: any JournalAppender,
        screen: SessionScreen, clock: @escaping () -> Timestamp = Timestamp.now,
        guidelines: (() -> Guidelines)? = nil, pager: ((String) -> Bool)? = nil, instant: Bool = false,
        defaultColumns: Int = 80, moreWork: (() -> [Int])? = nil
    ) {
        self.moreWork = moreWork
        self.session = session
        self.input = input
        self.output = output
        self.journal = journal
        self.screen = screen
        self.clock = clock
        let labelSet = session.labelSet
        self.guidelines = guidelines ?? { Guidelines(markdown: nil, labelSet: labelSet) }
        self.pager = pager
        self.startsInstant = instant
        self.defaultColumns = defaultColumns
    }

    private var width: Int { input.columns ?? defaultColumns }

    /// Lines whose records could not be stored (a full disk): the command must not end with
    /// status 0 when there were any.
    public private(set) var unsavedDecisions = 0

    /// The prompt now: the question a run waits on, else the label keys.
    private var prompt: String {
        session.question ?? screen.prompt(proposal: session.proposedLabel, instant: instant)
    }

    /// Runs until `:quit`, the end of input, a second Ctrl-C, SIGHUP or SIGTERM, or a closed
    /// output.
    public func run() -> Outcome {
        input.onRedraw { [weak self] in self?.redraw() }
        if startsInstant { switchInstant(on: true, asked: "--instant") }
        let now = clock()
        emit(withMoreWork(session.start(at: now), at: now))
        var interruptArmed = false
        while true {
            let prompt = self.prompt
            if !input.isInteractive { output.write(prompt) }
            output.flush()
            if output.hasFailed { return .outputClosed }
            switch input.readLine(prompt: prompt) {
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
        var positions: [RecordPosition] = []
        if !step.records.isEmpty {
            do {
                positions = try journal.append(step.records)
            } catch {
                unsavedDecisions += 1
                emit([.problem("\(error); nothing was recorded: still on this sentence, type it again")])
                return false
            }
        }
        let events = withMoreWork(session.apply(step, at: now, positions: positions), at: now)
        emit(events)
        return events.contains(.quit)
    }

    /// `events`, with the end of the queue replaced by more work when `moreWork` has some.
    private func withMoreWork(_ events: [SessionEvent], at time: Timestamp) -> [SessionEvent] {
        guard let moreWork, events.contains(.finished) else { return events }
        let more = moreWork()
        guard !more.isEmpty else { return events }
        let extended = session.extendQueue(more, at: time)
        guard !extended.isEmpty else { return events }
        return events.filter { $0 != .finished } + extended
    }

    private func emit(_ events: [SessionEvent]) {
        for event in events {
            switch event {
            case .guide(let section): showGuide(section)
            case .toggleInstant: switchInstant(on: !instant, asked: ":instant")
            default: emitLines(screen.render(event, view: event == .show ? session.view() : nil, width: width))
            }
        }
    }

    private func emitLines(_ lines: [String]) {
        for line in lines { output.write(line + "\n") }
    }

    /// `:guide [topic]`: through the pager on a terminal, else printed.
    private func showGuide(_ topic: String?) {
        let guidelines = self.guidelines()
        var text = guidelines.text
        if let topic {
            switch guidelines.section(topic) {
            case .success(let section): text = section
            case .failure(let problem):
                emitLines(screen.render(.problem(problem.description), view: nil, width: width))
                return
            }
        }
        if input.isInteractive, let pager {
            output.flush()
            if pager(text) { return }
        }
        emitLines(screen.guideLines(text))
    }

    /// Switches single-keystroke mode, saying what changed or why it cannot.
    private func switchInstant(on: Bool, asked: String) {
        guard input.setInstant(on) else {
            emitLines(["\(asked) needs a terminal; lines are read one by one here, each ended by Enter"])
            return
        }
        instant = on
        emitLines(
            TextWrapper.wrap(
                on
                    ? "instant mode: a label key acts at once, without Enter; digits then a key label a run (3n); "
                        + ": opens the line for commands; :instant turns it off"
                    : "line mode: type a key or a name, then Enter",
                width: width, rest: "  "))
    }

    /// Draws the current sentence again at the current width (after a resize or Ctrl-Z/fg).
    private func redraw() {
        if let view = session.view() {
            emitLines(screen.render(view, width: width))
        }
        output.flush()
    }
}
