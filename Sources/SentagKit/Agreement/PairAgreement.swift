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
    ///
    /// One pass over the items: each item's ratings are gathered once and every pair of them
    /// counted, rather than one pass over the table per pair.
    public static func all(_ table: RatingTable) -> [PairAgreement] {
        let width = table.annotatorCount
        let q = table.labelCount
        guard width >= 2 else { return [] }
        var pairIndex = [Int](repeating: -1, count: width * width)
        var pairCount = 0
        for i in 0..<width {
            for j in (i + 1)..<width {
                pairIndex[i * width + j] = pairCount
                pairCount += 1
            }
        }
        var counts = [Int](repeating: 0, count: pairCount * q * q)
        var columns = [Int](repeating: 0, count: width)
        var labels = [Int](repeating: 0, count: width)
        table.cells.withUnsafeBufferPointer { cells in
            counts.withUnsafeMutableBufferPointer { counts in
                for item in 0..<table.itemCount {
                    var rated = 0
                    for column in 0..<width {
                        let cell = cells[item * width + column]
                        if cell >= 0 {
                            columns[rated] = column
                            labels[rated] = Int(cell)
                            rated += 1
                        }
                    }
                    guard rated >= 2 else { continue }
                    for x in 0..<(rated - 1) {
                        let rowBase = columns[x] * width
                        let labelBase = labels[x] * q
                        for y in (x + 1)..<rated {
                            counts[pairIndex[rowBase + columns[y]] * q * q + labelBase + labels[y]] += 1
                        }
                    }
                }
            }
        }
        var pairs: [PairAgreement] = []
        for i in 0..<width {
            for j in (i + 1)..<width {
                let base = pairIndex[i * width + j] * q * q
                let confusion = (0..<q).map { row in Array(counts[(base + row * q)..<(base + row * q + q)]) }
                pairs.append(
                    from(confusion: confusion, a: table.annotators[i], b: table.annotators[j], labels: table.labels))
            }
        }
        return pairs
    }
}
