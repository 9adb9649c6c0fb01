/// A seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// The export split, the bootstrap and `label --order shuffle` draw from this rather than
/// `SystemRandomNumberGenerator`, Swift's seeded `Hasher` or the standard library's
/// `shuffle(using:)` (whose use of the generator is not a documented contract), so that a seed
/// gives the same result on every machine, run and Swift version: the sequence is fixed by the
/// constants below, `next(below:)` fixes how a bounded integer is drawn from it and `shuffle`
/// how a permutation is.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject method, unbiased).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle in place, from the last position down.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = next(below: i + 1)
            if i != j { items.swapAt(i, j) }
        }
    }
}
