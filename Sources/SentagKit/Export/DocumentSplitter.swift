/// Shares documents out between train, dev and test so that the number of sentences in each part
/// comes close to the requested ratios.
///
/// A document is never divided between parts.
///
/// The algorithm, reproducible for a seed:
/// 1. Documents are taken in the caller's (canonical, sorted) order and shuffled with
///    `SplitMix64(seed:)`.
/// 2. When there are at least as many documents as parts with a non-zero ratio, each such part
///    first receives one document (in the shuffled order, train then dev then test), so that no
///    requested part stays empty.
/// 3. Every further document goes to the part whose shortfall (target sentences minus sentences
///    so far) is largest, the earlier part on a tie. Parts with ratio 0 get nothing.
///
/// Each part ends within about one document's size of its target. Cost: O(documents).
public struct DocumentSplitter: Sendable {
    public var ratios: SplitRatios
    public var seed: UInt64

    public init(ratios: SplitRatios, seed: UInt64) {
        self.ratios = ratios
        self.seed = seed
    }

    /// The part of each document, given each document's number of sentences (same order).
    public func assign(sentenceCounts: [Int]) -> [DatasetSplit] {
        var order = Array(sentenceCounts.indices)
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&order)

        let total = Double(sentenceCounts.reduce(0, +))
        let active = DatasetSplit.allCases.filter { ratios.fraction($0) > 0 }
        let targets = DatasetSplit.allCases.map { ratios.fraction($0) * total }
        var filled = [Double](repeating: 0, count: DatasetSplit.allCases.count)
        var result = [DatasetSplit](repeating: active.first ?? .train, count: sentenceCounts.count)

        var next = 0
        if order.count >= active.count {
            for split in active {
                let document = order[next]
                result[document] = split
                filled[split.rawValue] += Double(sentenceCounts[document])
                next += 1
            }
        }
        while next < order.count {
            let document = order[next]
            var best = active[0]
            for split in active.dropFirst()
            where targets[split.rawValue] - filled[split.rawValue] > targets[best.rawValue] - filled[best.rawValue] {
                best = split
            }
            result[document] = best
            filled[best.rawValue] += Double(sentenceCounts[document])
            next += 1
        }
        return result
    }
}
