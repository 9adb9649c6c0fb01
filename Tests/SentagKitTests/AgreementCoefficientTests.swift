import SentagKit
import Testing

/// Degenerate and hand-checkable cases of the coefficients (the published examples are in
/// AgreementWorkedExampleTests, the library cross-check in AgreementCrossCheckTests).
@Suite struct AgreementCoefficientTests {
    let labels = ["claim", "quote", "caption", "noise"]

    @Test func aSingleAnnotatorLeavesEveryCoefficientUndefinedWithAReason() {
        let table = RatingTable(annotators: ["alice"], labels: labels, rows: [[0], [1], [2]])
        let result = AgreementCoefficients(table)
        for coefficient in [result.percentAgreement, result.krippendorffAlpha, result.fleissKappa, result.gwetAC1] {
            #expect(coefficient.value == nil, "\(coefficient)")
            #expect(coefficient.undefinedReason == "there is only one annotator", "\(coefficient)")
        }
        #expect(PairAgreement.all(table).isEmpty)
    }

    @Test func oneLabelOnlyLeavesKappasUndefinedButNotAC1() {
        let table = RatingTable(
            annotators: ["a", "b", "c"], labels: labels, rows: [[0, 0, 0], [0, 0, nil], [nil, 0, 0]])
        let result = AgreementCoefficients(table)
        #expect(result.percentAgreement.value == 1, "\(result.percentAgreement)")
        #expect(result.krippendorffAlpha.value == nil, "\(result.krippendorffAlpha)")
        #expect(result.krippendorffAlpha.undefinedReason?.contains("'claim'") == true, "\(result.krippendorffAlpha)")
        #expect(result.fleissKappa.value == nil, "\(result.fleissKappa)")
        #expect(result.fleissKappa.items == 1, "\(result.fleissKappa)")
        // AC1 with the whole label set as categories: p_e = 0 when one of four labels takes all.
        #expect(result.gwetAC1.value == 1, "\(result.gwetAC1)")
        let pair = PairAgreement(table, a: 0, b: 1)
        #expect(pair.cohenKappa.value == nil && pair.agreement == 1, "\(pair)")
        #expect(pair.cohenKappa.undefinedReason?.contains("chance agreement is 1") == true, "\(pair)")
    }

    @Test func noPairOfRatingsMeansNoAgreement() {
        let table = RatingTable(annotators: ["a", "b"], labels: labels, rows: [[0, nil], [nil, 1], [2, nil]])
        let result = AgreementCoefficients(table)
        for coefficient in [result.percentAgreement, result.krippendorffAlpha, result.gwetAC1] {
            #expect(
                coefficient.value == nil && coefficient.undefinedReason == "no item has two ratings", "\(coefficient)")
        }
        #expect(result.fleissKappa.undefinedReason == "no item was rated by all 2 annotators", "\(result.fleissKappa)")
        let pair = PairAgreement(table, a: 0, b: 1)
        #expect(pair.items == 0 && pair.agreement == nil && pair.cohenKappa.value == nil, "\(pair)")
    }

    @Test func aLabelSetOfOneLabelHasNoAC1() {
        let table = RatingTable(annotators: ["a", "b"], labels: ["claim"], rows: [[0, 0], [0, 0]])
        let result = AgreementCoefficients(table)
        #expect(result.gwetAC1.value == nil && result.gwetAC1.undefinedReason == "the label set has a single label")
    }

    @Test func perfectAgreementIsOne() throws {
        let table = RatingTable(
            annotators: ["a", "b", "c"], labels: labels, rows: [[0, 0, 0], [1, 1, 1], [3, 3, nil], [2, nil, 2]])
        let result = AgreementCoefficients(table)
        #expect(result.percentAgreement.value == 1)
        #expect(try #require(result.krippendorffAlpha.value) == 1, "\(result.krippendorffAlpha)")
        #expect(try #require(result.fleissKappa.value) == 1, "\(result.fleissKappa)")
        #expect(try #require(result.gwetAC1.value) == 1, "\(result.gwetAC1)")
    }

    /// Fleiss' kappa is over the items every annotator rated; alpha over all items with two or
    /// more ratings — so adding an item two of three annotators rated moves alpha, not Fleiss.
    @Test func fleissUsesOnlyCompleteItemsAlphaAllPairableOnes() throws {
        let rows: [[Int?]] = [[0, 0, 1], [1, 1, 1], [2, 2, 2], [0, 1, 0]]
        let base = AgreementCoefficients(RatingTable(annotators: ["a", "b", "c"], labels: labels, rows: rows))
        let more = AgreementCoefficients(
            RatingTable(annotators: ["a", "b", "c"], labels: labels, rows: rows + [[3, 0, nil]]))
        #expect(base.fleissKappa == more.fleissKappa, "\(base.fleissKappa) vs \(more.fleissKappa)")
        #expect(base.fleissKappa.items == 4)
        #expect(base.krippendorffAlpha.value != more.krippendorffAlpha.value, "\(more.krippendorffAlpha)")
        #expect(more.krippendorffAlpha.items == 5, "\(more.krippendorffAlpha)")
    }

    /// Two raters: specific agreement is 2a / (2a + b + c) (Altman's Table 14.2, "normal":
    /// a = 21 both, b = 12 only A, c = 4 + 3 only B).
    @Test func specificAgreementOfTwoRaters() throws {
        let confusion = [[21, 12, 0, 0], [4, 17, 1, 0], [3, 9, 15, 2], [0, 0, 0, 1]]
        var rows: [[Int?]] = []
        for (a, row) in confusion.enumerated() {
            for (b, count) in row.enumerated() { rows += Array(repeating: [a, b], count: count) }
        }
        let table = RatingTable(annotators: ["A", "B"], labels: labels, rows: rows)
        let perLabel = LabelAgreement.all(table, counts: ItemLabelCounts(table))
        let normal = try #require(perLabel.first?.specificAgreement.value)
        #expect(abs(normal - 42.0 / 61.0) < 1e-12, "\(normal)")
        #expect(perLabel[0].usage == [33, 28], "\(perLabel[0].usage)")
    }

    @Test func confusionRowsAreTheFirstAnnotator() {
        let table = RatingTable(annotators: ["a", "b"], labels: labels, rows: [[0, 1], [0, 1], [2, 3]])
        let pair = PairAgreement(table, a: 0, b: 1)
        #expect(
            pair.confusion[0][1] == 2 && pair.confusion[1][0] == 0 && pair.confusion[2][3] == 1, "\(pair.confusion)")
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // Vigna's splitmix64.c with x = 0.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
        var bounded = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            let value = bounded.next(below: 7)
            #expect((0..<7).contains(value), "\(value)")
        }
    }
}
