/// The kappa paradox, detected: one label takes most ratings, or the kappa-type figures and
/// Gwet's AC1 part ways.
///
/// Kappa-type figures (Krippendorff's alpha, Fleiss' and Cohen's kappa) estimate chance
/// agreement from how often each label is used; when one label dominates, chance agreement is
/// close to 1 and the few disagreements weigh heavily, so they read low even when the
/// annotators nearly always agree (Feinstein & Cicchetti 1990). Gwet's AC1 estimates chance
/// agreement differently and stays high. Either sign is worth a warning: a label holding more
/// than 80% of all ratings, or alpha or Fleiss' kappa more than 0.15 away from AC1.
public struct PrevalenceSkew: Equatable, Sendable {
    /// A label above this share of all ratings is dominant.
    public static let dominantShare = 0.8
    /// A kappa-type figure this far from AC1 or further is the paradox showing.
    public static let coefficientGap = 0.15

    /// The most used label and its share of all current ratings.
    public var label: String
    public var share: Double
    /// The kappa-type figure furthest from AC1 (alpha or Fleiss' kappa), its value, and AC1.
    public var kappaName: String?
    public var kappa: Double?
    public var ac1: Double?

    public init(label: String, share: Double, kappaName: String?, kappa: Double?, ac1: Double?) {
        self.label = label
        self.share = share
        self.kappaName = kappaName
        self.kappa = kappa
        self.ac1 = ac1
    }

    /// AC1 minus the kappa-type figure, when both are defined.
    public var gap: Double? {
        guard let kappa, let ac1 else { return nil }
        return ac1 - kappa
    }

    /// Whether the most used label holds more than `dominantShare` of the ratings.
    public var isDominant: Bool { share > Self.dominantShare }

    /// Whether the kappa-type figure and AC1 differ by more than `coefficientGap`.
    public var coefficientsPartWays: Bool { gap.map { abs($0) > Self.coefficientGap } ?? false }

    /// The skew of a report, or nil when neither sign shows (or there is nothing to judge).
    public static func check(
        labels: [String], ratingsPerLabel: [Int], alpha: Double?, fleissKappa: Double?, ac1: Double?
    ) -> PrevalenceSkew? {
        let total = ratingsPerLabel.reduce(0, +)
        guard total > 0, let top = ratingsPerLabel.indices.max(by: { ratingsPerLabel[$0] < ratingsPerLabel[$1] })
        else { return nil }
        var furthest: (String, Double)?
        if let ac1 {
            for (name, value) in [("Krippendorff's alpha", alpha), ("Fleiss' kappa", fleissKappa)] {
                guard let value else { continue }
                if furthest.map({ abs(ac1 - value) > abs(ac1 - $0.1) }) ?? true { furthest = (name, value) }
            }
        }
        let skew = PrevalenceSkew(
            label: labels[top], share: Double(ratingsPerLabel[top]) / Double(total), kappaName: furthest?.0,
            kappa: furthest?.1, ac1: ac1)
        return skew.isDominant || skew.coefficientsPartWays ? skew : nil
    }
}
