import ArgumentParser
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension Sentag {
    /// `sentag export`: a training dataset from the label files.
    ///
    /// Test hook, deliberately not in `--help`: with `SENTAG_EXPORT_TEST_PAUSE=mid-write` (after
    /// the train file) or `=before-swap` (everything written, not yet in place) the export prints
    /// `sentag export: paused <point>` on standard error and sleeps for a minute, so the
    /// end-to-end tests can `kill -9` it at that moment.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a training dataset from the label files.",
            discussion: """
                DIR gets train, dev and test files, manifest.json (counts, options, agreement, what was \
                left out and why, SHA-256 of each file), a dataset card, README.md, whose header lets \
                datasets.load_dataset(DIR) give the same label ids in every split, and config.cfg and \
                to_docbin.py for training a spaCy text classifier. A split more than 5 points off its \
                share, or without a label the others have, is a warning. The dataset is \
                written next to DIR and swapped in only when complete: a previous export in DIR stays \
                intact until then. DIR must be new, empty or a previous export.

                Policies: adjudicated-majority (the adjudication when there is one, else the label with \
                a strict plurality of votes; ties left out), majority (votes only), unanimous, \
                annotator:NAME (one annotator's decisions).
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotationsOption: AnnotationsOption

        @Option(
            name: .long, help: ArgumentHelp("The folder to write the dataset to.", valueName: "DIR"),
            completion: .directory)
        var out: String

        @Option(
            help: ArgumentHelp(
                "adjudicated-majority, majority, unanimous or annotator:NAME.", valueName: "policy"))
        var policy = "adjudicated-majority"

        @Option(
            name: .customLong("min-votes"),
            help: "Leave out items with fewer votes (adjudicated items are kept under adjudicated-majority).")
        var minVotes = 1

        @Option(help: ArgumentHelp("Leave out the examples of this label (repeatable).", valueName: "label"))
        var drop: [String] = []

        @Option(help: "Train/dev/test shares by sentence count, split by document: percentages or fractions.")
        var split = "80/10/10"

        @Option(help: "Seed of the document shuffle; the same seed gives the same split.")
        var seed: UInt64 = 0

        @Option(help: "jsonl, spacy, fasttext, csv or prodigy.")
        var format = "jsonl"

        @Flag(help: "Add each example's distribution of votes.")
        var soft = false

        @Flag(help: "Balance each label across the splits, not only their sizes (documents stay whole).")
        var stratify = false

        /// JSON readers hold numbers as doubles; larger seeds would not read back exactly.
        static let largestSeed: UInt64 = (1 << 53) - 1

        func validate() throws {
            do {
                _ = try SplitRatios(parsing: split)
            } catch {
                throw ValidationError(error.description)
            }
            guard let chosen = ExportFormat(rawValue: format) else {
                throw ValidationError(
                    "unknown format '\(format)'; use \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if soft && !chosen.carriesDistribution {
                throw ValidationError(
                    "--soft cannot be written in the \(chosen) format; use jsonl, spacy, csv or prodigy")
            }
            if minVotes < 1 { throw ValidationError("--min-votes must be at least 1, not \(minVotes)") }
            if seed > Self.largestSeed { throw ValidationError("--seed must be at most \(Self.largestSeed)") }
        }

        func run() throws {
            let store = try annotationsOption.store()
            let sources = try source.resolved(planIn: store)
            let project = try ProjectSnapshot.read(store, sources: sources)
            var configuration = ExportConfiguration(
                annotationsDirectory: project.store.location, outputDirectory: out, sentagVersion: Sentag.version)
            configuration.sources = sources
            configuration.policy = try ExportPolicy(parsing: policy)
            configuration.minVotes = minVotes
            configuration.droppedLabels = drop
            configuration.ratios = try SplitRatios(parsing: split)
            configuration.seed = seed
            configuration.stratify = stratify
            configuration.format = ExportFormat(rawValue: format) ?? .jsonl
            configuration.soft = soft
            configuration.testPause = ProcessEnvironment.current["SENTAG_EXPORT_TEST_PAUSE"].flatMap {
                ExportConfiguration.TestPause(rawValue: $0)
            }
            let errors = OutputSink.standardError()
            let style = TerminalStyle.forDescriptor(STDERR_FILENO)
            for line in project.warningLines { errors.line(line) }
            let manifest = try DatasetExporter.export(configuration, view: project.view, store: project.store) {
                errors.line(style.warningPrefix + $0)
            }
            errors.flush()
            let output = OutputSink.standardOutput()
            output.write(ExportReport.text(manifest, directory: out))
            output.flush()
        }
    }
}
