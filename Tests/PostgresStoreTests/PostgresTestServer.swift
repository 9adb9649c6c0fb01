import Foundation
import PostgresStore
import Testing

/// The PostgreSQL server the tests use: `SENTAG_TEST_POSTGRES`, a URI that `make test` sets
/// after starting a throwaway cluster (Scripts/postgres-test-cluster.sh).
///
/// Without it the server tests are skipped, with the reason, except in CI (`CI` set), where
/// they run and fail: CI must always test the PostgreSQL store.
enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment

    static var uri: String? {
        environment["SENTAG_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isEnabled: Bool {
        uri != nil || !(environment["CI"] ?? "").isEmpty
    }

    static let skipReason: Comment =
        "no PostgreSQL server: SENTAG_TEST_POSTGRES is not set ('make test' starts a throwaway one; see README)"

    /// The server's URI; in CI without one, an error that fails the test.
    static func requiredURI() throws -> String {
        guard let uri else {
            throw TestServerMissing()
        }
        return uri
    }

    /// `uri` pointed at another database (a later `dbname=` overrides the URI's path).
    static func uri(_ uri: String, database: String) -> String {
        uri + (uri.contains("?") ? "&" : "?") + "dbname=" + database
    }

    /// A connection to the server's maintenance database, as the superuser.
    static func connect(applicationName: String = "sentag-tests") throws -> PostgresConnection {
        try PostgresConnection(try requiredURI(), applicationName: applicationName)
    }

    struct TestServerMissing: Error, CustomStringConvertible {
        var description: String {
            "CI is set but SENTAG_TEST_POSTGRES is not: run the tests through 'make test', which starts PostgreSQL"
        }
    }
}
