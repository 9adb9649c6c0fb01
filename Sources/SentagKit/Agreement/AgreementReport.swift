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

        public init(bootstrapSamples: Int = 0, seed: UInt64 = 1, listDisagreements: Bool = false) {
            self.bootstrapSamples = bootstrapSamples
            self.seed = seed
            self.listDisagreements = listDisagreements
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
    /// Unreadable lines that were skipped.
    public var warnings: [LabelFileWarning]
    /// Annotators with a label file but no current rating, not counted.
    public var leftOut: [String]

    public var percentAgreement: Coefficient { coefficients.percentAgreement }
    public var krippendorffAlpha: Coefficient { coefficients.krippendorffAlpha }
    public var fleissKappa: Coefficient { coefficients.fleissKappa }
    /// The number of items rated by every annotator (the items of Fleiss' kappa).
    public var fleissItems: Int { coefficients.fleissKappa.items }
    public var gwetAC1: Coefficient { coefficients.gwetAC1 }

    /// The report for the label files in `directory`: all annotators with a current rating, or
    /// those named. The label set is usually `try directory.labelSet()`.
    public static func compute(
        directory: AnnotationsDirectory, annotators: [String]? = nil, labelSet: LabelSet, options: Options = Options()
    ) throws(AnnotationError) -> AgreementReport {
        let loaded = try LoadedRatings.load(directory: directory, annotators: annotators, labelSet: labelSet)
        return try compute(loaded, options: options)
    }

    /// The report for label files already read (one per annotator, in annotator order), with
    /// the same choice of annotators as `sentag agreement` without `--annotators`.
    public static func compute(
        files: [LabelFileIndex], labelSet: LabelSet, options: Options = Options()
    ) throws(AnnotationError) -> AgreementReport {
        try compute(try LoadedRatings(files: files, labelSet: labelSet), options: options)
    }

    private static func compute(_ loaded: LoadedRatings, options: Options) throws(AnnotationError) -> AgreementReport {
        var report = AgreementReport(table: loaded.table, options: options)
        report.warnings = loaded.warnings
        report.leftOut = loaded.leftOut
        if options.listDisagreements {
            report.disagreements = try disagreements(in: loaded)
        }
        return report
    }

    /// The figures of a table. Disagreements are not listed (a table has no texts).
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
        warnings = []
        leftOut = []
    }

    /// True when the item's ratings use more than one label.
    static func differs(_ counts: ItemLabelCounts, _ item: Int) -> Bool {
        var used = 0
        for k in 0..<counts.labelCount where counts.counts[item * counts.labelCount + k] > 0 { used += 1 }
        return used > 1
    }

    /// Every item whose ratings differ, with each rating's record read again (for the text, the
    /// notes and the flags), ordered by document and index.
    static func disagreements(in loaded: LoadedRatings) throws(AnnotationError) -> [Disagreement] {
        let table = loaded.table
        let counts = ItemLabelCounts(table)
        let rows = (0..<table.itemCount).filter { differs(counts, $0) }
        let (records, problems) = loaded.currentRecords(ofRows: rows)
        var found: [Disagreement] = []
        for (position, row) in rows.enumerated() {
            guard let first = records[position].lazy.compactMap({ $0 }).first else {
                // Not one record of the item could be read: say so rather than drop it.
                throw .unreadable(
                    path: loaded.files.first?.path ?? "label files",
                    reason:
                        "no record of \(table.itemIDs[row]) can be read again: \(problems[position].joined(separator: "; "))"
                )
            }
            var votes: [AnnotatorVote] = []
            for annotator in 0..<table.annotatorCount {
                guard let label = table[row, annotator] else { continue }
                let record = records[position][annotator]
                let note = record?.note.flatMap { $0.isEmpty ? nil : $0 }
                votes.append(
                    AnnotatorVote(
                        annotator: table.annotators[annotator], label: table.labels[label], note: note,
                        flagged: record?.flag ?? false))
            }
            found.append(
                Disagreement(
                    id: first.id, doc: first.doc, index: first.index, text: first.text, votes: votes,
                    unreadable: problems[position]))
        }
        found.sort { ($0.doc, $0.index, $0.id) < ($1.doc, $1.index, $1.id) }
        return found
    }
}
