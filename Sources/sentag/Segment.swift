import ArgumentParser
import SentagKit

extension Sentag {
    /// `sentag segment`: print the sentences `label` would show.
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the sentences that 'label' would show.",
            discussion: "With --json, one object per sentence: id, doc, index, start, end, text."
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Flag(help: "One JSON object per line instead of the readable listing.")
        var json = false

        func run() throws {
            // The store only says which sources a plan names, as for `label`.
            let store = try annotations.store()
            try SegmentListing.write(
                sources: try source.resolved(planIn: store), format: json ? .json : .readable, to: .standardOutput())
        }
    }
}
