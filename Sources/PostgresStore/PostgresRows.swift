import CLibPQ

/// The rows of a result as libpq holds them, read in place without copying: for the hot paths
/// that read thousands of records per statement (`PostgresConnection.withRows`).
///
/// Valid only inside the call that hands it over: libpq frees the result when that call
/// returns; copy what you keep.
public struct PostgresRows {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) {
        self.result = result
    }

    public var count: Int { Int(PQntuples(result)) }

    public func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) != 0
    }

    /// The bytes of a value (text format), without its terminating zero; empty for NULL.
    public func bytes(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column)))
        return UnsafeBufferPointer(start: start?.assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// A value read as a decimal integer; nil when it is NULL or not one.
    public func integer(_ row: Int, _ column: Int) -> Int64? {
        guard !isNull(row, column) else { return nil }
        var value: Int64 = 0
        var negative = false
        let digits = bytes(row, column)
        guard !digits.isEmpty else { return nil }
        for (index, byte) in digits.enumerated() {
            if index == 0, byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }
}
