import SentagKit
import Testing

/// The published worked examples, entered as the rating data the papers give (not as results).
@Suite struct AgreementWorkedExampleTests {
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data,
    /// missing values): 4 observers × 12 units, values 1–5, "." missing.
    ///
    /// Published α = 0.743.
    @Test func krippendorff2011NominalExample() throws {
        let rows: [String] = [
            "1 2 3 3 2 1 4 1 2 . . .",  // observer A
            "1 2 3 3 2 2 4 1 2 5 . 3",  // observer B
            ". 3 3 3 2 3 4 2 2 5 1 .",  // observer C
            "1 2 3 3 2 4 4 1 2 5 1 .",  // observer D
        ]
        let byObserver = rows.map { $0.split(separator: " ").map { Int($0).map { $0 - 1 } } }
        let units = (0..<12).map { unit in byObserver.map { $0[unit] } }
        let table = RatingTable(annotators: ["A", "B", "C", "D"], labels: ["1", "2", "3", "4", "5"], rows: units)
        let result = AgreementCoefficients(table)
        let alpha = try #require(result.krippendorffAlpha.value, "\(result.krippendorffAlpha)")
        #expect(abs(alpha - 0.743) < 0.0005, "alpha \(alpha)")
        // Unit 12 has a single value and is not pairable; units 1–11 are.
        #expect(result.krippendorffAlpha.items == 11, "\(result.krippendorffAlpha)")
        // The paper's coincidence matrix: n = 40 pairable values, marginals n_c = 9, 13, 10, 5, 3
        // and diagonal o_cc = 7, 10, 8, 4, 3, so α = 1 − 39 · (40 − 32) / (40² − Σ n_c²) = 0.743.
        let totals = AgreementTotals(ItemLabelCounts(table))
        #expect(totals.pairableValues == 40, "\(totals.pairableValues)")
        #expect(totals.pairedLabelCounts == [9, 13, 10, 5, 3], "\(totals.pairedLabelCounts)")
        #expect(abs(totals.coincidence - 32) < 1e-12, "\(totals.coincidence)")
    }

    /// Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 psychiatrists (not the same six),
    /// into depression, personality disorder, schizophrenia, neurosis, other.
    ///
    /// Rows as in the `diagnoses` data set of R's irr package. Published:
    /// p_j = .144 .144 .167 .306 .239, κ = .430.
    @Test func fleiss1971Diagnoses() throws {
        let diagnoses: [[Int]] = [
            [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
            [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
            [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
            [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
            [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
            [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
        ]
        let table = RatingTable(
            annotators: (1...6).map { "rater\($0)" },
            labels: ["depression", "personality", "schizophrenia", "neurosis", "other"],
            rows: diagnoses.map { $0.map { $0 - 1 } })
        let totals = AgreementTotals(ItemLabelCounts(table))
        let shares = totals.completeLabelCounts.map { (Double($0) / 180 * 1000).rounded() / 1000 }
        #expect(shares == [0.144, 0.144, 0.167, 0.306, 0.239], "\(shares)")
        let result = AgreementCoefficients(table)
        let kappa = try #require(result.fleissKappa.value, "\(result.fleissKappa)")
        #expect(abs(kappa - 0.430) < 0.0005, "kappa \(kappa)")
        #expect(result.fleissKappa.items == 30, "\(result.fleissKappa)")
    }

    /// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories, given
    /// as counts n_ij per subject; each count becomes that many ratings.
    ///
    /// Published κ = 0.210, P̄ = 0.378, P̄e = 0.213.
    @Test func wikipediaFleissExample() throws {
        let countTable: [[Int]] = [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ]
        let rows: [[Int?]] = countTable.map { counts in
            counts.enumerated().flatMap { label, count in Array(repeating: Int?(label), count: count) }
        }
        let table = RatingTable(annotators: (1...14).map { "r\($0)" }, labels: ["1", "2", "3", "4", "5"], rows: rows)
        let result = AgreementCoefficients(table)
        let kappa = try #require(result.fleissKappa.value, "\(result.fleissKappa)")
        #expect(abs(kappa - 0.210) < 0.0005, "kappa \(kappa)")
        let meanAgreement = try #require(result.percentAgreement.value)
        #expect(abs(meanAgreement - 0.378) < 0.0005, "P̄ \(meanAgreement)")
    }

    /// Altman (1991), Practical Statistics for Medical Research, Table 14.2: two radiologists'
    /// assessments of 85 xeromammograms (Boyd et al., 1982).
    ///
    /// Published: 54/85 agree, κ = 0.47.
    @Test func altman1991Radiologists() throws {
        let confusion = [[21, 12, 0, 0], [4, 17, 1, 0], [3, 9, 15, 2], [0, 0, 0, 1]]
        var rows: [[Int?]] = []
        for (a, row) in confusion.enumerated() {
            for (b, count) in row.enumerated() { rows += Array(repeating: [a, b], count: count) }
        }
        let table = RatingTable(
            annotators: ["A", "B"], labels: ["normal", "benign", "suspected", "cancer"], rows: rows)
        let pair = PairAgreement(table, a: 0, b: 1)
        #expect(pair.items == 85, "\(pair)")
        #expect(pair.confusion == confusion, "\(pair.confusion)")
        let agreement = try #require(pair.agreement)
        #expect(abs(agreement - 54.0 / 85.0) < 1e-12, "\(agreement)")
        let kappa = try #require(pair.cohenKappa.value, "\(pair.cohenKappa)")
        #expect(abs(kappa - 0.47) < 0.005, "kappa \(kappa)")
    }
}
