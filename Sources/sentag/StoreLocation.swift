import SentagKit

/// Turns `--annotations` into a store: a `postgresql://` URI or a folder.
enum StoreLocation {
    static func open(_ location: String) throws -> any JournalStore {
        if location.hasPrefix("postgresql://") || location.hasPrefix("postgres://") {
            throw StoreError.database(
                "PostgreSQL stores are not available in this build; use a folder of journals for --annotations")
        }
        return FolderStore(path: location)
    }
}
