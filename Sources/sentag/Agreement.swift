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

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "95% intervals for alpha, Fleiss' kappa and AC1 from N resamplings of the items (1 to 1000000).",
                valueName: "N"),
            transform: OptionValue.count(1...1_000_000, of: "resamplings"))
        var bootstrap: Int?

        @Option(
            parsing: .unconditional,
            help: "Seed of the bootstrap (the same seed gives the same intervals). (default: 1)",
            transform: OptionValue.seed())
        var seed: UInt64 = 1

        @Flag(help: "List every item whose current ratings differ: doc:index, the text, who said what.")
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
            let directory = AnnotationsDirectory(path: annotationsOption.annotations)
            let options = AgreementReport.Options(
                bootstrapSamples: bootstrap ?? 0, seed: seed, listDisagreements: disagreements)
            let report = try AgreementReport.compute(
                directory: directory, annotators: annotators, labelSet: try directory.labelSet(), options: options)
            let errors = OutputSink.standardError()
            for line in LabelFileWarning.summaryLines(report.warnings) { errors.line(TerminalText.visible(line)) }
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
