import Foundation
import SentagKit
import Testing

/// What the report says around the figures: the prevalence warning (the kappa paradox), the
/// caution on figures resting on few items, `reading` in JSON, notes and flags of disagreements,
/// and the grouped bootstrap against a plain one.
@Suite struct AgreementReadingTests {
    /// Two raters, yes/no, from a 2 × 2 table: `table[i][j]` items rated i by A and j by B.
    static func twoRaters(_ table: [[Int]]) -> RatingTable {
        var rows: [[Int?]] = []
        for i in 0..<2 {
            for j in 0..<2 { rows += Array(repeating: [i, j], count: table[i][j]) }
        }
        return RatingTable(annotators: ["A", "B"], labels: ["yes", "no"], rows: rows)
    }

    /// Feinstein & Cicchetti (1990), "High agreement but low kappa", tables 1 and 2: both have
    /// p_o = 0.85; the balanced one has kappa 0.70, the skewed one 0.32, while Gwet's AC1 of the
    /// skewed one is 0.81 (p_e = 2 · 0.875 · 0.125).
    @Test func feinsteinCicchettiParadoxIsWarnedAboutAndTheBalancedTableIsNot() throws {
        let skewed = AgreementReport(table: Self.twoRaters([[80, 10], [5, 5]]))
        let kappa = try #require(skewed.pairs.first?.cohenKappa.value)
        let ac1 = try #require(skewed.gwetAC1.value)
        #expect(abs(kappa - 0.3182) < 0.0001 && abs(ac1 - 0.808) < 0.001, "kappa \(kappa), AC1 \(ac1)")
        let skew = try #require(skewed.prevalenceSkew, "\(skewed.reading())")
        #expect(skew.label == "yes" && abs(skew.share - 0.875) < 1e-12 && skew.isDominant, "\(skew)")
        #expect(skew.coefficientsPartWays && (skew.gap ?? 0) > 0.45, "\(skew)")
        let warning = try #require(
            skewed.reading().first { $0.hasPrefix("Prevalence warning:") }, "\(skewed.reading())")
        #expect(
            warning.contains("yes makes up 88% of all ratings") && warning.contains("kappa paradox")
                && warning.contains("Gwet's AC1 (0.808)"), "\(warning)")
        // It comes right after the alpha line it qualifies.
        #expect(skewed.reading().firstIndex(of: warning) == 1, "\(skewed.reading())")

        let balanced = AgreementReport(table: Self.twoRaters([[40, 9], [6, 45]]))
        #expect(abs((balanced.pairs.first?.cohenKappa.value ?? 0) - 0.6995) < 0.0001, "\(balanced.pairs)")
        #expect(balanced.prevalenceSkew == nil, "\(balanced.reading())")
        #expect(!balanced.text().contains("Prevalence warning"), "\(balanced.text())")
    }

    @Test func eitherSignAloneIsEnough() {
        // A dominant label (81%) with figures that agree.
        let dominant = PrevalenceSkew.check(
            labels: ["a", "b"], ratingsPerLabel: [81, 19], alpha: 0.90, fleissKappa: 0.90, ac1: 0.95)
        #expect(
            dominant?.isDominant == true && dominant?.coefficientsPartWays == false, "\(String(describing: dominant))")
        // 80% exactly is not more than 80%, and a gap of 0.1 is within 0.15.
        #expect(
            PrevalenceSkew.check(
                labels: ["a", "b"], ratingsPerLabel: [80, 20], alpha: 0.7, fleissKappa: nil, ac1: 0.8)
                == nil)
        // Figures 0.2 apart with no dominant label; the furthest kappa-type figure is named.
        let apart = PrevalenceSkew.check(
            labels: ["a", "b"], ratingsPerLabel: [70, 30], alpha: 0.55, fleissKappa: 0.50, ac1: 0.70)
        #expect(apart?.kappaName == "Fleiss' kappa" && apart?.isDominant == false, "\(String(describing: apart))")
        #expect(
            PrevalenceSkew.check(labels: ["a"], ratingsPerLabel: [0], alpha: nil, fleissKappa: nil, ac1: nil) == nil)
    }

    @Test func figuresOnFewerThanThirtyItemsAreMarkedAndNamed() throws {
        // 29 items both rated: every figure rests on 29 items; with 30 none is flagged.
        let few = AgreementReport(table: Self.twoRaters([[12, 2], [3, 12]]))
        let keys = few.smallSampleFigures.map(\.key)
        #expect(
            keys == [
                "percent_agreement", "krippendorff_alpha", "fleiss_kappa", "gwet_ac1", "pairs.A.B.cohen_kappa",
                "per_label.yes.specific_agreement", "per_label.no.specific_agreement",
            ], "\(keys)")
        let text = few.text()
        #expect(text.contains("Krippendorff's alpha  0.") && text.contains("* (29)"), "\(text)")
        #expect(text.contains("* rests on fewer than 30 items"), "\(text)")
        let caution = try #require(few.reading().first { $0.hasPrefix("Caution:") }, "\(few.reading())")
        #expect(
            caution.contains("the specific agreement of yes 0.") && caution.contains(" and no 0.")
                && caution.contains("(29 items)"), "\(caution)")

        let enough = AgreementReport(table: Self.twoRaters([[12, 2], [3, 13]]))
        #expect(
            enough.smallSampleFigures.map(\.key) == [
                "per_label.yes.specific_agreement", "per_label.no.specific_agreement",
            ],
            "\(enough.smallSampleFigures)")
        let plenty = AgreementReport(table: Self.twoRaters([[30, 2], [3, 30]]))
        #expect(plenty.smallSampleFigures.isEmpty && !plenty.text().contains("*"), "\(plenty.text())")
    }

    @Test func jsonCarriesTheReadingLinesWithoutColour() throws {
        let report = AgreementReport(table: Self.twoRaters([[80, 10], [5, 5]]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.jsonLine)) as? [String: Any])
        let reading = try #require(object["reading"] as? [String], "\(object.keys.sorted())")
        #expect(reading == report.reading(), "\(reading)")
        #expect(!reading.joined().contains("\u{1B}"), "\(reading)")
        let coloured = report.text(style: TerminalStyle(enabled: true))
        #expect(coloured.contains("\u{1B}[33mPrevalence warning:"), "\(coloured)")
        let prevalence = try #require(object["prevalence"] as? [String: Any], "\(object)")
        #expect(
            prevalence["label"] as? String == "yes" && prevalence["one_label_dominates"] as? Bool == true,
            "\(prevalence)")
        let small = try #require(object["small_samples"] as? [[String: Any]], "\(object)")
        #expect(small.map { $0["figure"] as? String } == ["per_label.no.specific_agreement"], "\(small)")
    }

    @Test func disagreementsCarryEachAnnotatorsNoteAndFlag() throws {
        let folder = try LabelFolder()
        try folder.write(["alice": ["claim", "claim", "quote"]])
        var unsure = LabelFolder.record(1, "quote", by: "bob", second: 5)
        unsure.note = "reported speech?\nor a claim"
        unsure.flag = true
        try folder.append(
            "bob",
            [
                .record(LabelFolder.record(0, "claim", by: "bob")), .record(unsure),
                .record(LabelFolder.record(2, "noise", by: "bob")),
            ])
        let report = try folder.report(options: .init(listDisagreements: true))
        let listed = try #require(report.disagreements)
        #expect(listed.map(\.index) == [1, 2], "\(listed)")
        #expect(
            listed[0].votes == [
                AnnotatorVote(annotator: "alice", label: "claim"),
                AnnotatorVote(annotator: "bob", label: "quote", note: "reported speech?\nor a claim", flagged: true),
            ], "\(listed[0].votes)")
        let text = report.text()
        #expect(text.contains("alice claim · bob quote (unsure)"), "\(text)")
        #expect(text.contains("note, bob: reported speech? or a claim"), "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.jsonLine)) as? [String: Any])
        let first = try #require((object["disagreements"] as? [[String: Any]])?.first, "\(object)")
        #expect(first["notes"] as? [String: String] == ["bob": "reported speech?\nor a claim"], "\(first)")
        #expect(first["flagged"] as? [String] == ["bob"], "\(first)")
    }

    /// Issue 8: a record with `"note": 5` is one verdict in every command: a warning, and not a
    /// rating, with or without `--disagreements` (it used to count in one and stop the other).
    @Test func aRecordWithABadNoteIsSkippedTheSameWayEverywhere() throws {
        let folder = try LabelFolder()
        try folder.write(["alice": ["claim"]])
        var line = String(decoding: LabelFolder.record(0, "quote", by: "bob").jsonLine, as: UTF8.self)
        line = line.replacingOccurrences(of: #","time""#, with: #","note":5,"time""#)
        try folder.append("bob", [.raw(line.trimmingCharacters(in: .newlines))])
        let plain = try folder.report()
        let listing = try folder.report(options: .init(listDisagreements: true))
        #expect(plain.ratings == 1 && listing.ratings == 1, "\(plain.ratings) \(listing.ratings)")
        #expect(listing.disagreements?.isEmpty == true, "\(String(describing: listing.disagreements))")
        let warnings = try folder.project().warnings
        #expect(warnings.first?.message.contains(#""note" is not a string"#) == true, "\(warnings)")
    }

    /// The grouped bootstrap gives what drawing and adding every item one by one gives, with the
    /// same draws.
    @Test func groupedBootstrapEqualsThePlainOne() throws {
        var random = SplitMix64(seed: 11)
        let rows: [[Int?]] = (0..<400).map { _ in
            (0..<4).map { _ in random.next(below: 5) == 0 ? nil : random.next(below: 3) }
        }
        let table = RatingTable(annotators: ["a", "b", "c", "d"], labels: ["x", "y", "z"], rows: rows)
        let counts = ItemLabelCounts(table)
        let samples = 64
        let grouped = BootstrapIntervals.compute(counts: counts, labels: table.labels, samples: samples, seed: 3)
        var seeder = SplitMix64(seed: 3)
        var alpha: [Double?] = []
        var fleiss: [Double?] = []
        var ac1: [Double?] = []
        for _ in 0..<samples {
            var generator = SplitMix64(seed: seeder.next())
            var totals = AgreementTotals(labelCount: counts.labelCount)
            for _ in 0..<counts.itemCount { totals.add(generator.next(below: counts.itemCount), of: counts, weight: 1) }
            let result = AgreementCoefficients(totals: totals, annotatorCount: 4, labels: table.labels)
            alpha.append(result.krippendorffAlpha.value)
            fleiss.append(result.fleissKappa.value)
            ac1.append(result.gwetAC1.value)
        }
        for (name, got, values) in [
            ("alpha", grouped.krippendorffAlpha, alpha), ("fleiss", grouped.fleissKappa, fleiss),
            ("ac1", grouped.gwetAC1, ac1),
        ] {
            let plain = BootstrapIntervals.interval(values, level: 0.95)
            #expect(got.definedSamples == plain.definedSamples, "\(name): \(got) vs \(plain)")
            #expect(abs((got.low ?? .nan) - (plain.low ?? .nan)) < 1e-9, "\(name): \(got) vs \(plain)")
            #expect(abs((got.high ?? .nan) - (plain.high ?? .nan)) < 1e-9, "\(name): \(got) vs \(plain)")
        }
    }
}
