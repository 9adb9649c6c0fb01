import CLibPQ

/// One row of a streamed result (`PostgresConnection.forEachRow`), valid only inside the call
/// that receives it: it reads libpq's buffer, which is freed when that call returns; copy what
/// you keep.
public struct PostgresRow {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) {
        self.result = result
    }

    public var count: Int { Int(PQnfields(result)) }

    /// The value of column `index` as text, or `nil` for SQL NULL.
    public subscript(index: Int) -> String? {
        isNull(index) ? nil : String(cString: PQgetvalue(result, 0, Int32(index)))
    }

    public func isNull(_ index: Int) -> Bool {
        PQgetisnull(result, 0, Int32(index)) != 0
    }

    /// The value of column `index` as an integer, or `nil` when it is NULL or not one.
    public func integer(_ index: Int) -> Int64? {
        self[index].flatMap { Int64($0) }
    }

    /// Calls `body` with the raw bytes of column `index` (text format), without copying them.
    public func withBytes<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let length = Int(PQgetlength(result, 0, Int32(index)))
        return try body(UnsafeRawBufferPointer(start: PQgetvalue(result, 0, Int32(index)), count: length))
    }
}
