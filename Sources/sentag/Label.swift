import ArgumentParser
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

        @Option(
            help:
                "The order of the sentences: document, shuffle, or uncertain (those the model is least sure of first)."
        )
        var order: SessionQueue.Order = .document

        @Option(help: "The seed of --order shuffle (default: one derived from the annotator's name).")
        var seed: UInt64?

        @Option(help: "Which sentences to show: unlabeled (resume), all, or flagged.")
        var only: SessionQueue.Filter = .unlabeled

        @Option(
            help: ArgumentHelp(
                "Show the model's suggestion (or a duplicate's label) under each sentence; Enter accepts it.",
                valueName: "on|off"))
        var suggest: Switch = .on

        @Flag(help: "A blind round: no suggestion, no duplicate's label, no :similar.")
        var blind = false

        func validate() throws {
            if let annotator, !AnnotatorName.isValid(annotator) {
                throw ValidationError(StoreError.badAnnotatorName(annotator).description)
            }
        }

        func run() throws {
            let account = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
            let name = try LabelingSetup.annotator(
                option: annotator, environment: ProcessEnvironment.current, account: account)
            let store = try annotations.store()
            let suggestions = ModelSuggestions.Options(
                suggest: suggest == .on, model: (suggest == .on && !blind) || order == .uncertain, blind: blind)
            let setup = try LabelingSetup.prepare(
                .init(
                    sources: source.resolved, annotator: name, order: order, seed: seed, filter: only,
                    suggestions: suggestions), store: store)
            let path = store.journalLocation(name)
            var banner = "\(name) · \(path)"
            if order == .shuffle { banner += " · shuffled with seed \(setup.seed)" }
            if let note = setup.orderNote { banner += " · \(note)" }
            if blind { banner += " · blind: no suggestions" }
            defer {
                // A model still training in the background is worth finishing for the next session.
                if let suggestions = setup.suggestions, suggestions.isTraining {
                    let errors = OutputSink.standardError()
                    errors.line(
                        "finishing the model for the next session (up to 15 s; Ctrl-C skips it, nothing is lost)")
                    errors.flush()
                    suggestions.finishTraining(waitingUpTo: 15)
                }
            }
            try SessionCommandRunner.run(
                session: setup.session, journal: setup.journal, store: store,
                screen: SessionScreen(labelSet: setup.session.labelSet, style: .forDescriptor(STDOUT_FILENO)),
                warnings: Diagnostic.lines(setup.warnings, total: setup.warningCount), banner: [banner]
            ) { session in
                let made = session.decisionsThisSession
                return ["\(made) decision\(made == 1 ? "" : "s") this session, all saved in \(path)"]
            }
        }
    }
}
