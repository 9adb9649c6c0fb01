/// Up to 16 bytes of a word packed into two integers, so word lists are looked up without making
/// a `String`.
///
/// Byte `k` of the word lands in bits `8k…8k+7` of `low` (k < 8) or of `high` (k ≥ 8). Shorter
/// words leave zero bytes, which text does not contain, so words of different lengths differ.
struct PackedWord: Hashable, Sendable {
    static let capacity = 16

    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0

    /// Already packed bytes (see the type's description).
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The bytes `start..<end` of `base`, ASCII letters lowercased when `lowercased` is set; nil
    /// when they are more than 16.
    @inline(__always)
    init?(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, lowercased: Bool) {
        guard end - start <= Self.capacity else { return nil }
        var k = 0
        var index = start
        while index < end {
            var byte = base[index]
            if lowercased && byte &- 0x41 < 26 { byte |= 0x20 }
            append(byte, at: k)
            k &+= 1
            index &+= 1
        }
    }

    /// A word written in the source, for the word lists (at most 16 UTF-8 bytes).
    init(_ word: String) {
        precondition(word.utf8.count <= Self.capacity, "word list entry longer than 16 bytes: \(word)")
        for (k, byte) in word.utf8.enumerated() { append(byte, at: k) }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8, at k: Int) {
        if k < 8 {
            low |= UInt64(byte) << UInt64(k &* 8)
        } else {
            high |= UInt64(byte) << UInt64((k &- 8) &* 8)
        }
    }

    /// A set of words given as one space-separated list.
    static func set(_ list: String) -> Set<PackedWord> {
        Set(list.split(separator: " ").map { PackedWord(String($0)) })
    }
}
