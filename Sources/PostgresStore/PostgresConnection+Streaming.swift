import CLibPQ

extension PostgresConnection {
    /// Runs a query and hands its rows to `body` one at a time as they arrive (libpq's
    /// single-row mode), so reading millions of records needs memory for one row, not all.
    ///
    /// When `body` throws, the query is cancelled on the server, the rest of the rows are
    /// dropped, and the error is rethrown.
    public func forEachRow(
        _ sql: String, _ parameters: [String?] = [], _ body: (PostgresRow) throws -> Void
    ) throws {
        let handle = try liveHandle()
        let sent = PostgresParameters.with(parameters) { values, count in
            PQsendQueryParams(handle, sql, count, nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw failure(of: nil, statement: sql) }
        _ = PQsetSingleRowMode(handle)
        var stop: (any Error)?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            guard stop == nil else { continue }
            let status = PQresultStatus(result)
            if status == PGRES_SINGLE_TUPLE {
                do {
                    try body(PostgresRow(result))
                } catch {
                    stop = error
                    cancel(handle)
                }
            } else if status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK {
                stop = failure(of: result, statement: sql)
            }
        }
        if let stop { throw stop }
    }

    /// Asks the server to stop the running statement (`PQcancel`); results still have to be
    /// read to the end.
    private func cancel(_ handle: OpaquePointer) {
        guard let cancel = PQgetCancel(handle) else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &message, Int32(message.count))
        PQfreeCancel(cancel)
    }
}
