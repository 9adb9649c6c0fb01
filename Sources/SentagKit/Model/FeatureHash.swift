/// The fixed 64-bit hash behind every hashed feature: FNV-1a over bytes, then the SplitMix64
/// finaliser.
///
/// The same on every machine, run and Swift version (never Swift's seeded `Hasher`), so a model's
/// buckets mean the same thing wherever it is rebuilt. Each kind of feature starts from its own
/// seed (`namespace`), so the word `photo` and the character trigram `pho` never share a hash
/// by construction.
struct FeatureHash {
    private(set) var state: UInt64

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    init(namespace: UInt8) {
        state = Self.offsetBasis
        add(namespace)
    }

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
    }

    /// The finished hash.
    @inline(__always)
    var value: UInt64 { Self.finalise(state) }

    @inline(__always)
    static func finalise(_ raw: UInt64) -> UInt64 {
        var z = raw
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The hash of a whole name in a namespace.
    static func of(_ text: String, namespace: UInt8) -> UInt64 {
        var hash = FeatureHash(namespace: namespace)
        hash.add(text)
        return hash.value
    }
}
