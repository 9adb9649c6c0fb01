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
    /// - Parameters:
    ///   - warnings: bad lines met while preparing, shown on standard error (20 at most).
    ///   - banner: lines printed before the first sentence (the first one dimmed).
    ///   - closing: the lines printed when the session ends, from the finished session.
    static func run(
        session: LabelingSession, log: AnnotationLog, screen: SessionScreen, warnings: [LabelFileWarning],
        guidePath: String, banner: [String], closing: (LabelingSession) -> [String]
    ) throws -> SessionLoop.Outcome {
        let errors = OutputSink.standardError()
        let warningPrefix = TerminalStyle.forDescriptor(STDERR_FILENO).warningPrefix
        for warning in warnings.prefix(20) {
            let text = TerminalText.visible("\(warning.reason); line skipped")
            errors.line("\(TerminalText.visible(warning.path)):\(warning.line): \(warningPrefix)\(text)")
        }
        if warnings.count > 20 { errors.line("… and \(warnings.count - 20) more bad lines") }
        errors.flush()

        let output = OutputSink.standardOutput()
        let environment = ProcessEnvironment.current
        let labelSet = session.labelSet
        let documents = session.corpus.documents.map(\.id)
        let input: any LineSource
        if LineEditor.isAvailable,
            let editor = LineEditor(
                programName: "sentag", historyPath: HistoryLocation.path(environment: environment),
                completer: { SessionCompletion.candidates(before: $0, labels: labelSet, documents: documents) })
        {
            input = TerminalLineSource(editor: editor)
        } else {
            input = PipedLineSource()
        }
        for (i, line) in banner.map({ TerminalText.visible($0) }).enumerated() {
            output.line(i == 0 ? screen.style.dim + line + screen.style.reset : line)
        }
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
        let loop = SessionLoop(
            session: session, input: input, output: output, store: log, screen: screen,
            guide: { LabelingSetup.guideText(path: guidePath, labelSet: labelSet) }, defaultColumns: columns)
        let outcome = loop.run()
        if outcome != .outputClosed {
            for line in closing(loop.session) { output.line(TerminalText.visible(line)) }
        }
        output.flush()
        log.close()
        if case .terminated(let signal) = outcome { throw ExitCode(128 + signal) }
        return outcome
    }
}
