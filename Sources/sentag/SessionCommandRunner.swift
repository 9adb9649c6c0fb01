import ArgumentParser
import LineEditing
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Wires a prepared session (`label` or `review`) to the terminal, or to standard input and
/// output when either is not a terminal, runs it, and prints the closing lines.
///
/// SIGHUP and SIGTERM end the session between two lines (every decision shown as saved is on
/// disk already), with the closing lines when the output is still there, the terminal back in
/// its normal mode, and the status 128 + signal (thrown as an `ExitCode`).
enum SessionCommandRunner {
    /// Runs the session; throws (exit 1) when a decision could not be saved.
    ///
    /// `session` appends to `journal` and draws with `screen`; `:guide` reads the guidelines from
    /// `store`.
    /// `warnings` are the warning lines met while preparing, shown on standard error; `banner`
    /// the lines printed before the first sentence (the first one dimmed). `instant` starts in
    /// single-keystroke mode (`--instant`). `closing` gives the lines printed when the session
    /// ends, from the finished session.
    static func run(
        session: consuming LabelingSession, journal: any JournalAppender, store: any JournalStore,
        screen: SessionScreen,
        warnings: [String], banner: [String], instant: Bool = false, moreWork: (() -> [Int])? = nil,
        closing: (LabelingSession) -> [String]
    ) throws {
        let errors = OutputSink.standardError()
        for line in warnings { errors.line(TerminalText.visible(line)) }
        errors.flush()

        let output = OutputSink.standardOutput()
        let environment = ProcessEnvironment.current
        let labelSet = session.labelSet
        let documents = session.corpus.documents.map(\.id)
        let input: any LineSource
        var pager: ((String) -> Bool)?
        if LineEditor.isAvailable,
            let editor = LineEditor(
                programName: "sentag", historyPath: HistoryLocation.path(environment: environment),
                completer: { SessionCompletion.candidates(before: $0, labels: labelSet, documents: documents) })
        {
            input = TerminalLineSource(editor: editor)
            if let command = Pager.command(environment: environment) {
                pager = { text in
                    editor.restoreTerminal()
                    return Pager.show(text, command: command)
                }
            }
        } else {
            input = PipedLineSource()
        }
        for (i, line) in banner.map({ TerminalText.visible($0) }).enumerated() {
            output.line(i == 0 ? screen.style.dim + line + screen.style.reset : line)
        }
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
        let loop = SessionLoop(
            session: consume session, input: input, output: output, journal: journal, screen: screen,
            guidelines: { Guidelines.load(store: store, labelSet: labelSet) }, pager: pager, instant: instant,
            defaultColumns: columns, moreWork: moreWork)
        let outcome = loop.run()
        if outcome != .outputClosed {
            for line in closing(loop.session) { output.line(TerminalText.visible(line)) }
        }
        output.flush()
        journal.close()
        if case .terminated(let signal) = outcome { throw ExitCode(128 + signal) }
        if loop.unsavedDecisions > 0 {
            let n = loop.unsavedDecisions
            throw SentagFailure(
                "\(n) line\(n == 1 ? "" : "s") could not be saved to \(store.journalLocation(journal.annotator)) "
                    + "(see the messages above); everything the screen showed as saved is stored")
        }
    }
}
