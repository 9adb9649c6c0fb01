/// A hash map from sentence id to a row number, for merging label files.
///
/// Open addressing with linear probing and Fibonacci hashing of the 64-bit id, kept at most half
/// full. Merging 800k label lines spends most of its time looking ids up; Swift's `Dictionary`
/// hashes every key with a seeded SipHash, which is several times slower than this for keys that
/// are already 64-bit hashes (and Fibonacci hashing also spreads sequential ids, as tests use).
struct SentenceIDTable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        rows = [Int32](repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The row of `id`, or nil.
    @inline(__always)
    func row(of id: SentenceID) -> Int32? {
        let mask = keys.count - 1
        var i = slot(id.rawValue)
        while true {
            let row = rows[i]
            if row < 0 { return nil }
            if keys[i] == id.rawValue { return row }
            i = (i + 1) & mask
        }
    }

    /// Records `row` for `id`, which must not be in the table yet.
    @inline(__always)
    mutating func insert(_ id: SentenceID, row: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(id.rawValue)
        while rows[i] >= 0 { i = (i + 1) & mask }
        keys[i] = id.rawValue
        rows[i] = row
        count += 1
    }

    private mutating func grow() {
        var bigger = SentenceIDTable(capacity: keys.count)
        for i in keys.indices where rows[i] >= 0 {
            bigger.insert(SentenceID(rawValue: keys[i]), row: rows[i])
        }
        self = bigger
    }
}
