extension GoldReport {
    /// The gold section of a report: one row per annotator, then the confusion against gold of
    /// everyone who missed some.
    public func textLines(style: TerminalStyle = TerminalStyle(enabled: false)) -> [String] {
        var out: [String] = []
        out.append(
            "\(style.bold)Gold checks\(style.reset) (\(ReportText.count(goldItems)) sentence\(goldItems == 1 ? "" : "s") "
                + "with a known label\(file.isEmpty ? "" : ", from \(file)"); not agreement items)")
        var rows: [[String]] = [
            ["", "items", "correct", "accuracy", "95% interval", "last \(Self.recentWindow)", "before"]
        ]
        for annotator in annotators {
            let interval =
                annotator.interval.map { "\(ReportText.fixed($0.low))–\(ReportText.fixed($0.high))" } ?? "n/a"
            rows.append([
                annotator.name, ReportText.count(annotator.overall.items), ReportText.count(annotator.overall.correct),
                ReportText.fixed(annotator.overall.accuracy), interval, ReportText.fixed(annotator.recent.accuracy),
                ReportText.fixed(annotator.earlier.accuracy),
            ])
        }
        var table = ReportText.table(rows)
        table[0] = style.dim + table[0] + style.reset
        out += table
        let missed = annotators.filter { $0.overall.correct < $0.overall.items }
        if !missed.isEmpty {
            out.append("  Confusion against gold (rows: the gold label; columns: the annotator's label):")
            for annotator in missed {
                var rows: [[String]] = [[annotator.name] + labels]
                for (g, row) in annotator.confusion.enumerated() where row.contains(where: { $0 > 0 }) {
                    rows.append(["  " + labels[g]] + row.map { ReportText.count($0) })
                }
                out += ReportText.table(rows, indent: "    ")
            }
        }
        let drops = annotators.filter { annotator in
            guard let now = annotator.recent.accuracy, let before = annotator.earlier.accuracy else { return false }
            return now + 0.1 < before
        }
        for annotator in drops {
            out.append(
                "  \(style.yellow)\(annotator.name): \(ReportText.fixed(annotator.recent.accuracy)) on the last "
                    + "\(annotator.recent.items) gold items, down from \(ReportText.fixed(annotator.earlier.accuracy)) before; "
                    + "worth a word.\(style.reset)")
        }
        return out
    }
}
