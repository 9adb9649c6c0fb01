/// How often each annotator used one label, and how well they agree on it.
///
/// Specific (positive) agreement for label k generalises 2a / (2a + b + c) of two raters to any
/// number with missing ratings: over items with at least two ratings,
/// PS_k = Σ_i n_ik(n_ik − 1) / Σ_i n_ik(m_i − 1) — of all the pairs of ratings that involve a
/// rating k, the share where the other rating is k as well.
public struct LabelAgreement: Equatable, Sendable {
    public var label: String
    /// Current ratings with this label, per annotator (in the table's annotator order).
    public var usage: [Int]
    /// Items: those with at least two ratings where someone gave this label.
    public var specificAgreement: Coefficient

    public init(label: String, usage: [Int], specificAgreement: Coefficient) {
        self.label = label
        self.usage = usage
        self.specificAgreement = specificAgreement
    }

    /// One entry per label of the table, in label-set order.
    public static func all(_ table: RatingTable, counts: ItemLabelCounts) -> [LabelAgreement] {
        let q = table.labelCount
        let width = table.annotatorCount
        var usage = [[Int]](repeating: [Int](repeating: 0, count: width), count: q)
        for item in 0..<table.itemCount {
            for column in 0..<width {
                let cell = table.cells[item * width + column]
                if cell >= 0 { usage[Int(cell)][column] += 1 }
            }
        }
        var agreeing = [Int](repeating: 0, count: q)
        var involving = [Int](repeating: 0, count: q)
        var items = [Int](repeating: 0, count: q)
        for item in 0..<counts.itemCount {
            let m = Int(counts.ratings[item])
            guard m >= 2 else { continue }
            for k in 0..<q {
                let c = Int(counts.counts[item * q + k])
                guard c > 0 else { continue }
                agreeing[k] += c * (c - 1)
                involving[k] += c * (m - 1)
                items[k] += 1
            }
        }
        return (0..<q).map { k in
            let specific: Coefficient =
                involving[k] == 0
                ? .undefined(items: 0, "no item with two or more ratings has this label")
                : Coefficient(value: Double(agreeing[k]) / Double(involving[k]), items: items[k])
            return LabelAgreement(label: table.labels[k], usage: usage[k], specificAgreement: specific)
        }
    }
}
