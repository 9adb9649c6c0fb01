import CLibPQ

extension PostgresConnection {
    /// Bulk-loads `rows` with `COPY … FROM STDIN` (text format) and returns how many the server
    /// took: `copy("COPY t (a, b) FROM STDIN", rows: [["1", nil], …])`.
    ///
    /// Values are escaped for COPY's text format (backslash, tab, newline, carriage return;
    /// `nil` is NULL) and sent in 256 KiB chunks while `rows` is iterated, so a million rows
    /// need not be in memory at once. All rows go in or none (one statement); inside a
    /// `transaction`, together with the rest of it.
    @discardableResult
    public func copy<Rows: Sequence>(_ sql: String, rows: Rows) throws(PostgresError) -> Int
    where Rows.Element == [String?] {
        let handle = try liveHandle()
        let start = PQexec(handle, sql)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try take(start, statement: sql)
            throw .statementFailed(
                uri: uri.description, sqlState: "?????", message: "not a COPY … FROM STDIN statement", statement: sql)
        }
        PQclear(start)
        var encoder = PostgresCopyEncoder()
        var sendFailed = false
        for row in rows {
            encoder.append(row)
            if encoder.bytes.count >= 256 * 1024 {
                sendFailed = !send(encoder.bytes, on: handle)
                encoder.bytes.removeAll(keepingCapacity: true)
                if sendFailed { break }
            }
        }
        if !sendFailed, !encoder.bytes.isEmpty { sendFailed = !send(encoder.bytes, on: handle) }
        // Ends the COPY (or aborts it when a chunk could not be sent), then reads the outcome.
        _ = PQputCopyEnd(handle, sendFailed ? "the client could not send every row" : nil)
        var outcome: Result<Int, PostgresError>?
        while let result = PQgetResult(handle) {
            if outcome == nil {
                let status = PQresultStatus(result)
                outcome =
                    status == PGRES_COMMAND_OK
                    ? .success(PostgresResult(result).affectedRows) : .failure(failure(of: result, statement: sql))
            }
            PQclear(result)
        }
        switch outcome {
        case .success(let count): return count
        case .failure(let error): throw error
        case nil: throw failure(of: nil, statement: sql)
        }
    }

    private func send(_ bytes: [UInt8], on handle: OpaquePointer) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                PQputCopyData(handle, characters.baseAddress, Int32(characters.count)) == 1
            }
        }
    }
}
