#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers the distinct names (labels, document ids) met while reading a journal, looking them
/// up by their bytes so that a known name costs no `String`.
///
/// Open addressing on `XXHash64` of the bytes, kept at most half full; a hit is confirmed by
/// comparing the bytes with the stored name's UTF-8.
struct NameInterner: Sendable {
    private(set) var names: [String] = []
    /// Per slot: the name's hash and its index + 1 (0: empty).
    private var slots: [(hash: UInt64, index: Int32)] = Array(repeating: (0, 0), count: 16)

    init() {}

    init(names: [String]) {
        for name in names { _ = intern(name) }
    }

    /// The number of `bytes` (a name's UTF-8), adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(bytes, hash: XXHash64.hash(bytes))
    }

    /// `intern` with the bytes' `XXHash64` already computed (by a reading thread).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].index != 0 {
            if slots[i].hash == hash {
                let index = Int(slots[i].index - 1)
                let equal =
                    names[index].utf8.withContiguousStorageIfAvailable { stored in
                        guard stored.count == bytes.count else { return false }
                        // Only an empty buffer has no start, and then both are empty.
                        guard let storedStart = stored.baseAddress, let start = bytes.baseAddress else { return true }
                        return memcmp(storedStart, start, bytes.count) == 0
                    } ?? (Array(names[index].utf8) == Array(bytes))
                if equal { return Int32(index) }
            }
            i = (i + 1) & mask
        }
        names.append(String(decoding: bytes, as: UTF8.self))
        let index = Int32(names.count)
        slots[i] = (hash, index)
        if names.count * 2 > slots.count { grow() }
        return index - 1
    }

    mutating func intern(_ name: String) -> Int32 {
        var copy = name
        return copy.withUTF8 { intern($0) }
    }

    private mutating func grow() {
        var bigger = [(hash: UInt64, index: Int32)](repeating: (0, 0), count: slots.count * 2)
        let mask = bigger.count - 1
        for slot in slots where slot.index != 0 {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while bigger[i].index != 0 { i = (i + 1) & mask }
            bigger[i] = slot
        }
        slots = bigger
    }
}
