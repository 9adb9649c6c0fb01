import ArgumentParser
import SentagKit

extension Sentag {
    /// INTERIM: replaced by its issue's work.
    struct Agreement: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(not built yet)")

        func run() throws {
            throw SentagFailure("'sentag agreement' is not built yet")
        }
    }
}
