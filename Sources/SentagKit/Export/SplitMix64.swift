/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// The exporter's split must come out the same for a given `--seed` on every machine, Swift
/// version and run, so it uses this fixed algorithm and its own bounded draw and shuffle rather
/// than the system generator, Swift's seeded `Hasher` or the standard library's `shuffle(using:)`
/// (whose use of the generator is not a documented contract).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), by rejection so there is no modulo bias.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return value % bound }
        }
    }

    /// Fisher–Yates shuffle in place, from the last position down.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next(below: UInt64(i + 1)))
            if i != j { items.swapAt(i, j) }
        }
    }
}
