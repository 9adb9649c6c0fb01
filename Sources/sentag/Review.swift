import ArgumentParser
import SentagKit

extension Sentag {
    /// INTERIM: replaced by its issue's work.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(not built yet)")

        func run() throws {
            throw SentagFailure("'sentag review' is not built yet")
        }
    }
}
