/// The few lines `sentag export` prints when it is done.
public enum ExportReport {
    /// ```
    /// wrote 9876 examples from 412 documents to out/ (jsonl, policy adjudicated-majority, seed 0)
    ///   train 7901 (80.0%)  dev 988 (10.0%)  test 987 (10.0%)
    ///   left out 120 of 9996 items: tie 100, below min votes 20
    /// ```
    public static func text(_ manifest: ExportManifest, directory: String) -> String {
        let configuration = manifest.configuration
        var lines: [String] = []
        lines.append(
            "wrote \(manifest.examples) examples from \(manifest.documents) documents to \(TerminalText.visible(directory)) "
                + "(\(configuration.format), policy \(configuration.policy), seed \(configuration.seed))")
        let total = max(1, manifest.examples)
        lines.append(
            "  "
                + manifest.splits.map { split in
                    let percent = (Double(split.examples) / Double(total) * 1000).rounded() / 10
                    return "\(split.split) \(split.examples) (\(percent)%)"
                }.joined(separator: "  "))
        let reasons = LeftOutReason.allCases.filter { manifest.leftOut[$0.rawValue] > 0 }
            .map { "\($0) \(manifest.leftOut[$0.rawValue])" }
        if reasons.isEmpty {
            lines.append("  left out none of \(manifest.items) items")
        } else {
            lines.append(
                "  left out \(manifest.leftOutTotal) of \(manifest.items) items: " + reasons.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
