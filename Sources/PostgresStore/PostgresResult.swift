import CLibPQ

/// The rows a statement returned, copied out of libpq (text format; `nil` is SQL NULL).
public struct PostgresResult: Sendable, Equatable {
    /// Column names, in order.
    public let columns: [String]
    public let rows: [[String?]]
    /// The number of rows the statement inserted, updated, deleted or copied (`PQcmdTuples`).
    public let affectedRows: Int

    /// The first column of the first row, for one-value queries.
    public var scalar: String? { rows.first?.first ?? nil }

    /// One column's values, by name; empty when there is no such column.
    public func column(_ name: String) -> [String?] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }

    /// Copies a result (which the caller still clears).
    init(_ result: OpaquePointer) {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        rows = (0..<rowCount).map { row in
            (0..<columnCount).map { column in
                PQgetisnull(result, Int32(row), Int32(column)) != 0
                    ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            }
        }
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }
}
