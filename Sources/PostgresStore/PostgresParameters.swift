/// Statement parameters as the C strings libpq takes, alive for the length of one call.
///
/// All values share one buffer (one allocation per call, not one per value); `nil` is SQL NULL.
enum PostgresParameters {
    /// Calls `body` with libpq's `paramValues` array and its length.
    static func with<Result>(
        _ values: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?, Int32) -> Result
    ) -> Result {
        guard !values.isEmpty else { return body(nil, 0) }
        var buffer: [CChar] = []
        buffer.reserveCapacity(values.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
        var offsets: [Int?] = []
        offsets.reserveCapacity(values.count)
        for value in values {
            guard let value else {
                offsets.append(nil)
                continue
            }
            offsets.append(buffer.count)
            for byte in value.utf8 { buffer.append(CChar(bitPattern: byte)) }
            buffer.append(0)
        }
        return buffer.withUnsafeBufferPointer { characters in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.map { offset in
                    guard let start = characters.baseAddress else {
                        preconditionFailure("an offset is only recorded after its value and its 0 went into the buffer")
                    }
                    return start + offset
                }
            }
            return pointers.withUnsafeBufferPointer { body($0.baseAddress, Int32(values.count)) }
        }
    }
}
