/// A defined agreement figure that rests on fewer than `threshold` items, which the report
/// flags so nobody reads a kappa over four sentences as a finding.
///
/// Thirty is the usual rule of thumb below which a proportion's sampling error is too large to
/// compare against the 0.667 / 0.8 thresholds: with 4 items one changed label moves a figure by
/// 0.25 or more.
public struct SmallSampleFigure: Equatable, Sendable {
    /// Fewer items than this draw a caution.
    public static let threshold = 30

    /// How the report names the figure: "Fleiss' kappa", "the specific agreement of caption".
    public var name: String
    /// Where the figure sits in the JSON report: "fleiss_kappa",
    /// "per_label.caption.specific_agreement", "pairs.alice.bob.cohen_kappa".
    public var key: String
    public var value: Double
    public var items: Int

    public init(name: String, key: String, value: Double, items: Int) {
        self.name = name
        self.key = key
        self.value = value
        self.items = items
    }

    /// Whether `coefficient` is defined and rests on fewer than `threshold` items.
    public static func isSmall(_ coefficient: Coefficient) -> Bool {
        coefficient.value != nil && coefficient.items < threshold
    }
}
