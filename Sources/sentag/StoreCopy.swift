import ArgumentParser
import SentagKit

extension Sentag.Store {
    /// `sentag store copy FROM TO`: every journal and project file of one store into another.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every record, the label set, the plan and the guidelines into another store.",
            discussion: """
                FROM and TO are each a folder of journals or a postgresql:// URI (its schema made by \
                'sentag store init'): folder to database, database to folder, or between two of a \
                kind. Records go over byte for byte and in order, so a round trip gives back the same \
                lines. Idempotent: only the records a target journal lacks at its end are appended, so \
                running it twice adds nothing and a second run finishes an interrupted one. A target \
                journal holding records the source lacks is left alone and reported (exit 1). \
                labels.json, plan.json and GUIDELINES.md replace the target's when they differ. A \
                line that is not a JSON object is not copied (a warning names it). Each target \
                journal is locked while it is copied: finish its labeling session first.
                """
        )

        @Argument(help: ArgumentHelp("The store to copy from.", valueName: "FROM"))
        var from: String

        @Argument(help: ArgumentHelp("The store to copy into (a folder is created when missing).", valueName: "TO"))
        var to: String

        func run() throws {
            let source = try StoreLocation.open(from)
            guard source.exists else {
                throw StoreError.missing(location: source.location, hint: "check FROM")
            }
            let target = try StoreLocation.open(to)
            let output = OutputSink.standardOutput()
            let errors = OutputSink.standardError()
            let report = try StoreCopier(from: source, to: target).run { outcome in
                if let failure = outcome.failure {
                    errors.line("error: \(failure)")
                    errors.flush()
                    return
                }
                let there = outcome.alreadyThere
                if outcome.copied == 0 {
                    output.line("\(outcome.annotator): nothing to copy (\(Self.records(there)) already there)")
                } else {
                    output.line(
                        "\(outcome.annotator): \(Self.records(outcome.copied)) copied"
                            + (there > 0 ? " (\(Self.records(there)) already there)" : ""))
                }
                output.flush()
            }
            for line in Diagnostic.lines(report.warnings, total: report.warningCount) { errors.line(line) }
            errors.flush()
            for (document, outcome) in report.documents where outcome != .absent {
                output.line("\(document.rawValue): \(outcome.rawValue)")
            }
            let journals = report.journals.count
            output.line(
                "\(source.location) → \(target.location): \(Self.records(report.recordsCopied)) copied from "
                    + "\(journals) journal\(journals == 1 ? "" : "s")")
            output.flush()
            let failed = report.failures.count
            if failed > 0 {
                throw SentagFailure(
                    "\(failed) of \(journals) journal\(journals == 1 ? "" : "s") could not be copied (see above); "
                        + "the rest were")
            }
        }

        static func records(_ count: Int) -> String { "\(count) record\(count == 1 ? "" : "s")" }
    }
}
