import ArgumentParser
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

        @Flag(
            help:
                "Step through the labels 'sentag check' finds most likely wrong, most suspect first, with the model's alternative (Enter accepts it)."
        )
        var suspects = false

        func validate() throws {
            if !AnnotatorName.isValid(adjudicator) {
                throw ValidationError(
                    "bad adjudicator name '\(adjudicator)'; use letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit), e.g. --adjudicator carol"
                )
            }
            if minVotes < 1 { throw ValidationError("--min-votes must be at least 1, not \(minVotes)") }
        }

        func run() throws {
            let store = try annotations.store()
            guard store.exists else {
                throw StoreError.missing(
                    location: store.location, hint: "label first ('sentag label'), or pass --annotations DIR")
            }
            let options = ReviewSetup.Options(
                sources: source.resolved, adjudicator: adjudicator,
                criteria: ReviewCriteria(everyItem: all, minimumRatings: minVotes), filter: only)
            if suspects { return try runSuspects(options, store: store) }
            let preparation = try ReviewSetup.prepare(options, store: store)
            switch preparation {
            case .nothingToReview(let message):
                let output = OutputSink.standardOutput()
                output.line(message)
                output.flush()
            case .ready(let setup):
                let items = setup.items
                var banner = [
                    "\(adjudicator) · \(store.journalLocation(adjudicator)) · \(items.positions.count) \(items.criteria.itemsNoun)"
                        + " among \(items.table.annotators.joined(separator: ", "))"
                ]
                if let outside = setup.outsideNote { banner.append(outside) }
                let screen = SessionScreen(
                    labelSet: setup.session.labelSet, style: .forDescriptor(STDOUT_FILENO), doneWord: "adjudicated",
                    offersRuns: false)
                let path = store.journalLocation(adjudicator)
                try SessionCommandRunner.run(
                    session: setup.session, journal: setup.journal, store: store, screen: screen,
                    warnings: Diagnostic.lines(setup.warnings, total: setup.warningCount), banner: banner
                ) { session in
                    ReviewSummary.lines(
                        session.stats(at: Timestamp.now()), criteria: items.criteria, adjudicator: adjudicator,
                        path: path)
                }
            }
        }

        /// `--suspects`: the labels `check` doubts, most suspect first.
        func runSuspects(_ options: ReviewSetup.Options, store: any JournalStore) throws {
            switch try SuspectReview.prepare(options, store: store) {
            case .nothingToReview(let message):
                let output = OutputSink.standardOutput()
                output.line(message)
                output.flush()
            case .ready(let setup):
                let path = store.journalLocation(adjudicator)
                let count = setup.session.ledger.scopeCount
                let banner = [
                    "\(adjudicator) · \(path) · \(count) sentence\(count == 1 ? "" : "s") with a suspect label, most suspect first"
                ]
                let screen = SessionScreen(
                    labelSet: setup.session.labelSet, style: .forDescriptor(STDOUT_FILENO), doneWord: "adjudicated",
                    offersRuns: false)
                try SessionCommandRunner.run(
                    session: setup.session, journal: setup.journal, store: store, screen: screen,
                    warnings: Diagnostic.lines(setup.warnings, total: setup.warningCount), banner: banner
                ) { session in
                    let stats = session.stats(at: Timestamp.now())
                    let made = stats.decisionsThisSession
                    return [
                        "\(made) adjudication\(made == 1 ? "" : "s") this session, all saved in \(path)",
                        "\(stats.decided) of \(stats.total) suspect sentences settled by \(adjudicator), \(stats.left) left",
                    ] + SessionScreen.labelCounts(stats)
                }
            }
        }
    }
}
