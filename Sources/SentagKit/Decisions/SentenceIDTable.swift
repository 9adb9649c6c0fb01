/// A hash map from sentence id to a row number: the corpus's positions, a lane's slots, the
/// rows of a rating table.
///
/// Open addressing with linear probing and Fibonacci hashing of the 64-bit id, kept at most half
/// full. Merging 800k label lines spends most of its time looking ids up; Swift's `Dictionary`
/// hashes every key with a seeded SipHash, which is several times slower than this for keys that
/// are already 64-bit hashes (and Fibonacci hashing also spreads sequential and hand-written
/// ids).
struct SentenceIDTable {
    /// A key and its row side by side, so a probe touches one cache line; row -1: empty.
    struct Slot: BitwiseCopyable {
        var key: UInt64
        var row: Int64
    }

    private(set) var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0
    private var touched: UInt64 = 0

    /// A table saved before (`slots` and `count`); nil when they cannot be one.
    init?(slots: [Slot], count: Int) {
        guard slots.count >= 16, slots.count & (slots.count - 1) == 0, count >= 0, count * 2 <= slots.count else {
            return nil
        }
        self.slots = slots
        self.shift = UInt64(64 - slots.count.trailingZeroBitCount)
        self.count = count
    }

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, row: -1), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The row of `id`, or nil.
    @inline(__always)
    func row(of id: SentenceID) -> Int32? {
        let mask = slots.count - 1
        var i = slot(id.rawValue)
        while true {
            let entry = slots[i]
            if entry.row < 0 { return nil }
            if entry.key == id.rawValue { return Int32(truncatingIfNeeded: entry.row) }
            i = (i + 1) & mask
        }
    }

    /// Loads the entry where a lookup of `id` starts, so that a lookup soon after finds it in the
    /// cache: touching a block of ids before looking them up lets their cache misses overlap.
    ///
    /// The loaded key goes into `touched`, so the load is not optimised away.
    @inline(__always)
    mutating func touch(_ id: SentenceID) { touched &+= slots[slot(id.rawValue)].key }

    /// Records `row` for `id`, which must not be in the table yet.
    @inline(__always)
    mutating func insert(_ id: SentenceID, row: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = slot(id.rawValue)
        while slots[i].row >= 0 { i = (i + 1) & mask }
        slots[i] = Slot(key: id.rawValue, row: Int64(row))
        count += 1
    }

    /// The row of `id`, inserting it as the next dense row (`count` before the call) when new.
    @inline(__always)
    mutating func row(for id: SentenceID) -> (row: Int32, inserted: Bool) {
        if let existing = row(of: id) { return (existing, false) }
        let row = Int32(count)
        insert(id, row: row)
        return (row, true)
    }

    private mutating func grow() {
        var bigger = SentenceIDTable(capacity: slots.count)
        for entry in slots where entry.row >= 0 {
            bigger.insert(SentenceID(rawValue: entry.key), row: Int32(truncatingIfNeeded: entry.row))
        }
        self = bigger
    }
}
