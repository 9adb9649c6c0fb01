/// The agreement figures `manifest.json` records under `agreement`.
///
/// The exporter fills the basic figures itself from the votes it already holds (exact and cheap);
/// the full coefficients of `sentag agreement` (Krippendorff's alpha, Fleiss' kappa, …) come in
/// through `additional`, supplied by the caller (see `ExportConfiguration.agreementCoefficients`).
/// Key names follow `sentag agreement --json` (SPEC.md) so the two read alike.
///
/// Items are sentence ids with at least one vote; each annotator's current decision is one
/// rating; adjudications are not ratings.
public struct ExportAgreementSummary: Equatable, Sendable {
    /// Ids with at least one rating.
    public var items = 0
    public var ratings = 0
    /// Ids with two ratings or more (the ones agreement is measured on).
    public var itemsWithTwoOrMoreRatings = 0
    /// Mean over items with ≥ 2 ratings of agreeing pairs / all pairs; nil when there is none.
    public var percentAgreement: Double?
    /// Items with ≥ 2 ratings, all the same.
    public var unanimousItems = 0
    /// Items with ≥ 2 ratings where no label has a strict plurality.
    public var tiedItems = 0
    /// Further members written after the basic ones, in order; a key here replaces a basic key
    /// of the same name.
    public var additional: [(String, JSONValue)] = []

    public init() {}

    /// Counts ratings per item. `rows` calls its body once per item with that item's ratings
    /// (label positions, -1 for "no rating" entries which are skipped).
    init(labelCount: Int, forEachRow: ((UnsafeBufferPointer<Int32>) -> Void) -> Void) {
        var counts = [Int](repeating: 0, count: labelCount)
        var agreementSum = 0.0
        forEachRow { votes in
            var n = 0
            for vote in votes where vote >= 0 {
                counts[Int(vote)] += 1
                n += 1
            }
            guard n > 0 else { return }
            items += 1
            ratings += n
            if n >= 2 {
                itemsWithTwoOrMoreRatings += 1
                var agreeingPairs = 0
                var top = 0
                var topShared = false
                for vote in votes where vote >= 0 {
                    let c = counts[Int(vote)]
                    guard c > 0 else { continue }  // label already counted
                    agreeingPairs += c * (c - 1) / 2
                    if c > top {
                        top = c
                        topShared = false
                    } else if c == top {
                        topShared = true
                    }
                    counts[Int(vote)] = 0
                }
                agreementSum += Double(agreeingPairs) / Double(n * (n - 1) / 2)
                if top == n { unanimousItems += 1 }
                if topShared { tiedItems += 1 }
            } else {
                for vote in votes where vote >= 0 { counts[Int(vote)] = 0 }
            }
        }
        percentAgreement = itemsWithTwoOrMoreRatings > 0 ? agreementSum / Double(itemsWithTwoOrMoreRatings) : nil
    }

    /// The summary from each item's ratings given as label names (nil = not rated), for tests
    /// and callers outside the exporter.
    public init(ratings perItem: [[String?]], labels: LabelSet) {
        let rows = perItem.map { $0.map { name in Int32(name.flatMap { labels.index(of: $0) } ?? -1) } }
        self.init(labelCount: labels.count) { visit in
            for row in rows { row.withUnsafeBufferPointer { visit($0) } }
        }
    }

    /// The JSON object written to the manifest.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("items", .number(Double(items))),
            ("ratings", .number(Double(ratings))),
            ("items_with_2_or_more_ratings", .number(Double(itemsWithTwoOrMoreRatings))),
            ("percent_agreement", percentAgreement.map { .number($0) } ?? .null),
            ("unanimous_items", .number(Double(unanimousItems))),
            ("tied_items", .number(Double(tiedItems))),
        ]
        for (key, value) in additional {
            if let existing = members.firstIndex(where: { $0.0 == key }) {
                members[existing].1 = value
            } else {
                members.append((key, value))
            }
        }
        return .object(members)
    }

    public static func == (lhs: ExportAgreementSummary, rhs: ExportAgreementSummary) -> Bool {
        lhs.jsonValue == rhs.jsonValue
    }
}
