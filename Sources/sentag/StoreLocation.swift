import PostgresStore
import SentagKit

/// Turns `--annotations` (or `SENTAG_ANNOTATIONS`) into a store: a database or a folder.
///
/// A `postgresql://` URI opens the database, connecting and checking its schema at once, so a
/// bad URI, a refused password, a missing database, an old server or an unknown schema stops
/// the command before anything is read; anything else is a folder. The only place outside
/// `PostgresStore` that knows which store a command has.
enum StoreLocation {
    static func open(_ location: String) throws -> any JournalStore {
        guard PostgresURI.isURI(location) else { return FolderStore(path: location) }
        return try PostgresJournalStore(
            uri: PostgresURI(location), applicationName: "sentag", minimumServerVersion: minimumServerVersion)
    }

    /// Test hook, deliberately not in `--help`: `SENTAG_TEST_POSTGRES_MINIMUM_VERSION=990000`
    /// makes any server too old, so the tests see that message from the binary itself.
    static var minimumServerVersion: Int {
        ProcessEnvironment.current["SENTAG_TEST_POSTGRES_MINIMUM_VERSION"].flatMap { Int($0) }
            ?? PostgresConnection.minimumServerVersion
    }
}
