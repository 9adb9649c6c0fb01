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
                name or a unique prefix, then Enter. With a plan in the annotations folder ('sentag \
                plan'), only the annotator's share is shown, and the sources default to the plan's. Every decision is appended to \
                <annotations>/<annotator>.jsonl and synced to disk before the next sentence appears. \
                Type ? in the session for all keys and commands. When standard input is not a \
                terminal, lines are read from it (one command per line) and the session ends at the \
                end of input.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Option(parsing: .unconditional, help: "Who is labeling (default: $SENTAG_ANNOTATOR, else $USER).")
        var annotator: String?

        @Option(
            parsing: .unconditional,
            help:
                "The order of the sentences: document, shuffle, or uncertain (those the model is least sure of first)."
        )
        var order: SessionQueue.Order = .document

        @Option(
            parsing: .unconditional,
            help: "The seed of --order shuffle (default: one derived from the annotator's name).",
            transform: OptionValue.seed())
        var seed: UInt64?

        @Option(parsing: .unconditional, help: "Which sentences to show: unlabeled (resume), all, or flagged.")
        var only: SessionQueue.Filter = .unlabeled

        @Option(help: "Sentences shown either side of the one to label, 0 to 5 (:context N in the session).")
        var context = 1

        @Flag(help: "Single keystrokes: a label key acts at once, without Enter; ':' opens the line for commands.")
        var instant = false

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Show the model's suggestion (or a duplicate's label) under each sentence; Enter takes it.",
                valueName: "on|off"))
        var suggest: Switch = .on

        @Flag(help: "A blind round: no suggestion, no duplicate's label, no :similar.")
        var blind = false

        func validate() throws {
            if let annotator, !AnnotatorName.isValid(annotator) {
                throw ValidationError(StoreError.badAnnotatorName(annotator).description)
            }
            if !(0...SessionCommand.maximumContext).contains(context) {
                throw ValidationError("--context must be from 0 to \(SessionCommand.maximumContext), not \(context)")
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
                    sourcesGiven: !source.sources.isEmpty, suggestions: suggestions), store: store)
            let path = store.journalLocation(name)
            var first = "\(name) · \(path)"
            if let share = setup.plannedQueue {
                first += " · your share of the plan: \(share.count) sentence\(share.count == 1 ? "" : "s")"
                if share.isAbsent { first += " (marked absent: 'sentag plan --add \(name)' brings you back)" }
            }
            if order == .shuffle { first += " · shuffled with seed \(setup.seed)" }
            if let note = setup.orderNote { first += " · \(note)" }
            if blind { first += " · blind: no suggestions" }
            var banner = [first]
            let environment = ProcessEnvironment.current
            if name == "root" && annotator == nil && (environment["SENTAG_ANNOTATOR"] ?? "").isEmpty {
                banner.append("labeling as root; pass --annotator NAME (or set SENTAG_ANNOTATOR) to label as yourself")
            }
            let (journal, warnings) = (setup.journal, Diagnostic.lines(setup.warnings, total: setup.warningCount))
            let moreWork = setup.moreWork
            // The session alone holds the decision table from here on, so its first decision
            // changes it in place instead of copying it (a million-slot lane is tens of MB).
            let model = setup.suggestions
            defer {
                // A model still training in the background is worth finishing for the next session.
                if let model, model.isTraining {
                    let errors = OutputSink.standardError()
                    errors.line(
                        "finishing the model for the next session (up to 15 s; Ctrl-C skips it, nothing is lost)")
                    errors.flush()
                    model.finishTraining(waitingUpTo: 15)
                }
            }
            var session = (consume setup).session
            session.setContext(context)
            let screen = SessionScreen(
                labelSet: session.labelSet, style: .forDescriptor(STDOUT_FILENO),
                proposalHelp: suggest == .on && !blind
                    ? "an empty line takes the suggestion shown under the sentence (the model's, or a duplicate's label)"
                    : nil)
            try SessionCommandRunner.run(
                session: consume session, journal: journal, store: store, screen: screen, warnings: warnings,
                banner: banner, instant: instant, moreWork: moreWork
            ) { session in
                screen.closing(session.stats(at: Timestamp.now()), path: path)
            }
        }
    }
}
