import ArgumentParser
import LineEditing
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension SessionQueue.Order: ExpressibleByArgument {}
extension SessionQueue.Filter: ExpressibleByArgument {}

extension Sentag {
    /// `sentag label`: the labeling REPL.
    struct Label: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Label sentences one by one: a key and Enter per sentence.",
            discussion: """
                Shows each sentence with its neighbours; type a label key (c, q, p, n by default), its \
                name or a unique prefix, then Enter. Every decision is appended to \
                <annotations>/<annotator>.jsonl and synced to disk before the next sentence appears. \
                Type ? in the session for all keys and commands. When standard input is not a \
                terminal, lines are read from it (one command per line) and the session ends at the \
                end of input.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Option(help: "Who is labeling (default: $SENTAG_ANNOTATOR, else $USER).")
        var annotator: String?

        @Option(help: "The order of the sentences: document or shuffle.")
        var order: SessionQueue.Order = .document

        @Option(help: "The seed of --order shuffle (default: one derived from the annotator's name).")
        var seed: UInt64?

        @Option(help: "Which sentences to show: unlabeled (resume), all, or flagged.")
        var only: SessionQueue.Filter = .unlabeled

        func validate() throws {
            if let annotator, !AnnotatorName.isValid(annotator) {
                throw ValidationError(AnnotationError.badAnnotatorName(annotator).description)
            }
        }

        func run() throws {
            let account = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
            let name = try LabelingSetup.annotator(
                option: annotator, environment: ProcessEnvironment.current, account: account)
            let setup = try LabelingSetup.prepare(
                .init(
                    sources: source.resolved, annotationsDirectory: annotations.annotations, annotator: name,
                    order: order, seed: seed, filter: only))
            let outcome = LabelCommandRunner.run(setup, order: order)
            _ = outcome
        }
    }
}

/// Wires a prepared session to the terminal or to standard input and output.
enum LabelCommandRunner {
    static func run(_ setup: LabelingSetup, order: SessionQueue.Order) -> SessionLoop.Outcome {
        signal(SIGPIPE, SIG_IGN)
        let errors = OutputSink.standardError()
        let warningPrefix = TerminalStyle.forDescriptor(STDERR_FILENO).warningPrefix
        for warning in setup.warnings.prefix(20) {
            errors.line("\(warning.path):\(warning.line): \(warningPrefix)\(warning.reason); line skipped")
        }
        if setup.warnings.count > 20 { errors.line("… and \(setup.warnings.count - 20) more bad lines") }
        errors.flush()

        let session = setup.session
        let output = OutputSink.standardOutput()
        let style = TerminalStyle.forDescriptor(STDOUT_FILENO)
        let screen = SessionScreen(labelSet: session.labelSet, style: style)
        let environment = ProcessEnvironment.current
        let input: any LineSource
        let editor: LineEditor?
        if LineEditor.isAvailable {
            let labelSet = session.labelSet
            let documents = session.corpus.documents.map(\.id)
            editor = LineEditor(
                programName: "sentag", historyPath: HistoryLocation.path(environment: environment),
                completer: { SessionCompletion.candidates(before: $0, labels: labelSet, documents: documents) })
        } else {
            editor = nil
        }
        if let editor {
            input = TerminalLineSource(editor: editor)
        } else {
            input = StandardInputLineSource()
        }
        var banner = "\(setup.log.annotator) · \(setup.log.path)"
        if order == .shuffle { banner += " · shuffled with seed \(setup.seed)" }
        output.line(style.dim + banner + style.reset)
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
        let guidePath = setup.guidePath
        let labelSet = session.labelSet
        let loop = SessionLoop(
            session: session, input: input, output: output, store: setup.log, screen: screen,
            guide: { LabelingSetup.guideText(path: guidePath, labelSet: labelSet) }, defaultColumns: columns)
        let outcome = loop.run()
        let made = loop.session.decisionsThisSession
        if outcome != .outputClosed {
            output.line("\(made) decision\(made == 1 ? "" : "s") this session, all saved in \(setup.log.path)")
        }
        output.flush()
        setup.log.close()
        return outcome
    }
}
