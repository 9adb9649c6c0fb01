import ArgumentParser
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension Sentag {
    /// `sentag suggest`: the model's label for each sentence without a consensus label.
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The model's label and probability for the sentences without an agreed label.",
            discussion: """
                Trains the model on the store's consensus labels (an adjudication, else a strict \
                majority of the votes that count) and prints its label and calibrated probability for \
                every sentence of the sources that has no consensus label yet (with --all, every \
                sentence). With --json, one object per line: id, doc, index, label, p. The trained \
                model is kept in the store's cache (.sentag/models) and reused while the labels are \
                the same. Suggestions start after 5 consensus labels of each class.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Flag(help: "One JSON object per line instead of the readable listing.")
        var json = false

        @Flag(help: "Every sentence, also those with a consensus label.")
        var all = false

        func run() throws {
            let store = try annotations.store()
            let sources = try source.resolved(planIn: store)
            let project = try ProjectSnapshot.read(store, sources: sources)
            let errors = OutputSink.standardError()
            for line in project.warningLines { errors.line(line) }
            errors.flush()
            let listing = try SuggestionListing.prepare(
                view: project.view, sources: sources, cache: project.store.cache)
            let out = OutputSink.standardOutput()
            listing.write(all: all, format: json ? .json : .readable, to: out)
            if let failure = out.failure { throw SentagFailure("cannot write the suggestions: \(failure.reason)") }
        }
    }
}
