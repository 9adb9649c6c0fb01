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
                the sources (orphaned: an article was edited), counted and listed. Pace and attention: \
                the median seconds per sentence, and decisions quicker than --unread-seconds on \
                sentences longer than --unread-length, listed as possibly unread. With a plan that has \
                gold items, each annotator's accuracy on them.
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

        @Option(
            parsing: .unconditional,
            help:
                "Decisions quicker than this many seconds on a long sentence are listed as possibly unread. (default: 1)",
            transform: OptionValue.seconds)
        var unreadSeconds: Double = AnnotatorPace.Floor().seconds

        @Option(
            parsing: .unconditional,
            help: "The length in characters above which a sentence is long (for --unread-seconds). (default: 100)",
            transform: OptionValue.count(0...Int.max, of: "characters"))
        var unreadLength: Int = AnnotatorPace.Floor().characters

        func run() throws {
            let store = try annotationsOption.store()
            let plan = try PlanDocument.read(from: store)?.plan
            let sources = source.sources.isEmpty ? plan?.sources ?? ["seeds"] : source.sources
            let project = try ProjectSnapshot.read(store, sources: sources)
            var stats = AnnotationStats.compute(view: project.view, store: project.store, idleLimit: idleMinutes * 60)
            stats.addQuality(
                view: project.view, floor: .init(seconds: unreadSeconds, characters: unreadLength), gold: plan?.gold)
            let errors = OutputSink.standardError()
            for line in project.warningLines { errors.line(TerminalText.visible(line)) }
            errors.flush()
            let out = OutputSink.standardOutput()
            out.write(json ? stats.jsonLine : Array(stats.text(style: TerminalStyle.forDescriptor(STDOUT_FILENO)).utf8))
            out.flush()
        }
    }
}
