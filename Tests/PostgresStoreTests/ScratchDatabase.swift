import Foundation
import PostgresStore

/// A new database on the test server for one test, dropped by `drop()`: tests never see each
/// other's tables, and a run leaves nothing behind.
struct ScratchDatabase {
    let name: String
    let uri: String

    /// Creates the database, with sentag's schema unless `initialized` is false.
    init(initialized: Bool = true, options: String = "") throws {
        name = "sentag_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        uri = PostgresTestServer.uri(try PostgresTestServer.requiredURI(), database: name)
        let admin = try PostgresTestServer.connect()
        try admin.execute("CREATE DATABASE \(name) \(options)")
        if initialized {
            try PostgresSchema.current.initialize(try connect())
        }
    }

    func connect(applicationName: String = "sentag-tests") throws -> PostgresConnection {
        try PostgresConnection(uri, applicationName: applicationName)
    }

    func drop() {
        guard let admin = try? PostgresTestServer.connect() else { return }
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
