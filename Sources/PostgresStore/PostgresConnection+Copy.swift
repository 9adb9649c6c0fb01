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
        try copyIn(sql) { send in
            var encoder = PostgresCopyEncoder()
            for row in rows {
                encoder.append(row)
                if encoder.bytes.count >= 256 * 1024 {
                    let sent = encoder.bytes.withUnsafeBufferPointer { send($0) }
                    encoder.bytes.removeAll(keepingCapacity: true)
                    if !sent { return false }
                }
            }
            return encoder.bytes.isEmpty || encoder.bytes.withUnsafeBufferPointer { send($0) }
        }
    }

    /// Bulk-loads rows already in COPY's text format and returns how many the server took.
    ///
    /// The rows are `PostgresCopyEncoder`'s, sent in 256 KiB chunks; all or none, like
    /// `copy(_:rows:)`.
    @discardableResult
    public func copy(_ sql: String, encoded: UnsafeBufferPointer<UInt8>) throws(PostgresError) -> Int {
        try copyIn(sql) { send in
            var start = 0
            while start < encoded.count {
                let end = min(encoded.count, start + 256 * 1024)
                guard send(UnsafeBufferPointer(rebasing: encoded[start..<end])) else { return false }
                start = end
            }
            return true
        }
    }

    /// Starts a `COPY … FROM STDIN`, lets `produce` send the data (false when a chunk could not
    /// be sent), ends or aborts it, and returns the rows copied.
    private func copyIn(
        _ sql: String, _ produce: (_ send: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool
    ) throws(PostgresError) -> Int {
        let handle = try liveHandle()
        let start = PQexec(handle, sql)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try take(start, statement: sql)
            throw .statementFailed(
                uri: uri.description, sqlState: "?????", message: "not a COPY … FROM STDIN statement", statement: sql)
        }
        PQclear(start)
        let sent = produce { chunk in
            chunk.withMemoryRebound(to: CChar.self) { characters in
                PQputCopyData(handle, characters.baseAddress, Int32(characters.count)) == 1
            }
        }
        // Ends the COPY (or aborts it when a chunk could not be sent), then reads the outcome.
        _ = PQputCopyEnd(handle, sent ? nil : "the client could not send every row")
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
}
