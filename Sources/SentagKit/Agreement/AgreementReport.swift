/// Everything `sentag agreement` reports: SPEC.md's Agreement JSON and what the text adds.
///
/// `compute(directory:annotators:labelSet:)` is the entry point for other commands (the
/// exporter's manifest uses it for its agreement summary); `init(table:)` computes the same
/// figures from a `RatingTable` alone, which is how the worked examples are tested.
public struct AgreementReport: Sendable {
    /// What to compute beyond the figures SPEC.md requires.
    public struct Options: Equatable, Sendable {
        /// Bootstrap samples for the intervals; 0 for none.
        public var bootstrapSamples: Int
        public var seed: UInt64
        /// List the items whose ratings differ (reads their records again).
        public var listDisagreements: Bool
        /// Sentences that are not agreement items (a plan's gold checks).
        public var excludedItems: Set<SentenceID>

        public init(
            bootstrapSamples: Int = 0, seed: UInt64 = 1, listDisagreements: Bool = false,
            excludedItems: Set<SentenceID> = []
        ) {
            self.bootstrapSamples = bootstrapSamples
            self.seed = seed
            self.listDisagreements = listDisagreements
            self.excludedItems = excludedItems
        }
    }

    /// Sorted annotator names (the table's columns).
    public var annotators: [String]
    /// The label set, in order.
    public var labels: [String]
    /// Ids with at least one rating.
    public var items: Int
    /// Current ratings, over all annotators.
    public var ratings: Int
    public var coefficients: AgreementCoefficients
    /// One per annotator pair a < b, in annotator order.
    public var pairs: [PairAgreement]
    /// One per label, in label-set order.
    public var perLabel: [LabelAgreement]
    /// `ratingsPerItem[m]`: the number of items with m ratings (index 0 is always 0).
    public var ratingsPerItem: [Int]
    /// Items whose current ratings are not all the same label.
    public var disagreementCount: Int
    public var bootstrap: BootstrapIntervals?
    /// With `listDisagreements`: the disagreements, by document and position.
    public var disagreements: [Disagreement]?
    /// Journal lines skipped as unreadable (listed on standard error by the command).
    public var skippedLines = 0
    /// How suggestions were used and agreement with and without them (from a decision view).
    public var suggestions: SuggestionEffect?
    /// Annotators with a label file but no current rating, not counted.
    public var leftOut: [String]
    /// Accuracy on a plan's gold items (`GoldReport`), when the plan has some.
    public var gold: GoldReport?

    public var percentAgreement: Coefficient { coefficients.percentAgreement }
    public var krippendorffAlpha: Coefficient { coefficients.krippendorffAlpha }
    public var fleissKappa: Coefficient { coefficients.fleissKappa }
    /// The number of items rated by every annotator (the items of Fleiss' kappa).
    public var fleissItems: Int { coefficients.fleissKappa.items }
    public var gwetAC1: Coefficient { coefficients.gwetAC1 }

    /// The report for the decisions of `view`: all annotators with a current rating, or those
    /// named.
    ///
    /// With `listDisagreements`, the texts of the disagreements are read from `store`.
    public static func compute(
        view: DecisionView, annotators: [String]? = nil, options: Options = Options(),
        store: (any JournalStore)? = nil
    ) throws(StoreError) -> AgreementReport {
        let ratings = try Ratings.collect(view, annotators: annotators, excluding: options.excludedItems)
        var report = AgreementReport(table: ratings.table, options: options)
        report.leftOut = ratings.leftOut
        report.skippedLines = view.table.warnings.total
        report.suggestions =
            options.excludedItems.isEmpty
            ? SuggestionEffect.compute(view: view, ratings: ratings)
            : try SuggestionEffect.compute(view: view, annotators: annotators)
        if options.listDisagreements {
            report.disagreements = try disagreements(in: ratings, view: view, store: store)
        }
        return report
    }

    /// The figures of a table.
    ///
    /// Disagreements are not listed (a table has no texts).
    public init(table: RatingTable, options: Options = Options()) {
        let counts = ItemLabelCounts(table)
        let totals = AgreementTotals(counts)
        annotators = table.annotators
        labels = table.labels
        items = totals.items
        ratings = table.ratingCount
        coefficients = AgreementCoefficients(totals: totals, annotatorCount: table.annotatorCount, labels: table.labels)
        pairs = PairAgreement.all(table)
        perLabel = LabelAgreement.all(table, counts: counts)
        var perItem = [Int](repeating: 0, count: table.annotatorCount + 1)
        var differing = 0
        for item in 0..<counts.itemCount {
            perItem[Int(counts.ratings[item])] += 1
            if Self.differs(counts, item) { differing += 1 }
        }
        ratingsPerItem = perItem
        disagreementCount = differing
        bootstrap =
            options.bootstrapSamples > 0
            ? BootstrapIntervals.compute(
                counts: counts, labels: table.labels, samples: options.bootstrapSamples, seed: options.seed)
            : nil
        disagreements = nil
        leftOut = []
        gold = nil
    }

    /// True when the item's ratings use more than one label.
    static func differs(_ counts: ItemLabelCounts, _ item: Int) -> Bool {
        var used = 0
        for k in 0..<counts.labelCount where counts.counts[item * counts.labelCount + k] > 0 { used += 1 }
        return used > 1
    }

    /// Every item whose ratings differ, ordered by document and index, with each rating's note
    /// and flag from the decision table; the text is read again from the record of the first
    /// rating (one read per item listed).
    static func disagreements(in ratings: Ratings, view: DecisionView, store: (any JournalStore)?)
        throws(StoreError) -> [Disagreement]
    {
        let table = ratings.table
        let counts = ItemLabelCounts(table)
        var found: [Disagreement] = []
        var wanted: [[(item: Int, position: RecordPosition)]] = Array(repeating: [], count: ratings.journals.count)
        for row in 0..<table.itemCount where differs(counts, row) {
            var votes: [AnnotatorVote] = []
            var first: (column: Int, vote: CurrentVote)?
            for column in 0..<table.annotatorCount {
                guard let label = table[row, column], let slot = ratings.slot(row: row, column: column) else {
                    continue
                }
                let lane = view.table.journals[ratings.journals[column]].votes
                let vote = lane.votes[slot]
                if first == nil { first = (column, vote) }
                let note = lane.note(slot: slot).flatMap { $0.isEmpty ? nil : $0 }
                votes.append(
                    AnnotatorVote(
                        annotator: table.annotators[column], label: table.labels[label], note: note,
                        flagged: vote.flagged))
            }
            guard let first else { continue }
            let journal = view.table.journals[ratings.journals[first.column]]
            wanted[first.column].append((found.count, first.vote.position))
            found.append(
                Disagreement(
                    id: table.itemIDs[row], doc: journal.docNames[Int(first.vote.doc)], index: Int(first.vote.index),
                    text: "", votes: votes, unreadable: []))
        }
        if let store {
            for (column, items) in wanted.enumerated() where !items.isEmpty {
                let annotator = view.table.journals[ratings.journals[column]].annotator
                let lines = try store.readRecords(annotator, at: items.map(\.position))
                for (item, line) in zip(items, lines) {
                    let record = line.flatMap { line in
                        line.withUnsafeBufferPointer { try? AnnotationRecord(jsonLine: $0) }
                    }
                    if let record {
                        found[item.item].text = record.text
                    } else {
                        found[item.item].unreadable = [
                            "\(store.describe(item.position, of: annotator)): the record can no longer be read"
                        ]
                    }
                }
            }
        }
        found.sort { ($0.doc, $0.index, $0.id) < ($1.doc, $1.index, $1.id) }
        return found
    }
}
