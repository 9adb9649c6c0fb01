extension PostgresConnection {
    /// Runs `body` inside `BEGIN … COMMIT`; any error rolls the transaction back and is
    /// rethrown.
    ///
    /// When the connection breaks, the error is `.connectionLost` and nothing of the
    /// transaction is saved (the server rolls back what it did not commit). A `COMMIT` that
    /// loses its connection is the one unknowable case: count it as not saved.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { _ = try? execute("ROLLBACK") }
            throw error
        }
    }
}
