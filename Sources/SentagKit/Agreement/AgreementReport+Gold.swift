extension AgreementReport {
    /// The gold keys of the agreement JSON: SPEC.md's `gold` (per annotator `items`, `correct`,
    /// `accuracy`, and more) and `gold_items`, the gold sentences left out of the ratings.
    func writeGoldJSON(_ gold: GoldReport, to writer: inout JSONWriter) {
        writer.key("gold")
        gold.writeJSON(to: &writer)
        writer.field("gold_items", gold.goldItems)
    }
}
