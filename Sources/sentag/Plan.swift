import ArgumentParser
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension Sentag {
    /// `sentag plan`: make, show and change the team's plan.
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Share the corpus among annotators: overlap, gold checks, progress, absentees.",
            discussion: """
                'sentag plan --annotators alice,bob,carol --overlap 0.2 --k 2' writes plan.json into the \
                annotations folder: every sentence goes to one annotator, and a fraction F (--overlap) to K \
                annotators each, for agreement. Shares are balanced by sentence count and made of whole \
                documents where the corpus has enough of them. Every machine derives the same queues from \
                plan.json and the corpus alone; 'sentag label --annotator alice' then steps through alice's \
                share. --gold FILE mixes sentences with known labels into every queue (--gold-rate, default \
                0.05) to measure accuracy. Later: --status shows progress; --queue NAME lists a share; --rebalance hands the unstarted \
                work of absent annotators (--absent NAMES, or --idle 3d) to the others; --add NAMES brings \
                annotators in; --extend plans documents added to the corpus. A plan holds no time and no \
                machine name: two leads who plan the same corpus the same way write the same file.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Option(
            help: ArgumentHelp("Make a plan for these annotators (comma-separated).", valueName: "A,B,…"),
            transform: Self.names)
        var annotators: [String]?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The fraction of sentences labeled by K annotators each (0 to 1).", valueName: "F"),
            transform: OptionValue.fraction)
        var overlap: Double?

        @Option(
            parsing: .unconditional, help: ArgumentHelp("Annotators per overlap item (default 2).", valueName: "K"),
            transform: OptionValue.count(1...Int.max, of: "annotators"))
        var k: Int?

        @Option(
            parsing: .unconditional,
            help: "The seed of the plan (the same seed, roster and corpus give the same plan; default 1).",
            transform: OptionValue.seed(upTo: Plan.largestSeed))
        var seed: UInt64?

        @Option(
            help: ArgumentHelp("JSON lines with \"id\" and \"label\": sentences with known labels.", valueName: "FILE"))
        var gold: String?

        @Option(
            name: .customLong("gold-rate"), parsing: .unconditional,
            help: ArgumentHelp("The share of each queue that is gold (default 0.05).", valueName: "R"),
            transform: OptionValue.rate)
        var goldRate: Double?

        @Flag(help: "Replace the plan in the store with a new one (decisions are kept).")
        var replace = false

        @Flag(help: "Show each annotator's progress and the overlap items complete.")
        var status = false

        @Flag(help: "With --status: one JSON object; with --queue: one JSON object per sentence.")
        var json = false

        @Option(help: ArgumentHelp("List an annotator's queue in order, with what each item is.", valueName: "NAME"))
        var queue: String?

        @Flag(help: "Hand the unstarted work of absent annotators (--absent or --idle) to the others.")
        var rebalance = false

        @Option(
            help: ArgumentHelp("With --rebalance: the annotators who are away.", valueName: "A,B,…"),
            transform: Self.names)
        var absent: [String]?

        @Option(
            help: ArgumentHelp(
                "With --rebalance: everyone who has not labeled for this long (or ever) is away: 90m, 12h, 3d, 2w.",
                valueName: "DURATION"))
        var idle: String?

        @Option(
            help: ArgumentHelp(
                "Add annotators (or bring back absent ones); they take unstarted work.", valueName: "A,B,…"),
            transform: Self.names)
        var add: [String]?

        @Flag(help: "Plan the documents added to (or edited in) the corpus since the plan was made.")
        var extend = false

        static func names(_ text: String) -> [String] {
            text.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        }

        /// The options of `--annotators`, with `--k` defaulting to 2 (1 for a roster of one).
        var makeOptions: PlanMaker.Options? {
            guard let annotators else { return nil }
            return PlanMaker.Options(
                annotators: annotators, overlap: overlap ?? 0, k: k ?? min(2, max(annotators.count, 1)),
                seed: seed ?? 1, sources: source.resolved, goldFile: gold, goldRate: goldRate)
        }

        func validate() throws {
            let modes = [annotators != nil, status, rebalance, add != nil, extend, queue != nil].filter { $0 }.count
            if modes == 0 {
                throw ValidationError(
                    "say what to do: --annotators A,B,… makes a plan; --status, --rebalance, --add or --extend show or change it"
                )
            }
            if modes > 1 {
                throw ValidationError(
                    "--annotators, --status, --queue, --rebalance, --add and --extend go one at a time")
            }
            let makes = overlap != nil || k != nil || seed != nil || gold != nil || goldRate != nil || replace
            if makes && annotators == nil {
                throw ValidationError(
                    "--overlap, --k, --seed, --gold, --gold-rate and --replace go with --annotators (making a plan)")
            }
            if json && !status && queue == nil { throw ValidationError("--json goes with --status or --queue") }
            if let queue, !AnnotatorName.isValid(queue) {
                throw ValidationError(StoreError.badAnnotatorName(queue).description + " (in --queue)")
            }
            if (absent != nil || idle != nil) && !rebalance {
                throw ValidationError("--absent and --idle go with --rebalance")
            }
            if rebalance && (absent == nil) == (idle == nil) {
                throw ValidationError("--rebalance needs --absent NAMES or --idle DURATION (one of them)")
            }
            if let idle, Self.seconds(idle) == nil {
                throw ValidationError("--idle '\(idle)' is not a duration; write a number and a unit: 90m, 12h, 3d, 2w")
            }
            if let goldRate, gold == nil, goldRate > 0 { throw ValidationError("--gold-rate needs --gold FILE") }
            for (flag, list) in [("--absent", absent), ("--add", add)] {
                guard let list else { continue }
                if list.isEmpty { throw ValidationError("\(flag) needs at least one name") }
                for name in list where !AnnotatorName.isValid(name) {
                    throw ValidationError(StoreError.badAnnotatorName(name).description + " (in \(flag))")
                }
            }
            if let options = makeOptions, let problem = options.problem { throw ValidationError(problem) }
        }

        /// `90m`, `12h`, `3d`, `2w`, `45s` in seconds.
        static func seconds(_ text: String) -> Double? {
            guard let unit = text.last, let number = Double(text.dropLast()), number > 0, number.isFinite else {
                return nil
            }
            switch unit {
            case "s": return number
            case "m": return number * 60
            case "h": return number * 3600
            case "d": return number * 86_400
            case "w": return number * 604_800
            default: return nil
            }
        }

        func run() throws {
            signal(SIGPIPE, SIG_IGN)
            let store = try annotations.store()
            let output: PlanOperations.Output
            if let options = makeOptions {
                output = try PlanOperations.make(options, replace: replace, store: store)
            } else if status {
                output = try PlanOperations.status(
                    sources: source.sources, json: json, style: .forDescriptor(STDOUT_FILENO), store: store)
            } else if let queue {
                output = try PlanOperations.queue(queue, sources: source.sources, json: json, store: store)
            } else if rebalance {
                output = try PlanOperations.rebalance(
                    sources: source.sources, absent: absent, idleSeconds: idle.flatMap(Self.seconds), store: store)
            } else if let add {
                output = try PlanOperations.add(add, sources: source.sources, store: store)
            } else {
                output = try PlanOperations.extend(sources: source.sources, store: store)
            }
            let errors = OutputSink.standardError()
            for line in output.warnings { errors.line(TerminalText.visible(line)) }
            errors.flush()
            let out = OutputSink.standardOutput()
            for line in output.lines { out.line(line) }
            out.flush()
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
