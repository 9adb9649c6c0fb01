/// The agreement figures `manifest.json` records under `agreement`.
///
/// Exactly what `sentag agreement --json` reports for the same label files (the same choice of
/// annotators, the same coefficients and `null`s with their reasons), computed from the label
/// files the exporter has already read, plus two counts a dataset user asks for first: items
/// with two ratings or more, and how many of them are unanimous.
public struct ExportAgreementSummary: Sendable {
    public let report: AgreementReport

    public init(report: AgreementReport) {
        self.report = report
    }

    /// Items with two ratings or more (the ones agreement is measured on).
    public var itemsWithTwoOrMoreRatings: Int { report.ratingsPerItem.dropFirst(2).reduce(0, +) }
    /// Items with two ratings or more, all of one label.
    public var unanimousItems: Int { itemsWithTwoOrMoreRatings - report.disagreementCount }
    /// Mean over items with ≥ 2 ratings of agreeing pairs / all pairs; nil when there is none.
    public var percentAgreement: Double? { report.percentAgreement.value }
    public var krippendorffAlpha: Double? { report.krippendorffAlpha.value }

    /// The JSON object written to the manifest.
    public var jsonValue: JSONValue {
        var writer = JSONWriter()
        report.writeSummaryJSON(to: &writer)
        guard case .object(var members)? = try? JSONParser.parse(writer.bytes) else { return .null }
        members.append(("items_with_2_or_more_ratings", .number(Double(itemsWithTwoOrMoreRatings))))
        members.append(("unanimous_items", .number(Double(unanimousItems))))
        return .object(members)
    }
}
