import ArgumentParser
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

extension Sentag {
    /// `sentag check`: the current labels most likely wrong.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The current labels most likely wrong, and duplicates labeled differently.",
            discussion: """
                Judges every current label (each annotator's vote and each adjudication) by a model \
                trained on the consensus labels of the other articles only (cross-validation, folds by \
                document), and lists those the model doubts, most likely wrong first: the score is how \
                much more probable the model finds its own label than the given one. Also lists groups \
                of duplicate sentences whose labels differ, within one annotator or between \
                annotators. With --json, one object per suspect label: id, annotator, label, \
                suggested, score. 'sentag review --suspects' steps through them.
                """
        )

        @OptionGroup var source: SourceArguments
        @OptionGroup var annotations: AnnotationsOption

        @Flag(help: "One JSON object per suspect label instead of the readable report.")
        var json = false

        @Option(help: "How many suspects the readable report lists.")
        var limit = 50

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
        }

        func run() throws {
            let store = try annotations.store()
            let sources = try source.resolved(planIn: store)
            let project = try ProjectSnapshot.read(store, sources: sources)
            let errors = OutputSink.standardError()
            for line in project.warningLines { errors.line(line) }
            guard let corpus = project.view.corpus, corpus.count > 0 else {
                throw ModelError.emptyCorpus(sources: sources)
            }
            let check = LabelCheck.compute(view: project.view)
            if json, let note = check.modelNote { errors.line("warning: the model's check is skipped: \(note)") }
            errors.flush()
            let out = OutputSink.standardOutput()
            if json {
                check.writeJSON(corpus: corpus, to: out)
            } else {
                out.write(check.text(corpus: corpus, style: TerminalStyle.forDescriptor(STDOUT_FILENO), limit: limit))
                out.flush()
            }
            if let failure = out.failure { throw SentagFailure("cannot write the check: \(failure.reason)") }
        }
    }
}
