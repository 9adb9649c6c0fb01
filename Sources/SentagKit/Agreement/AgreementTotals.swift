/// The sums over items from which every multi-rater coefficient is computed.
///
/// All are additive: the totals of a bootstrap sample are the per-item contributions weighted by
/// how often the sample drew each item. Counts stay integers so the degenerate cases (one label
/// only, no pairs) are decided exactly, not by comparing doubles.
public struct AgreementTotals: Equatable, Sendable {
    public let labelCount: Int
    /// Items with at least one rating.
    public var items = 0
    /// Items with at least two ratings.
    public var pairedItems = 0
    /// Σ over paired items of agreeing pairs / all pairs.
    public var pairAgreement = 0.0
    /// Krippendorff's n: ratings on paired items (the pairable values).
    public var pairableValues = 0
    /// Σ_c o_cc, the diagonal of Krippendorff's coincidence matrix.
    public var coincidence = 0.0
    /// n_c: ratings per label on paired items.
    public var pairedLabelCounts: [Int]
    /// Items rated by every annotator.
    public var completeItems = 0
    /// Σ over complete items of agreeing pairs / all pairs (Fleiss' Σ P_i).
    public var completeAgreement = 0.0
    /// Ratings per label on complete items.
    public var completeLabelCounts: [Int]
    /// Σ over items of (ratings of the label / ratings of the item), Gwet's n·π_k.
    public var labelShares: [Double]

    public init(labelCount: Int) {
        self.labelCount = labelCount
        pairedLabelCounts = Array(repeating: 0, count: labelCount)
        completeLabelCounts = Array(repeating: 0, count: labelCount)
        labelShares = Array(repeating: 0, count: labelCount)
    }

    /// The totals over every item of `counts`.
    public init(_ counts: ItemLabelCounts) {
        self.init(labelCount: counts.labelCount)
        for item in 0..<counts.itemCount { add(item, of: counts, weight: 1) }
    }

    /// Adds item `item` of `counts` `weight` times.
    @inline(__always)
    public mutating func add(_ item: Int, of counts: ItemLabelCounts, weight: Int) {
        let m = Int(counts.ratings[item])
        guard m > 0 else { return }
        let q = labelCount
        let base = item * q
        let w = Double(weight)
        items += weight
        for k in 0..<q {
            let c = Int(counts.counts[base + k])
            if c != 0 { labelShares[k] += w * (Double(c) / Double(m)) }
        }
        if m == counts.annotatorCount {
            completeItems += weight
            completeAgreement += w * counts.pairShare[item]
            for k in 0..<q { completeLabelCounts[k] += weight * Int(counts.counts[base + k]) }
        }
        guard m >= 2 else { return }
        pairedItems += weight
        pairAgreement += w * counts.pairShare[item]
        pairableValues += weight * m
        coincidence += w * counts.coincidence[item]
        for k in 0..<q { pairedLabelCounts[k] += weight * Int(counts.counts[base + k]) }
    }
}
