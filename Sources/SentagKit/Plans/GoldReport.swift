/// Each annotator's accuracy on the plan's gold items: how many they decided, how many match
/// the gold label, a 95% interval, the confusion against gold, and the trend (the last
/// `recentWindow` gold decisions against the ones before).
///
/// A view of the decision table: an annotator's current vote on a gold sentence that counts
/// (`DecisionView.forEachDecision`) is one gold decision; adjudications are not. Gold items are
/// not agreement items: `sentag agreement` leaves them out of its ratings.
public struct GoldReport: Sendable {
    /// Decisions on gold and how many were right.
    public struct Tally: Equatable, Sendable {
        public var items: Int
        public var correct: Int

        public init(items: Int = 0, correct: Int = 0) {
            self.items = items
            self.correct = correct
        }

        /// nil without items.
        public var accuracy: Double? { items > 0 ? Double(correct) / Double(items) : nil }
    }

    /// A 95% interval of an accuracy.
    public struct Interval: Equatable, Sendable {
        public var low: Double
        public var high: Double
    }

    /// One annotator's gold record.
    public struct Annotator: Equatable, Sendable {
        public var name: String
        public var overall: Tally
        /// Wilson score interval at 95%; nil without items.
        public var interval: Interval?
        /// Rows: the gold label; columns: the annotator's label (label-set order).
        public var confusion: [[Int]]
        /// The latest `recentWindow` gold decisions (by time), and those before them.
        public var recent: Tally
        public var earlier: Tally
    }

    /// The label set, in order (the confusion's rows and columns).
    public var labels: [String]
    /// Gold items of the plan whose label is in the label set.
    public var goldItems: Int
    /// Where the gold items came from.
    public var file: String
    public var annotators: [Annotator]

    /// The trend compares the last this many gold decisions with the ones before.
    public static let recentWindow = 50

    /// The gold record of every annotator with a vote in `view` (or of those named).
    public static func compute(view: DecisionView, gold: GoldSet, annotators selected: [String]? = nil) -> GoldReport {
        let q = view.labelSet.count
        var goldLabel: [SentenceID: Int] = [:]
        for item in gold.items {
            if let label = view.labelSet.index(of: item.label) { goldLabel[item.id] = label }
        }
        let wanted = selected.map(Set.init)
        var annotators: [Annotator] = []
        for (index, journal) in view.table.journals.enumerated() {
            if let wanted, !wanted.contains(journal.annotator) { continue }
            var votes = 0
            var decisions: [(time: Int64, position: RecordPosition, gold: Int, given: Int)] = []
            view.forEachDecision(journal: index, adjudicated: false) { decision in
                votes += 1
                if let expected = goldLabel[decision.id] {
                    decisions.append((decision.vote.time, decision.vote.position, expected, decision.label))
                }
            }
            guard votes > 0 || wanted != nil else { continue }
            decisions.sort { $0.time != $1.time ? $0.time < $1.time : $0.position < $1.position }
            var confusion = [[Int]](repeating: [Int](repeating: 0, count: q), count: q)
            var overall = Tally()
            var recent = Tally()
            var earlier = Tally()
            let firstRecent = max(0, decisions.count - recentWindow)
            for (i, decision) in decisions.enumerated() {
                confusion[decision.gold][decision.given] += 1
                let right = decision.gold == decision.given ? 1 : 0
                overall.items += 1
                overall.correct += right
                if i >= firstRecent {
                    recent.items += 1
                    recent.correct += right
                } else {
                    earlier.items += 1
                    earlier.correct += right
                }
            }
            annotators.append(
                Annotator(
                    name: journal.annotator, overall: overall, interval: wilson(overall), confusion: confusion,
                    recent: recent, earlier: earlier))
        }
        return GoldReport(
            labels: view.labelSet.names, goldItems: goldLabel.count, file: gold.file, annotators: annotators)
    }

    /// The Wilson score interval at 95% (z = 1.959964): well-behaved near 0 and 1 and for few
    /// items, unlike the normal approximation.
    public static func wilson(_ tally: Tally) -> Interval? {
        guard tally.items > 0 else { return nil }
        let z = 1.959_963_984_540_054
        let n = Double(tally.items)
        let p = Double(tally.correct) / n
        let denominator = 1 + z * z / n
        let center = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return Interval(low: max(0, center - half), high: min(1, center + half))
    }
}
