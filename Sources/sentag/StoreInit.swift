import ArgumentParser
import PostgresStore

extension Sentag.Store {
    /// `sentag store init URI`: create sentag's tables in a database, or upgrade them.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create sentag's tables in a PostgreSQL database, or upgrade them.",
            discussion: """
                Idempotent: on an up-to-date database it changes nothing. An older sentag schema is \
                upgraded in one transaction; a newer one (from a newer sentag) is refused. The \
                password comes from PGPASSWORD or ~/.pgpass, as for psql; it is never printed.
                """
        )

        @Argument(help: "The database, as a libpq URI: postgresql://[user@]host[:port]/database[?param=value…].")
        var uri: String

        func run() throws {
            let connection = try PostgresConnection(uri, applicationName: "sentag store init")
            let change = try PostgresSchema.current.initialize(connection)
            print("\(connection.uri): \(change)")
        }
    }
}
