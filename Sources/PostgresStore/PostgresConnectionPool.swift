#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Connections to one database shared by the threads of one command: a reader takes an idle
/// connection, or opens one when none is idle, and gives it back when done.
///
/// libpq connections must not be used by two threads at once; the decision table reads several
/// journals at a time (one thread each), so each thread gets a connection of its own. A
/// connection that broke is closed instead of being given back.
final class PostgresConnectionPool: @unchecked Sendable {
    let uri: PostgresURI
    let applicationName: String
    let minimumServerVersion: Int
    private var idle: [PostgresConnection] = []
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// A pool that starts with `first` (already connected and checked) idle.
    init(first: PostgresConnection, minimumServerVersion: Int) {
        uri = first.uri
        applicationName = first.applicationName
        self.minimumServerVersion = minimumServerVersion
        idle = [first]
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        for connection in idle { connection.close() }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Runs `body` with a connection no other thread uses meanwhile.
    ///
    /// With `retrying`, a connection that sat idle in the pool and turns out to be gone (the
    /// server restarted during a long session) is replaced by a new one and `body` runs again:
    /// for reads and other statements that may safely run twice.
    func withConnection<Result>(
        retrying: Bool = true, _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        let connection: PostgresConnection
        var wasIdle = false
        if let taken = locked({ idle.popLast() }) {
            connection = taken
            wasIdle = true
        } else {
            connection = try PostgresConnection(
                uri: uri, applicationName: applicationName, minimumServerVersion: minimumServerVersion)
        }
        defer {
            if connection.isConnected && !connection.isInTransaction {
                locked { idle.append(connection) }
            } else {
                connection.close()
            }
        }
        do {
            return try body(connection)
        } catch let error as PostgresError where error.isConnectionLost && wasIdle && retrying {
            connection.close()
            return try withConnection(retrying: true, body)
        }
    }
}
