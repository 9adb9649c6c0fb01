/// For each item of a `RatingTable`: how many ratings it has, how many went to each label, and
/// the per-item shares every multi-rater coefficient sums.
///
/// Computed once; the coefficients and every bootstrap sample are sums of these rows
/// (`AgreementTotals`), so resampling items never goes back to the table.
public struct ItemLabelCounts: Sendable {
    public let labelCount: Int
    public let annotatorCount: Int
    /// Item-major: `counts[item * labelCount + label]`.
    public let counts: [Int32]
    /// Ratings of each item (`m` in Krippendorff's notation, `r_i` in Gwet's).
    public let ratings: [Int32]
    /// For items with at least two ratings: agreeing pairs of ratings / all pairs,
    /// Σ_k n_k(n_k − 1) / (m(m − 1)).
    ///
    /// Zero otherwise.
    public let pairShare: [Double]
    /// For items with at least two ratings: the item's diagonal of Krippendorff's coincidence
    /// matrix, Σ_k n_k(n_k − 1) / (m − 1).
    ///
    /// Zero otherwise.
    public let coincidence: [Double]

    public init(_ table: RatingTable) {
        let q = table.labelCount
        let a = table.annotatorCount
        let n = table.itemCount
        var counts = [Int32](repeating: 0, count: n * q)
        var ratings = [Int32](repeating: 0, count: n)
        var pairShare = [Double](repeating: 0, count: n)
        var coincidence = [Double](repeating: 0, count: n)
        table.cells.withUnsafeBufferPointer { cells in
            for item in 0..<n {
                var m: Int32 = 0
                for column in 0..<a {
                    let cell = cells[item * a + column]
                    if cell >= 0 {
                        counts[item * q + Int(cell)] += 1
                        m += 1
                    }
                }
                ratings[item] = m
                guard m >= 2 else { continue }
                var same = 0
                for k in 0..<q {
                    let c = Int(counts[item * q + k])
                    same += c * (c - 1)
                }
                pairShare[item] = Double(same) / Double(Int(m) * Int(m - 1))
                coincidence[item] = Double(same) / Double(m - 1)
            }
        }
        self.labelCount = q
        self.annotatorCount = a
        self.counts = counts
        self.ratings = ratings
        self.pairShare = pairShare
        self.coincidence = coincidence
    }

    public var itemCount: Int { ratings.count }

    /// True when every annotator of the table rated the item (the items Fleiss' kappa uses).
    @inline(__always)
    public func isComplete(_ item: Int) -> Bool { Int(ratings[item]) == annotatorCount }
}
