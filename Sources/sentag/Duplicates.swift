import ArgumentParser
import SentagKit

extension Sentag {
    /// `sentag duplicates`: groups of the same or nearly the same sentence across the corpus.
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Groups of duplicate sentences across the articles (wire copies).",
            discussion: """
                Exact duplicates are the same text after normalising white space, quotation marks, \
                dashes and case; near duplicates share at least 80% of their word pairs (Jaccard \
                similarity of word bigrams, found with MinHash; four words at least). With --json, \
                one object per group: kind (exact or near), ids, places.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Flag(help: "One JSON object per group instead of the readable listing.")
        var json = false

        func run() throws {
            let store = try annotations.store()
            let corpus = try Corpus.load(try source.resolved(planIn: store), cache: store.exists ? store.cache : nil)
            let out = OutputSink.standardOutput()
            DuplicateListing(corpus: corpus).write(format: json ? .json : .readable, to: out)
            if let failure = out.failure { throw SentagFailure("cannot write the duplicates: \(failure.reason)") }
        }
    }
}
