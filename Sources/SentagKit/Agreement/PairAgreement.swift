/// Cohen's kappa and the confusion matrix of one pair of annotators, over the items both rated.
///
/// κ = (p_o − p_e) / (1 − p_e) with p_o the share of common items given the same label and
/// p_e = Σ_k (row_k / n)(column_k / n) from the two annotators' own label distributions (Cohen
/// 1960). Undefined when the pair has no item in common, or when both gave every common item the
/// same single label (p_e = 1).
public struct PairAgreement: Equatable, Sendable {
    public var a: String
    public var b: String
    /// Items rated by both.
    public var items: Int
    /// The share of those items given the same label; nil when there are none.
    public var agreement: Double?
    public var cohenKappa: Coefficient
    /// `confusion[i][j]`: items `a` labelled `labels[i]` and `b` labelled `labels[j]`.
    public var confusion: [[Int]]

    public init(a: String, b: String, items: Int, agreement: Double?, cohenKappa: Coefficient, confusion: [[Int]]) {
        self.a = a
        self.b = b
        self.items = items
        self.agreement = agreement
        self.cohenKappa = cohenKappa
        self.confusion = confusion
    }

    /// The pair of columns `a` and `b` of `table`.
    public init(_ table: RatingTable, a: Int, b: Int) {
        let q = table.labelCount
        let width = table.annotatorCount
        var flat = [Int](repeating: 0, count: q * q)
        table.cells.withUnsafeBufferPointer { cells in
            for item in 0..<table.itemCount {
                let x = cells[item * width + a]
                let y = cells[item * width + b]
                if x >= 0 && y >= 0 { flat[Int(x) * q + Int(y)] += 1 }
            }
        }
        let confusion = (0..<q).map { Array(flat[($0 * q)..<($0 * q + q)]) }
        self = Self.from(confusion: confusion, a: table.annotators[a], b: table.annotators[b], labels: table.labels)
    }

    /// Kappa and agreement of a given confusion matrix (rows `a`, columns `b`).
    public static func from(confusion: [[Int]], a: String, b: String, labels: [String]) -> PairAgreement {
        let q = confusion.count
        var n = 0
        var same = 0
        var rows = [Int](repeating: 0, count: q)
        var columns = [Int](repeating: 0, count: q)
        for i in 0..<q {
            for j in 0..<q {
                let c = confusion[i][j]
                n += c
                rows[i] += c
                columns[j] += c
                if i == j { same += c }
            }
        }
        guard n > 0 else {
            return PairAgreement(
                a: a, b: b, items: 0, agreement: nil,
                cohenKappa: .undefined(items: 0, "\(a) and \(b) have rated no item in common"), confusion: confusion)
        }
        var chancePairs = 0
        for k in 0..<q { chancePairs += rows[k] * columns[k] }
        let observed = Double(same) / Double(n)
        let kappa: Coefficient
        if chancePairs == n * n {
            let label =
                rows.firstIndex(where: { $0 > 0 }).map { labels.indices.contains($0) ? "'\(labels[$0])'" : "one label" }
                ?? "one label"
            kappa = .undefined(items: n, "\(a) and \(b) gave every common item \(label), so chance agreement is 1")
        } else {
            let expected = Double(chancePairs) / (Double(n) * Double(n))
            kappa = Coefficient(value: (observed - expected) / (1 - expected), items: n)
        }
        return PairAgreement(a: a, b: b, items: n, agreement: observed, cohenKappa: kappa, confusion: confusion)
    }

    /// Every pair of columns `i < j` of the table, in column order.
    public static func all(_ table: RatingTable) -> [PairAgreement] {
        var pairs: [PairAgreement] = []
        for i in 0..<table.annotatorCount {
            for j in (i + 1)..<max(i + 1, table.annotatorCount) { pairs.append(PairAgreement(table, a: i, b: j)) }
        }
        return pairs
    }
}
