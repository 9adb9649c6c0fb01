import ArgumentParser
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension Sentag {
    /// `sentag stats`: labeling progress per annotator, document and label.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Progress per annotator, per document, per label.",
            discussion: """
                Per annotator: decisions, counts per label, labels per minute over the active time, \
                first and last decision. Per document: sentences each annotator covered. The overlap \
                (sentences with 0, 1, 2… decisions), and the records whose id matches no sentence of \
                the sources (orphaned: an article was edited), counted and listed.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotationsOption: AnnotationsOption

        @Flag(help: "One JSON object instead of the readable report.")
        var json = false

        @Option(
            parsing: .unconditional,
            help: "Pauses between two labels longer than this many minutes are not active time. (default: 5)",
            transform: OptionValue.minutes)
        var idleMinutes: Double = 5

        func run() throws {
            let project = try ProjectSnapshot.read(try annotationsOption.store(), sources: source.resolved)
            let stats = AnnotationStats.compute(view: project.view, store: project.store, idleLimit: idleMinutes * 60)
            let errors = OutputSink.standardError()
            for line in project.warningLines { errors.line(TerminalText.visible(line)) }
            errors.flush()
            let out = OutputSink.standardOutput()
            out.write(json ? stats.jsonLine : Array(stats.text(style: TerminalStyle.forDescriptor(STDOUT_FILENO)).utf8))
            out.flush()
        }
    }
}
