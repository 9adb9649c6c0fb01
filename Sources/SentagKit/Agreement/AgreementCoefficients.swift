/// The multi-rater figures of SPEC.md's Agreement JSON, computed from `AgreementTotals`.
///
/// Definitions (nominal data, items = rows of a `RatingTable`, m_i ratings on item i, n_ik of
/// them for label k, q labels in the label set):
///
/// - percent agreement: mean over items with m_i ≥ 2 of Σ_k n_ik(n_ik − 1) / (m_i(m_i − 1)).
/// - Krippendorff's alpha (Krippendorff 2011), all items with m_i ≥ 2, missing ratings allowed:
///   with n pairable values, n_k of them for label k and the coincidence diagonal
///   Σ_k o_kk = Σ_i Σ_k n_ik(n_ik − 1)/(m_i − 1),
///   α = ((n − 1) Σ_k o_kk − Σ_k n_k(n_k − 1)) / (n(n − 1) − Σ_k n_k(n_k − 1)).
/// - Fleiss' kappa (Fleiss 1971) over the N items rated by every one of the r annotators:
///   P̄ = mean of P_i, p_k = Σ_i n_ik / (N r), P̄e = Σ_k p_k², κ = (P̄ − P̄e) / (1 − P̄e).
/// - Gwet's AC1 with missing ratings (Gwet 2014, as irrCAC's `gwet` computes it), categories =
///   the whole label set: p_a = percent agreement; π_k = (1/n) Σ_i n_ik/m_i over the n items
///   with m_i ≥ 1; p_e = Σ_k π_k(1 − π_k) / (q − 1); AC1 = (p_a − p_e) / (1 − p_e).
public struct AgreementCoefficients: Equatable, Sendable {
    /// Items: those with at least two ratings.
    public var percentAgreement: Coefficient
    /// Items: those with at least two ratings (the pairable ones).
    public var krippendorffAlpha: Coefficient
    /// Items: those rated by every annotator (`fleiss_items`).
    public var fleissKappa: Coefficient
    /// Items: those with at least one rating (all of them enter the label shares π_k).
    public var gwetAC1: Coefficient

    public init(
        percentAgreement: Coefficient, krippendorffAlpha: Coefficient, fleissKappa: Coefficient, gwetAC1: Coefficient
    ) {
        self.percentAgreement = percentAgreement
        self.krippendorffAlpha = krippendorffAlpha
        self.fleissKappa = fleissKappa
        self.gwetAC1 = gwetAC1
    }

    /// The coefficients of a whole table.
    public init(_ table: RatingTable) {
        self.init(
            totals: AgreementTotals(ItemLabelCounts(table)), annotatorCount: table.annotatorCount, labels: table.labels)
    }

    /// The coefficients from totals; `labels` only words the reasons.
    public init(totals t: AgreementTotals, annotatorCount: Int, labels: [String]) {
        let soloReason = annotatorCount == 0 ? "no annotator has rated anything" : "there is only one annotator"
        let noPairs = "no item has two ratings"

        // Percent agreement.
        if annotatorCount < 2 {
            percentAgreement = .undefined(items: t.pairedItems, soloReason)
        } else if t.pairedItems == 0 {
            percentAgreement = .undefined(items: 0, noPairs)
        } else {
            percentAgreement = Coefficient(value: t.pairAgreement / Double(t.pairedItems), items: t.pairedItems)
        }

        // Krippendorff's alpha.
        let n = t.pairableValues
        var sameLabelPairs = 0
        for c in t.pairedLabelCounts { sameLabelPairs += c * (c - 1) }
        let alphaDenominator = n * (n - 1) - sameLabelPairs
        if annotatorCount < 2 {
            krippendorffAlpha = .undefined(items: t.pairedItems, soloReason)
        } else if t.pairedItems == 0 {
            krippendorffAlpha = .undefined(items: 0, noPairs)
        } else if alphaDenominator == 0 {
            krippendorffAlpha = .undefined(
                items: t.pairedItems,
                "every rating on items with two or more ratings is \(Self.onlyLabel(t.pairedLabelCounts, labels)), so no disagreement is expected by chance"
            )
        } else {
            let alpha = (Double(n - 1) * t.coincidence - Double(sameLabelPairs)) / Double(alphaDenominator)
            krippendorffAlpha = Coefficient(value: alpha, items: t.pairedItems)
        }

        // Fleiss' kappa.
        let usedOnComplete = t.completeLabelCounts.filter { $0 > 0 }.count
        if annotatorCount < 2 {
            fleissKappa = .undefined(items: t.completeItems, soloReason)
        } else if t.completeItems == 0 {
            fleissKappa = .undefined(items: 0, "no item was rated by all \(annotatorCount) annotators")
        } else if usedOnComplete < 2 {
            fleissKappa = .undefined(
                items: t.completeItems,
                "every rating on the items all annotators rated is \(Self.onlyLabel(t.completeLabelCounts, labels)), so chance agreement is 1"
            )
        } else {
            let itemsN = Double(t.completeItems)
            let meanAgreement = t.completeAgreement / itemsN
            let ratingsN = itemsN * Double(annotatorCount)
            var chance = 0.0
            for c in t.completeLabelCounts {
                let p = Double(c) / ratingsN
                chance += p * p
            }
            fleissKappa = Coefficient(value: (meanAgreement - chance) / (1 - chance), items: t.completeItems)
        }

        // Gwet's AC1.
        let q = t.labelCount
        if annotatorCount < 2 {
            gwetAC1 = .undefined(items: t.items, soloReason)
        } else if q < 2 {
            gwetAC1 = .undefined(items: t.items, "the label set has a single label")
        } else if t.pairedItems == 0 {
            gwetAC1 = .undefined(items: t.items, noPairs)
        } else {
            let pa = t.pairAgreement / Double(t.pairedItems)
            var spread = 0.0
            for share in t.labelShares {
                let pi = share / Double(t.items)
                spread += pi * (1 - pi)
            }
            let pe = spread / Double(q - 1)
            gwetAC1 = Coefficient(value: (pa - pe) / (1 - pe), items: t.items)
        }
    }

    /// "'claim'" for the one label with a non-zero count (or "one label" when there is none).
    static func onlyLabel(_ counts: [Int], _ labels: [String]) -> String {
        guard let k = counts.firstIndex(where: { $0 > 0 }), labels.indices.contains(k) else { return "the same label" }
        return "'\(labels[k])'"
    }
}
