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

        @Option(parsing: .unconditional, help: "Who is labeling (default: $SENTAG_ANNOTATOR, else $USER).")
        var annotator: String?

        @Option(parsing: .unconditional, help: "The order of the sentences: document or shuffle.")
        var order: SessionQueue.Order = .document

        @Option(
            parsing: .unconditional,
            help: "The seed of --order shuffle (default: one derived from the annotator's name).",
            transform: OptionValue.seed())
        var seed: UInt64?

        @Option(parsing: .unconditional, help: "Which sentences to show: unlabeled (resume), all, or flagged.")
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
            var banner = "\(setup.log.annotator) · \(setup.log.path)"
            if order == .shuffle { banner += " · shuffled with seed \(setup.seed)" }
            let path = setup.log.path
            _ = try SessionCommandRunner.run(
                session: setup.session, log: setup.log,
                screen: SessionScreen(labelSet: setup.session.labelSet, style: .forDescriptor(STDOUT_FILENO)),
                warnings: setup.warnings, guidePath: setup.guidePath, banner: [banner]
            ) { session in
                let made = session.decisionsThisSession
                return ["\(made) decision\(made == 1 ? "" : "s") this session, all saved in \(path)"]
            }
        }
    }
}
