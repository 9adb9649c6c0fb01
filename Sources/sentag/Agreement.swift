import ArgumentParser
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension Sentag {
    /// `sentag agreement`: inter-annotator agreement of the label files.
    struct Agreement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inter-annotator agreement report.",
            discussion: """
                Items are sentence ids; each annotator's current decision is one rating (a retraction \
                removes it; adjudications are not ratings). Reports percent agreement, Krippendorff's \
                alpha, Fleiss' kappa, Gwet's AC1, Cohen's kappa and a confusion matrix per pair, and \
                per-label usage and specific agreement. A figure that is undefined is null (n/a) with \
                the reason.

                Alpha, Fleiss' kappa and AC1 come with 95% intervals from resampling the items (1000 \
                samples unless --bootstrap says otherwise; --bootstrap 0 leaves them out). Figures that \
                rest on fewer than 30 items are marked, and a dominant label (over 80% of the ratings) or \
                kappa-type figures far from AC1 draw a prevalence warning.
                """
        )

        @OptionGroup var annotationsOption: AnnotationsOption

        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp("Only these annotators (comma-separated).", valueName: "A,B,…"),
            transform: { $0.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } })
        var annotators: [String]?

        @Flag(help: "One JSON object (SPEC.md's Agreement JSON) instead of the text report.")
        var json = false

        // `.unconditional` so that `--bootstrap -1` reaches `validate()` and is refused with the
        // value quoted, rather than read as a missing value followed by an unknown flag.
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "95% intervals for alpha, Fleiss' kappa and AC1 from N resamplings of the items; 0 for none.",
                valueName: "N"),
            transform: OptionValue.count(0...1_000_000, of: "resamplings"))
        var bootstrap = BootstrapIntervals.defaultSamples

        @Option(
            parsing: .unconditional,
            help: "Seed of the bootstrap (the same seed gives the same intervals). (default: 1)",
            transform: OptionValue.seed())
        var seed: UInt64 = 1

        @Flag(
            help: "List every item whose current ratings differ: doc:index, the text, who said what, notes and flags.")
        var disagreements = false

        @Flag(help: "Show the confusion matrix of every pair, not only the weakest.")
        var pairs = false

        func validate() throws {
            if let annotators {
                if annotators.isEmpty { throw ValidationError("--annotators needs at least one name") }
                for name in annotators where !AnnotatorName.isValid(name) {
                    throw ValidationError("bad annotator name '\(name)' in --annotators")
                }
            }
        }

        func run() throws {
            let project = try ProjectSnapshot.read(try annotationsOption.store())
            if project.table.journals.isEmpty { throw StoreError.noJournals(location: project.store.location) }
            // A plan's gold items are not agreement items; each annotator's accuracy on them is reported.
            let gold = try PlanDocument.read(from: project.store)?.plan.gold
            let options = AgreementReport.Options(
                bootstrapSamples: bootstrap, seed: seed, listDisagreements: disagreements,
                excludedItems: Set(gold?.items.map(\.id) ?? []))
            var report = try AgreementReport.compute(
                view: project.view, annotators: annotators, options: options, store: project.store)
            report.gold = gold.map { GoldReport.compute(view: project.view, gold: $0, annotators: annotators) }
            let errors = OutputSink.standardError()
            for line in project.warningLines { errors.line(TerminalText.visible(line)) }
            errors.flush()
            let out = OutputSink.standardOutput()
            if json {
                out.write(report.jsonLine)
            } else {
                out.write(report.text(style: TerminalStyle.forDescriptor(STDOUT_FILENO), allPairs: pairs))
            }
            out.flush()
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
