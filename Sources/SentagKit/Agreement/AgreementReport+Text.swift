extension AgreementReport {
    /// Krippendorff's thresholds: alpha ≥ 0.8 reliable, ≥ 0.667 for tentative conclusions only.
    public static let reliableAlpha = 0.8
    public static let tentativeAlpha = 0.667

    /// The readable report: summary table with the items behind each figure, the pairwise kappa
    /// matrix, the confusion matrix of the weakest pair (every pair with `allPairs`), per-label
    /// usage and specific agreement, a short reading, and the disagreements when listed.
    public func text(style: TerminalStyle = TerminalStyle(enabled: false), allPairs: Bool = false) -> String {
        var out: [String] = []
        let heading = { (text: String) in "\(style.bold)\(text)\(style.reset)" }
        if annotators.isEmpty {
            out.append(heading("Agreement") + ": no annotator has a current rating yet")
        } else {
            out.append(
                heading("Agreement of \(annotators.count) annotator\(annotators.count == 1 ? "" : "s")")
                    + " (\(annotators.joined(separator: ", "))) on \(labels.count) label\(labels.count == 1 ? "" : "s")"
                    + " (\(labels.joined(separator: ", ")))")
        }
        let paired = percentAgreement.items
        out.append(
            "\(ReportText.count(items)) item\(items == 1 ? "" : "s"), \(ReportText.count(ratings)) rating\(ratings == 1 ? "" : "s");"
                + " \(ReportText.count(paired)) item\(paired == 1 ? " has" : "s have") 2 or more ratings,"
                + " \(ReportText.count(disagreementCount)) of them with different labels.")
        if !leftOut.isEmpty {
            out.append(
                "\(style.dim)Not counted: \(ReportText.list(leftOut)) (a label file without current ratings, such as adjudications).\(style.reset)"
            )
        }
        if skippedLines > 0 {
            out.append(
                "\(style.yellow)\(skippedLines) unreadable line\(skippedLines == 1 ? " was" : "s were") skipped (listed on stderr).\(style.reset)"
            )
        }
        out.append("")
        if items == 0 {
            out.append(heading("Reading"))
            out += reading(style: style).map { "  - " + $0 }
            return out.joined(separator: "\n") + "\n"
        }
        out += summaryTable(style: style)
        if annotators.count >= 2 {
            out.append("")
            out += pairMatrix(style: style)
            out += confusionSections(style: style, allPairs: allPairs)
        }
        out.append("")
        out += labelTable(style: style)
        if let suggestions, suggestions.anyShown {
            out.append("")
            out.append(heading("Suggestions") + " (the model's label on screen while labeling)")
            out += suggestions.lines(agreement: true).map { "  " + $0 }
        }
        out.append("")
        out.append(heading("Reading"))
        out += reading(style: style).map { "  - " + $0 }
        if let gold {
            out.append("")
            out += gold.textLines(style: style)
        }
        if let disagreements {
            out.append("")
            out.append(heading("Disagreements (\(ReportText.count(disagreements.count)))"))
            for item in disagreements {
                let votes = item.votes.map { "\($0.annotator) \($0.label)\($0.flagged ? " (unsure)" : "")" }
                let location = TerminalText.visible(item.location)
                out.append(
                    "  \(style.cyan)\(location)\(style.reset)  \(TerminalText.visible(votes.joined(separator: " · ")))")
                out.append("      \(TerminalText.visible(item.text))")
                for vote in item.votes {
                    guard let note = vote.note else { continue }
                    let oneLine = TerminalText.visible(note.split(whereSeparator: \.isNewline).joined(separator: " "))
                    out.append("      \(style.dim)note, \(vote.annotator):\(style.reset) \(oneLine)")
                }
                for problem in item.unreadable {
                    out.append("      \(style.yellow)\(TerminalText.visible(problem))\(style.reset)")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func summaryTable(style: TerminalStyle) -> [String] {
        let intervals = bootstrap
        var header = ["", "value", "items", ""]
        if let intervals { header.insert("\(Int((intervals.level * 100).rounded()))% interval", at: 2) }
        let over: [String] = [
            "items with 2 or more ratings",
            "items with 2 or more ratings",
            annotators.count == 1 ? "items \(annotators[0]) rated" : "items all \(annotators.count) annotators rated",
            "all items (pairs from the \(ReportText.count(percentAgreement.items)) with 2 or more)",
        ]
        let figures: [(String, Coefficient, BootstrapIntervals.Interval?)] = [
            ("Percent agreement", percentAgreement, nil),
            ("Krippendorff's alpha", krippendorffAlpha, intervals?.krippendorffAlpha),
            ("Fleiss' kappa", fleissKappa, intervals?.fleissKappa),
            ("Gwet's AC1", gwetAC1, intervals?.gwetAC1),
        ]
        var rows = [header]
        for (index, (name, coefficient, interval)) in figures.enumerated() {
            var row = [name, Self.marked(coefficient), ReportText.count(coefficient.items), over[index]]
            if intervals != nil {
                var cell = ""
                if let interval, let low = interval.low, let high = interval.high {
                    cell = "\(ReportText.fixed(low))–\(ReportText.fixed(high))"
                } else if index > 0 {
                    cell = "n/a"
                }
                row.insert(cell, at: 2)
            }
            rows.append(row)
        }
        var lines = ReportText.table(rows, leftAligned: [0, rows[0].count - 1])
        lines[0] = style.dim + lines[0] + style.reset
        for (name, coefficient, _) in figures {
            if let reason = coefficient.undefinedReason { lines.append("  \(name) is undefined: \(reason).") }
        }
        if figures.contains(where: { SmallSampleFigure.isSmall($0.1) }) { lines.append(smallSampleFootnote(style)) }
        if let intervals {
            lines.append(
                "\(style.dim)  Intervals: \(ReportText.count(intervals.samples)) bootstrap samples of the items, seed \(intervals.seed) (--bootstrap 0 leaves them out).\(style.reset)"
            )
        }
        return lines
    }

    private func pairMatrix(style: TerminalStyle) -> [String] {
        var lines = ["\(style.bold)Cohen's kappa by pair\(style.reset) (items both rated in parentheses)"]
        let names = annotators
        var rows: [[String]] = [[""] + names.dropFirst()]
        var index = 0
        var lookup: [String: PairAgreement] = [:]
        for pair in pairs { lookup[pair.a + "\u{0}" + pair.b] = pair }
        for (i, a) in names.enumerated().dropLast() {
            var row = [a]
            for (j, b) in names.enumerated().dropFirst() {
                if j <= i {
                    row.append("")
                    continue
                }
                let pair = lookup[a + "\u{0}" + b]
                row.append(pair.map { "\(Self.marked($0.cohenKappa)) (\(ReportText.count($0.items)))" } ?? "")
                index += 1
            }
            rows.append(row)
        }
        lines += ReportText.table(rows)
        for pair in pairs {
            if let reason = pair.cohenKappa.undefinedReason, pair.items > 0 {
                lines.append("  \(pair.a) × \(pair.b): kappa undefined, \(reason).")
            }
        }
        let strangers = pairs.filter { $0.items == 0 }.map { "\($0.a) × \($0.b)" }
        if !strangers.isEmpty { lines.append("  No item in common: \(ReportText.list(strangers)).") }
        if pairs.contains(where: { SmallSampleFigure.isSmall($0.cohenKappa) }) {
            lines.append(smallSampleFootnote(style))
        }
        return lines
    }

    /// The pair with the lowest defined kappa.
    public var weakestPair: PairAgreement? {
        pairs.compactMap { pair in pair.cohenKappa.value.map { (pair, $0) } }.min { $0.1 < $1.1 }?.0
    }

    private func confusionSections(style: TerminalStyle, allPairs: Bool) -> [String] {
        var lines: [String] = []
        let shown: [(String, PairAgreement)]
        if allPairs {
            shown = pairs.filter { $0.items > 0 }.map { ("Confusion of \($0.a) × \($0.b)", $0) }
        } else if let weakest = weakestPair, pairs.count > 1 {
            shown = [("Confusion of the weakest pair, \(weakest.a) × \(weakest.b)", weakest)]
        } else if let only = pairs.first, only.items > 0 {
            shown = [("Confusion of \(only.a) × \(only.b)", only)]
        } else {
            shown = []
        }
        for (title, pair) in shown {
            lines.append("")
            lines.append(
                "\(style.bold)\(title)\(style.reset): kappa \(ReportText.fixed(pair.cohenKappa.value)),"
                    + " agreement \(ReportText.fixed(pair.agreement)) over \(ReportText.count(pair.items)) items"
                    + " (rows \(pair.a), columns \(pair.b))")
            var rows: [[String]] = [["\(pair.a) ↓ \(pair.b) →"] + labels]
            for (i, label) in labels.enumerated() {
                rows.append(
                    [label]
                        + pair.confusion[i].map { count in count == 0 ? "\(style.dim)·\(style.reset)" : String(count) })
            }
            lines += ReportText.table(rows)
        }
        return lines
    }

    private func labelTable(style: TerminalStyle) -> [String] {
        var rows: [[String]] = [["Labels"] + annotators + ["specific agreement"]]
        for entry in perLabel {
            let specific = entry.specificAgreement
            let cell =
                specific.value == nil ? "n/a" : "\(Self.marked(specific)) (\(ReportText.count(specific.items)) items)"
            rows.append(["  " + entry.label] + entry.usage.map { ReportText.count($0) } + [cell])
        }
        var lines = ReportText.table(rows, indent: "")
        lines[0] = style.bold + lines[0] + style.reset
        if perLabel.contains(where: { SmallSampleFigure.isSmall($0.specificAgreement) }) {
            lines.append(smallSampleFootnote(style))
        }
        return lines
    }

    /// The value with three decimals, followed by `*` when it rests on too few items.
    static func marked(_ coefficient: Coefficient) -> String {
        ReportText.fixed(coefficient.value) + (SmallSampleFigure.isSmall(coefficient) ? "*" : "")
    }

    private func smallSampleFootnote(_ style: TerminalStyle) -> String {
        "\(style.dim)  * rests on fewer than \(SmallSampleFigure.threshold) items: a rough figure (see Reading).\(style.reset)"
    }
}
