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

        @Flag(help: "One JSON object per line instead of the readable listing.")
        var json = false

        func run() throws {
            try SegmentListing.write(sources: source.resolved, format: json ? .json : .readable, to: .standardOutput())
        }
    }
}
