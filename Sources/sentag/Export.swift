import ArgumentParser
import Checksums
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension ExportFormat: ExpressibleByArgument {}

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
            parsing: .unconditional,
            help: ArgumentHelp(
                "adjudicated-majority, majority, unanimous or annotator:NAME. (default: adjudicated-majority)",
                valueName: "policy"),
            transform: OptionValue.policy)
        var policy = ExportPolicy.adjudicatedMajority

        @Option(
            name: .customLong("min-votes"), parsing: .unconditional,
            help:
                "Leave out items with fewer votes (adjudicated items are kept under adjudicated-majority). (default: 1)",
            transform: OptionValue.count(1...Int.max, of: "votes"))
        var minVotes = 1

        @Option(help: ArgumentHelp("Leave out the examples of this label (repeatable).", valueName: "label"))
        var drop: [String] = []

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Train/dev/test shares by sentence count, split by document: percentages or fractions. "
                    + "(default: 80/10/10)", valueName: "split"),
            transform: OptionValue.split)
        var split = SplitRatios.default

        @Option(
            parsing: .unconditional,
            help: "Seed of the document shuffle; the same seed gives the same split. (default: 0)",
            transform: OptionValue.seed(upTo: largestSeed))
        var seed: UInt64 = 0

        @Option(parsing: .unconditional, help: "The format of the example files.")
        var format = ExportFormat.jsonl

        @Flag(help: "Add each example's distribution of votes.")
        var soft = false

        @Flag(help: "Balance each label across the splits, not only their sizes (documents stay whole).")
        var stratify = false

        /// JSON readers hold numbers as doubles; larger seeds would not read back exactly.
        static let largestSeed: UInt64 = (1 << 53) - 1

        func validate() throws {
            if soft && !format.carriesDistribution {
                throw ValidationError(
                    "--soft cannot be written in the \(format) format; use jsonl, spacy, csv or prodigy")
            }
        }

        func run() throws {
            let store = try annotationsOption.store()
            let sources = try source.resolved(planIn: store)
            let project = try ProjectSnapshot.read(store, sources: sources)
            var configuration = ExportConfiguration(
                annotationsDirectory: project.store.location, outputDirectory: out, sentagVersion: Sentag.version,
                sha256: LibCryptoSHA256.self)
            configuration.sources = sources
            configuration.policy = policy
            configuration.minVotes = minVotes
            configuration.droppedLabels = drop
            configuration.ratios = split
            configuration.seed = seed
            configuration.stratify = stratify
            configuration.format = format
            configuration.soft = soft
            configuration.testPause = ProcessEnvironment.current["SENTAG_EXPORT_TEST_PAUSE"].flatMap {
                ExportConfiguration.TestPause(rawValue: $0)
            }
            let errors = OutputSink.standardError()
            let style = TerminalStyle.forDescriptor(STDERR_FILENO)
            for line in project.warningLines { errors.line(TerminalText.visible(line)) }
            let manifest = try DatasetExporter.export(configuration, view: project.view, store: project.store) {
                errors.line(style.warningPrefix + TerminalText.visible($0))
            }
            errors.flush()
            let output = OutputSink.standardOutput()
            output.write(ExportReport.text(manifest, directory: out))
            output.flush()
        }
    }
}
