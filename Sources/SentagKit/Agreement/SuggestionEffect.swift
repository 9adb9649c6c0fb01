/// How suggestions were used, from the `suggested` of each current vote (a view of the decision
/// table): per annotator, how many current decisions were made with a suggestion on screen and
/// how many took it; and agreement on the items labeled with a suggestion shown against those
/// labeled without, so a lead can see whether pre-annotation pulls labels toward the machine's.
///
/// An item counts as "with a suggestion" when at least one of its current ratings was made with
/// one on screen, "without" when none was. Only ratings (votes) count, as in agreement;
/// adjudications are not ratings.
public struct SuggestionEffect: Equatable, Sendable {
    /// One annotator's use of suggestions.
    public struct Use: Equatable, Sendable {
        public var annotator: String
        /// Current decisions that count.
        public var decisions: Int
        /// Of them, made with a suggestion on screen, and of those, with the suggested label.
        public var shown: Int
        public var accepted: Int

        /// `accepted / shown`; nil when no suggestion was shown.
        public var acceptance: Double? { shown > 0 ? Double(accepted) / Double(shown) : nil }
    }

    /// Per annotator with a current decision, in table order.
    public var uses: [Use]
    /// Percent agreement and Krippendorff's alpha on items labeled with a suggestion shown, and
    /// on items labeled without.
    public var withSuggestion: AgreementCoefficients
    public var withoutSuggestion: AgreementCoefficients

    /// Whether any current decision was made with a suggestion on screen.
    public var anyShown: Bool { uses.contains { $0.shown > 0 } }

    /// The view over the ratings of `view` (all annotators, or those named).
    public static func compute(view: DecisionView, annotators: [String]? = nil) throws(StoreError)
        -> SuggestionEffect
    {
        try compute(view: view, ratings: Ratings.collect(view, annotators: annotators))
    }

    /// The same over ratings already collected from `view` with no item excluded.
    static func compute(view: DecisionView, ratings: Ratings) -> SuggestionEffect {
        let table = ratings.table
        var uses: [Use] = []
        var shownByCell = [Bool](repeating: false, count: table.cells.count)
        for (column, journalIndex) in ratings.journals.enumerated() {
            let journal = view.table.journals[journalIndex]
            var use = Use(annotator: journal.annotator, decisions: 0, shown: 0, accepted: 0)
            for row in 0..<table.itemCount {
                guard table[row, column] != nil, let slot = ratings.slot(row: row, column: column) else { continue }
                let vote = journal.votes.votes[slot]
                use.decisions += 1
                guard vote.suggested >= 0 else { continue }
                use.shown += 1
                if vote.suggested == vote.label { use.accepted += 1 }
                shownByCell[row * table.annotatorCount + column] = true
            }
            uses.append(use)
        }
        var withRows: [Int] = []
        var withoutRows: [Int] = []
        for row in 0..<table.itemCount {
            let cells = (row * table.annotatorCount)..<((row + 1) * table.annotatorCount)
            if shownByCell[cells].contains(true) { withRows.append(row) } else { withoutRows.append(row) }
        }
        func coefficients(_ rows: [Int]) -> AgreementCoefficients {
            var cells: [Int16] = []
            cells.reserveCapacity(rows.count * table.annotatorCount)
            for row in rows {
                cells += table.cells[(row * table.annotatorCount)..<((row + 1) * table.annotatorCount)]
            }
            return AgreementCoefficients(
                RatingTable(
                    annotators: table.annotators, labels: table.labels, itemIDs: rows.map { table.itemIDs[$0] },
                    cells: cells))
        }
        return SuggestionEffect(
            uses: uses, withSuggestion: coefficients(withRows), withoutSuggestion: coefficients(withoutRows))
    }

    /// The text lines `stats` and `agreement` print (nothing when no suggestion was ever shown).
    public func lines(agreement: Bool) -> [String] {
        guard anyShown else { return [] }
        var lines: [String] = []
        for use in uses where use.decisions > 0 {
            if let acceptance = use.acceptance {
                lines.append(
                    "\(use.annotator): \(use.shown) of \(use.decisions) decisions made with a suggestion on screen, "
                        + "\(use.accepted) of them took it (\(Self.percent(acceptance)))")
            } else {
                lines.append("\(use.annotator): \(use.decisions) decisions, none with a suggestion on screen")
            }
        }
        if agreement {
            for (name, figures) in [
                ("labeled with a suggestion shown", withSuggestion), ("labeled without", withoutSuggestion),
            ] {
                let paired = figures.percentAgreement.items
                let percent = figures.percentAgreement.value.map(Self.percent) ?? "n/a"
                let alpha = figures.krippendorffAlpha.value.map { String(Self.threeDecimals($0)) } ?? "n/a"
                lines.append(
                    "items \(name): \(paired) with 2 or more ratings, agreement \(percent), alpha \(alpha)")
            }
        }
        return lines
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    static func threeDecimals(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// `"suggestions"` in `stats --json` and `agreement --json`: per annotator `shown`,
    /// `accepted`, `acceptance` (null when none was shown); with `agreement`, the two groups'
    /// `items` (with 2 or more ratings), `percent_agreement` and `krippendorff_alpha`.
    public func writeJSON(to writer: inout JSONWriter, agreement: Bool) {
        writer.beginObject()
        writer.key("annotators")
        writer.beginObject()
        for use in uses {
            writer.key(use.annotator)
            writer.beginObject()
            writer.field("decisions", use.decisions)
            writer.field("shown", use.shown)
            writer.field("accepted", use.accepted)
            writer.field("acceptance", use.acceptance)
            writer.endObject()
        }
        writer.endObject()
        if agreement {
            for (key, figures) in [("with_suggestion", withSuggestion), ("without_suggestion", withoutSuggestion)] {
                writer.key(key)
                writer.beginObject()
                writer.field("items", figures.percentAgreement.items)
                writer.field("percent_agreement", figures.percentAgreement.value)
                writer.field("krippendorff_alpha", figures.krippendorffAlpha.value)
                writer.endObject()
            }
        }
        writer.endObject()
    }
}
