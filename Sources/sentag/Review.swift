import ArgumentParser
import LineEditing
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension ReviewFilter: ExpressibleByArgument {}

extension Sentag {
    /// `sentag review`: the adjudication REPL, `sentag label`'s session over the disagreements.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Settle disagreements: step through them and record a final label.",
            discussion: """
                Shows each sentence whose annotators disagree, with its neighbours, every annotator's \
                label and note, and the counts; type the final label as in 'sentag label' (a key, a \
                name or a unique prefix, then Enter). Each decision is appended to \
                <annotations>/<adjudicator>.jsonl with "adjudicated": true and the votes it settles, \
                and synced to disk before the next item appears; 'sentag export' prefers it to the \
                votes. The adjudicator may also be an annotator: their own vote still counts. A new \
                session resumes at the first item the adjudicator has not settled. Type ? in the \
                session for all keys and commands; piped input is read line by line.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Option(help: "Who settles the disagreements (a name like an annotator's).")
        var adjudicator: String

        @Flag(help: "Review every item with at least two ratings (or --min-votes), agreeing or not.")
        var all = false

        @Option(name: .customLong("min-votes"), help: "Review only items with at least this many ratings.")
        var minVotes = 2

        @Option(help: "Which items to show: unsettled (resume), all (also those already settled), or flagged.")
        var only: ReviewFilter = .unsettled

        func validate() throws {
            if !AnnotatorName.isValid(adjudicator) {
                throw ValidationError(
                    "bad adjudicator name '\(adjudicator)'; use letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit), e.g. --adjudicator carol"
                )
            }
            if minVotes < 1 { throw ValidationError("--min-votes must be at least 1, not \(minVotes)") }
        }

        func run() throws {
            let preparation = try ReviewSetup.prepare(
                .init(
                    sources: source.resolved, annotationsDirectory: annotations.annotations, adjudicator: adjudicator,
                    criteria: ReviewCriteria(everyItem: all, minimumRatings: minVotes), filter: only))
            switch preparation {
            case .nothingToReview(let message):
                let output = OutputSink.standardOutput()
                output.line(message)
                output.flush()
            case .ready(let setup):
                _ = ReviewCommandRunner.run(setup)
            }
        }
    }
}

/// Wires a prepared review to the terminal or to standard input and output, as
/// `LabelCommandRunner` does for labeling, and prints the summary at the end.
enum ReviewCommandRunner {
    static func run(_ setup: ReviewSetup) -> SessionLoop.Outcome {
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
        let screen = SessionScreen(labelSet: session.labelSet, style: style, doneWord: "adjudicated", offersRuns: false)
        let environment = ProcessEnvironment.current
        let input: any LineSource
        let labelSet = session.labelSet
        let documents = session.corpus.documents.map(\.id)
        if LineEditor.isAvailable,
            let editor = LineEditor(
                programName: "sentag", historyPath: HistoryLocation.path(environment: environment),
                completer: { SessionCompletion.candidates(before: $0, labels: labelSet, documents: documents) })
        {
            input = TerminalLineSource(editor: editor)
        } else {
            input = StandardInputLineSource()
        }
        let items = setup.items
        let count = items.positions.count
        output.line(
            style.dim + "\(setup.log.annotator) · \(setup.log.path) · \(count) \(items.criteria.itemsNoun)"
                + " among \(items.table.annotators.joined(separator: ", "))" + style.reset)
        if let outside = setup.outsideNote { output.line(outside) }
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
        let guidePath = setup.guidePath
        let loop = SessionLoop(
            session: session, input: input, output: output, store: setup.log, screen: screen,
            guide: { LabelingSetup.guideText(path: guidePath, labelSet: labelSet) }, defaultColumns: columns)
        let outcome = loop.run()
        if outcome != .outputClosed {
            let stats = loop.session.stats(at: Timestamp.now())
            for line in ReviewSummary.lines(
                stats, criteria: items.criteria, adjudicator: setup.log.annotator, path: setup.log.path)
            {
                output.line(line)
            }
        }
        output.flush()
        setup.log.close()
        return outcome
    }
}
