import SentagKit
import Testing

/// `--stratify` (`StratifiedDocumentSplitter`) and the split warnings (`SplitWarnings`).
@Suite struct ExportStratifyTests {
    static let labels = ["claim", "quote", "caption", "noise"]

    /// 40 documents: 30 news articles of 5 to 16 sentences (claims, two quotes in every third),
    /// 6 photo galleries (4 captions, 2 claims) and 4 boilerplate pages (8 noise): the rare
    /// labels sit in a few documents, as they do in a real corpus.
    static let corpus: [[Int]] = {
        var documents: [[Int]] = []
        for d in 0..<30 { documents.append([5 + (d * 7) % 12, d % 3 == 0 ? 2 : 0, 0, 0]) }
        for _ in 0..<6 { documents.append([2, 0, 4, 0]) }
        for _ in 0..<4 { documents.append([0, 0, 0, 8]) }
        return documents
    }()

    static let ratios = try! SplitRatios(parsing: "60/20/20")

    /// Examples per part and label.
    static func counts(_ splits: [DatasetSplit], _ documents: [[Int]] = corpus) -> [[Int]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: 3)
        for (document, split) in zip(documents, splits) {
            for k in labels.indices { counts[split.rawValue][k] += document[k] }
        }
        return counts
    }

    /// Σ over labels and parts of |the part's share of the label's examples − its ratio|.
    static func deviation(_ splits: [DatasetSplit]) -> Double {
        let counts = counts(splits)
        var sum = 0.0
        for k in labels.indices {
            let total = counts.reduce(0) { $0 + $1[k] }
            for split in DatasetSplit.allCases {
                sum += abs(Double(counts[split.rawValue][k]) / Double(total) - ratios.fraction(split))
            }
        }
        return sum
    }

    @Test(arguments: 0..<10 as Range<UInt64>)
    func stratifiedSharesComeCloserThanPlainOnes(seed: UInt64) {
        let plain = DocumentSplitter(ratios: Self.ratios, seed: seed)
            .assign(sentenceCounts: Self.corpus.map { $0.reduce(0, +) })
        let stratified = StratifiedDocumentSplitter(ratios: Self.ratios, seed: seed).assign(labelCounts: Self.corpus)
        let (before, after) = (Self.deviation(plain), Self.deviation(stratified))
        #expect(after < before, "seed \(seed): plain \(before), stratified \(after)")
        // Every part has every label, and its size is within 5 points of its ratio.
        let counts = Self.counts(stratified)
        let total = Self.corpus.joined().reduce(0, +)
        for split in DatasetSplit.allCases {
            #expect(counts[split.rawValue].allSatisfy { $0 > 0 }, "\(split): \(counts)")
            let share = Double(counts[split.rawValue].reduce(0, +)) / Double(total)
            #expect(abs(share - Self.ratios.fraction(split)) <= 0.05, "\(split): \(share), \(counts)")
        }
    }

    @Test func theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        let splitter = { (seed: UInt64) in
            StratifiedDocumentSplitter(ratios: Self.ratios, seed: seed).assign(labelCounts: Self.corpus)
        }
        #expect(splitter(4) == splitter(4))
        // Documents alike in labels and size trade places from one seed to the next.
        #expect(splitter(4) != splitter(5), "\(splitter(4))")
    }

    @Test func noRequestedPartStaysEmptyAndAZeroRatioGetsNothing() throws {
        let few: [[Int]] = [[40, 3, 0, 0], [2, 0, 0, 0], [1, 0, 0, 0]]
        let three = StratifiedDocumentSplitter(ratios: try SplitRatios(parsing: "80/10/10"), seed: 0)
            .assign(labelCounts: few)
        #expect(Set(three) == [.train, .dev, .test], "\(three)")
        let two = StratifiedDocumentSplitter(ratios: try SplitRatios(parsing: "50/50/0"), seed: 0)
            .assign(labelCounts: Self.corpus)
        #expect(!two.contains(.test) && two.contains(.dev), "\(two)")
    }

    // MARK: - Warnings

    static func summaries(_ rows: [(Int, [Int])]) -> [ExportManifest.SplitSummary] {
        zip(DatasetSplit.allCases, rows).map { split, row in
            ExportManifest.SplitSummary(
                split: split, file: "\(split.name).jsonl", documents: row.0, examples: row.1.reduce(0, +),
                labelCounts: row.1)
        }
    }

    @Test func aShareMoreThanFivePointsOffIsWarnedAbout() {
        // The case: 80/10/10 asked, 49/20/31 given.
        let off = SplitWarnings.check(
            Self.summaries([(3, [40, 5, 2, 2]), (1, [16, 2, 1, 1]), (1, [25, 3, 1, 2])]), ratios: .default,
            labels: Self.labels, stratified: false)
        #expect(off.count == 3, "\(off)")
        #expect(
            off.first?.hasPrefix("train has 49% of the examples (49 of 100), not the 80% asked for") == true, "\(off)")
        #expect(
            off.contains { $0.hasPrefix("dev has 20% of the examples (20 of 100), not the 10% asked for") }, "\(off)")
        // 84.0/10.5/5.5: every part within 5 points.
        let close = SplitWarnings.check(
            Self.summaries([(8, [80, 2, 1, 1]), (1, [8, 1, 1, 1]), (1, [3, 1, 1, 0])]), ratios: .default,
            labels: Self.labels, stratified: false)
        #expect(!close.contains { $0.contains("asked for") }, "\(close)")
    }

    @Test func aSplitWithoutALabelIsWarnedAboutOnce() {
        let warnings = SplitWarnings.check(
            Self.summaries([(8, [70, 6, 3, 1]), (1, [10, 0, 0, 0]), (1, [7, 2, 1, 0])]), ratios: .default,
            labels: Self.labels, stratified: false)
        #expect(
            warnings == [
                "dev has no example of quote, caption and noise (8 quote, 4 caption and 1 noise in the other splits):"
                    + " it cannot measure those labels; try --stratify or another --seed",
                "test has no example of noise (1 noise in the other splits): it cannot measure that label;"
                    + " try --stratify or another --seed",
            ], "\(warnings)")
    }

    @Test func aLabelWithNoExampleAtAllIsOneWarning() {
        let warnings = SplitWarnings.check(
            Self.summaries([(8, [80, 2, 0, 1]), (1, [8, 1, 0, 1]), (1, [8, 1, 0, 1])]), ratios: .default,
            labels: Self.labels, stratified: true)
        #expect(
            warnings == [
                "no example of caption in any split: a model cannot learn it; label some, or leave it out with --drop caption"
            ], "\(warnings)")
    }

    @Test func anEmptySplitIsLeftToTheExportersOwnWarning() {
        let warnings = SplitWarnings.check(
            Self.summaries([(2, [50, 5, 5, 5]), (0, [0, 0, 0, 0]), (0, [0, 0, 0, 0])]), ratios: .default,
            labels: Self.labels, stratified: false)
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
