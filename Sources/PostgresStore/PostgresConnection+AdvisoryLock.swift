extension PostgresConnection {
    /// Takes the session-level advisory lock `key` if no other session holds it
    /// (`pg_try_advisory_lock`); never waits.
    ///
    /// The lock is held until `advisoryUnlock`, `close()` or the end of the session, including
    /// a lost connection or a killed process: the server releases it (a moment after the client
    /// has gone), so a stale lock never blocks anyone for long. It survives transactions and their rollbacks. Locks nest: a session that
    /// takes a lock twice must release it twice.
    public func tryAdvisoryLock(_ key: Int64) throws(PostgresError) -> Bool {
        try execute("SELECT pg_try_advisory_lock($1::bigint)", [String(key)]).scalar == "t"
    }

    /// Releases one hold of the advisory lock `key`; false when this session did not hold it.
    @discardableResult
    public func advisoryUnlock(_ key: Int64) throws(PostgresError) -> Bool {
        try execute("SELECT pg_advisory_unlock($1::bigint)", [String(key)]).scalar == "t"
    }

    /// Who holds the advisory lock `key` in this database, for the message a refused session
    /// shows: `server process 4242 (sentag label) from 10.0.0.7 since 2026-11-21T14:03:05Z`;
    /// nil when nobody holds it.
    public func advisoryLockHolder(_ key: Int64) throws(PostgresError) -> String? {
        let result = try execute(
            """
            SELECT a.pid, a.application_name, coalesce(host(a.client_addr), 'a local socket'),
                   to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = (($1::bigint >> 32) & 4294967295)::oid AND l.objid = ($1::bigint & 4294967295)::oid
            LIMIT 1
            """, [String(key)])
        guard let row = result.rows.first else { return nil }
        let application = row[1] ?? ""
        let name = application.isEmpty ? "" : " (\(application))"
        return "server process \(row[0] ?? "?")\(name) from \(row[2] ?? "?") since \(row[3] ?? "?")"
    }
}
