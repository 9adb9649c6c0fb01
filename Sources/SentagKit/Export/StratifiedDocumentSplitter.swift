/// Shares documents out between train, dev and test so that each label's examples, not only the
/// sentence counts, come close to the requested ratios (`sentag export --stratify`).
///
/// A document is never divided between parts.
///
/// The algorithm, reproducible for a seed (a greedy grouped stratification, in the spirit of
/// scikit-learn's `StratifiedGroupKFold`):
/// 1. Documents are taken in the caller's (canonical, sorted) order and shuffled with
///    `SplitMix64(seed:)`; then, keeping that order among equals, the documents holding the
///    rarest labels come first, larger ones first, so the few documents that carry a rare
///    label are placed while every part still has room for them.
/// 2. Each document goes to the part where it lowers most the squared distance between the
///    part's shares and its ratio: Σ over labels of (the part's share of the label's examples −
///    ratio)², plus the same for the part's share of all examples. Shares, not counts: in counts
///    the common label outweighs the rest (a claim among 300 would weigh as much as a caption
///    among 20), and the rare labels, the reason to stratify, would follow the claims. The
///    earlier part wins a tie; parts with ratio 0 get nothing.
/// 3. When there are at least as many documents as parts with a non-zero ratio and one of them
///    is still empty, it takes the smallest document of the part with the most documents.
///
/// Cost: O(documents × labels × parts) after an O(documents log documents) sort.
public struct StratifiedDocumentSplitter: Sendable {
    public var ratios: SplitRatios
    public var seed: UInt64

    public init(ratios: SplitRatios, seed: UInt64) {
        self.ratios = ratios
        self.seed = seed
    }

    /// The part of each document, given each document's number of examples per label (same
    /// order; every row as long as the label set).
    public func assign(labelCounts: [[Int]]) -> [DatasetSplit] {
        let labelCount = labelCounts.first?.count ?? 0
        var order = Array(labelCounts.indices)
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&order)

        var totals = [Int](repeating: 0, count: labelCount)
        for row in labelCounts {
            for (k, count) in row.enumerated() { totals[k] += count }
        }
        let sizes = labelCounts.map { $0.reduce(0, +) }
        let total = sizes.reduce(0, +)
        // The rarest label a document holds (its total), for the order of step 1.
        let rarest = labelCounts.map { row in
            row.indices.filter { row[$0] > 0 }.map { totals[$0] }.min() ?? Int.max
        }
        order = order.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if rarest[x] != rarest[y] { return rarest[x] < rarest[y] }
            if sizes[x] != sizes[y] { return sizes[x] > sizes[y] }
            return a.offset < b.offset
        }.map(\.element)

        let active = DatasetSplit.allCases.filter { ratios.fraction($0) > 0 }
        var result = [DatasetSplit](repeating: active.first ?? .train, count: labelCounts.count)
        guard !active.isEmpty else { return result }
        var filled = [[Int]](repeating: [Int](repeating: 0, count: labelCount), count: DatasetSplit.allCases.count)
        var filledSize = [Int](repeating: 0, count: DatasetSplit.allCases.count)
        for document in order {
            var best = active[0]
            var bestCost = Double.infinity
            for split in active {
                let ratio = ratios.fraction(split)
                // The change of (share − ratio)² for each label the document holds, and for the size.
                func change(filled: Int, adding: Int, total: Int) -> Double {
                    let before = Double(filled) / Double(total) - ratio
                    let after = before + Double(adding) / Double(total)
                    return after * after - before * before
                }
                var cost = 0.0
                for k in 0..<labelCount where labelCounts[document][k] > 0 {
                    cost += change(
                        filled: filled[split.rawValue][k], adding: labelCounts[document][k], total: totals[k])
                }
                if total > 0 {
                    cost += change(filled: filledSize[split.rawValue], adding: sizes[document], total: total)
                }
                if cost < bestCost {
                    bestCost = cost
                    best = split
                }
            }
            result[document] = best
            filledSize[best.rawValue] += sizes[document]
            for k in 0..<labelCount { filled[best.rawValue][k] += labelCounts[document][k] }
        }
        if labelCounts.count >= active.count {
            for split in active where !result.contains(split) {
                // `split` is one of `active`, and with at least as many documents as splits while
                // `split` has none, the fullest split holds a document.
                guard
                    let fullest = active.max(by: { a, b in
                        result.filter { $0 == a }.count < result.filter { $0 == b }.count
                    }),
                    let smallest = result.indices.filter({ result[$0] == fullest }).min(by: { sizes[$0] < sizes[$1] })
                else { preconditionFailure("the fullest split of more documents than splits is never empty") }
                result[smallest] = split
            }
        }
        return result
    }
}
