/// A suggestion as the session shows it and records it.
public struct SessionSuggestion: Equatable, Sendable {
    /// The suggested label's position in the label set, and its name (what `suggested` records).
    public var labelIndex: Int
    public var label: String
    /// The model's calibrated probability; nil when the label comes from a duplicate.
    public var probability: Double?
    /// For a duplicate's label: where the duplicate is (`doc:N`), and whether it is an exact
    /// copy (after normalising white space, quotation marks, dashes and case) or a near one.
    public var duplicateOf: String?
    public var exactDuplicate: Bool
    /// Why this label (review `--suspects`: "alice said quote"); shown under the sentence.
    public var reason: String?

    public init(
        labelIndex: Int, label: String, probability: Double? = nil, duplicateOf: String? = nil,
        exactDuplicate: Bool = true, reason: String? = nil
    ) {
        self.labelIndex = labelIndex
        self.label = label
        self.probability = probability
        self.duplicateOf = duplicateOf
        self.exactDuplicate = exactDuplicate
        self.reason = reason
    }
}
