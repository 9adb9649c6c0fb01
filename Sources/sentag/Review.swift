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
                name or a unique prefix, then Enter), or Enter alone to accept the majority label the \
                prompt shows (when one label has most votes). Each decision is appended to \
                <annotations>/<adjudicator>.jsonl with "adjudicated": true and the votes it settles, \
                and synced to disk before the next item appears; 'sentag export' prefers it to the \
                votes. The adjudicator may also be an annotator: their own vote still counts. A new \
                session resumes at the first item the adjudicator has not settled. Type ? in the \
                session for all keys and commands; piped input is read line by line.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Option(parsing: .unconditional, help: "Who settles the disagreements (a name like an annotator's).")
        var adjudicator: String

        @Flag(help: "Review every item with at least two ratings (or --min-votes), agreeing or not.")
        var all = false

        @Option(
            name: .customLong("min-votes"), parsing: .unconditional,
            help: "Review only items with at least this many ratings. (default: 2)",
            transform: OptionValue.count(1...Int.max, of: "ratings"))
        var minVotes = 2

        @Option(
            parsing: .unconditional,
            help: "Which items to show: unsettled (resume), all (also those already settled), or flagged.")
        var only: ReviewFilter = .unsettled

        @Flag(help: "Hide who voted what: votes are shown as annotator 1, 2, … in a shuffled order.")
        var blind = false

        @Option(help: "Sentences shown either side of the item, 0 to 5 (:context N in the session).")
        var context = 1

        @Flag(help: "Single keystrokes: a label key acts at once, without Enter; ':' opens the line for commands.")
        var instant = false

        @Flag(
            help:
                "Step through the labels 'sentag check' finds most likely wrong, most suspect first, with the model's alternative (Enter takes it)."
        )
        var suspects = false

        func validate() throws {
            if !AnnotatorName.isValid(adjudicator) {
                throw ValidationError(
                    "bad adjudicator name '\(adjudicator)'; use letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit), e.g. --adjudicator carol"
                )
            }
            if !(0...SessionCommand.maximumContext).contains(context) {
                throw ValidationError("--context must be from 0 to \(SessionCommand.maximumContext), not \(context)")
            }
        }

        func run() throws {
            let store = try annotations.store()
            guard store.exists else {
                throw StoreError.missing(
                    location: store.location, hint: "label first ('sentag label'), or pass --annotations DIR")
            }
            let options = ReviewSetup.Options(
                sources: try source.resolved(planIn: store), adjudicator: adjudicator,
                criteria: ReviewCriteria(everyItem: all, minimumRatings: minVotes), filter: only, blind: blind)
            if suspects { return try runSuspects(options, store: store) }
            let preparation = try ReviewSetup.prepare(options, store: store)
            switch consume preparation {
            case .nothingToReview(let message):
                let output = OutputSink.standardOutput()
                output.line(TerminalText.visible(message))
                output.flush()
            case .ready(let setup):
                let items = setup.items
                let among =
                    blind
                    ? "\(items.table.annotators.count) annotators (blind: names hidden)"
                    : items.table.annotators.joined(separator: ", ")
                var banner = [
                    "\(adjudicator) · \(store.journalLocation(adjudicator)) · \(items.positions.count) \(items.criteria.itemsNoun)"
                        + " among \(among)"
                ]
                if let outside = setup.outsideNote { banner.append(outside) }
                let screen = SessionScreen(
                    labelSet: setup.session.labelSet, style: .forDescriptor(STDOUT_FILENO), doneWord: "adjudicated",
                    offersRuns: false, proposalHelp: ReviewSetup.proposalHelp)
                let path = store.journalLocation(adjudicator)
                let (journal, warnings) = (setup.journal, Diagnostic.lines(setup.warnings, total: setup.warningCount))
                var session = (consume setup).session
                session.setContext(context)
                try SessionCommandRunner.run(
                    session: consume session, journal: journal, store: store, screen: screen, warnings: warnings,
                    banner: banner, instant: instant
                ) { session in
                    ReviewSummary.lines(
                        session.stats(at: Timestamp.now()), criteria: items.criteria, adjudicator: adjudicator,
                        path: path)
                }
            }
        }

        /// `--suspects`: the labels `check` doubts, most suspect first.
        func runSuspects(_ options: ReviewSetup.Options, store: any JournalStore) throws {
            let preparation = try SuspectReview.prepare(options, store: store)
            switch consume preparation {
            case .nothingToReview(let message):
                let output = OutputSink.standardOutput()
                output.line(TerminalText.visible(message))
                output.flush()
            case .ready(let setup):
                let path = store.journalLocation(adjudicator)
                let count = setup.session.ledger.scopeCount
                let banner = [
                    "\(adjudicator) · \(path) · \(count) sentence\(count == 1 ? "" : "s") with a suspect label, most suspect first"
                ]
                let screen = SessionScreen(
                    labelSet: setup.session.labelSet, style: .forDescriptor(STDOUT_FILENO), doneWord: "adjudicated",
                    offersRuns: false, proposalHelp: "on an empty line: the alternative shown under the sentence")
                let (journal, warnings) = (setup.journal, Diagnostic.lines(setup.warnings, total: setup.warningCount))
                var session = (consume setup).session
                session.setContext(context)
                try SessionCommandRunner.run(
                    session: consume session, journal: journal, store: store, screen: screen, warnings: warnings,
                    banner: banner, instant: instant
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
