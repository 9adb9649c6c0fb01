/// What an export says about splits that came out unlike what was asked: a split more than five
/// percentage points off its requested share of the examples, a split without any example of a
/// label that the others have, a label with no example at all.
///
/// Splits keep documents whole, so a few long documents can tip the shares, and a label found in
/// few documents can miss a split entirely (a dev set without a caption cannot tell how well
/// captions are learned). Each message names the split, the figures and what to try. Empty
/// splits are reported by the exporter itself (too few documents): they, and the shares of the
/// others, are not checked again here.
public enum SplitWarnings {
    /// A split whose share is further than this (a fraction: 5 points) from the requested share.
    public static let tolerance = 0.05

    public static func check(
        _ splits: [ExportManifest.SplitSummary], ratios: SplitRatios, labels: [String], stratified: Bool
    ) -> [String] {
        var warnings: [String] = []
        let total = splits.reduce(0) { $0 + $1.examples }
        guard total > 0 else { return warnings }
        let remedy = stratified ? "try another --seed or label more documents" : "try --stratify or another --seed"
        // With a requested split empty (too few documents, reported by the exporter), every other
        // split is off its share for that reason alone.
        let someEmpty = splits.contains { $0.examples == 0 && ratios.fraction($0.split) > 0 }
        for split in splits where split.examples > 0 && !someEmpty {
            let share = Double(split.examples) / Double(total)
            let requested = ratios.fraction(split.split)
            if abs(share - requested) > tolerance + 1e-12 {
                warnings.append(
                    "\(split.split) has \(percent(share)) of the examples (\(split.examples) of \(total)), not the"
                        + " \(percent(requested)) asked for: splits keep documents whole and the documents differ in"
                        + " size; try another --seed or label more documents")
            }
        }
        var labelTotals = [Int](repeating: 0, count: labels.count)
        for split in splits {
            for (k, count) in split.labelCounts.enumerated() { labelTotals[k] += count }
        }
        for split in splits where split.examples > 0 && ratios.fraction(split.split) > 0 {
            let missing = labels.indices.filter { split.labelCounts[$0] == 0 && labelTotals[$0] > 0 }
            guard !missing.isEmpty else { continue }
            let names = missing.map { labels[$0] }
            let elsewhere = missing.map { "\(labelTotals[$0]) \(labels[$0])" }
            warnings.append(
                "\(split.split) has no example of \(ReportText.list(names)) (\(ReportText.list(elsewhere)) in the other splits):"
                    + " \(split.split == .train ? "a model trained on it never sees" : "it cannot measure")"
                    + " \(missing.count == 1 ? "that label" : "those labels"); \(remedy)")
        }
        let absent = labels.indices.filter { labelTotals[$0] == 0 }.map { labels[$0] }
        if !absent.isEmpty {
            warnings.append(
                "no example of \(ReportText.list(absent)) in any split: a model cannot learn \(absent.count == 1 ? "it" : "them");"
                    + " label some, or leave \(absent.count == 1 ? "it" : "them") out with "
                    + absent.map { "--drop \($0)" }.joined(separator: " "))
        }
        return warnings
    }

    /// "49.0%" (one decimal), "10%" for whole numbers.
    static func percent(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
    }
}
