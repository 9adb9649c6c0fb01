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
                let votes = item.votes.map { "\($0.annotator) \($0.label)" }.joined(separator: " · ")
                out.append("  \(style.cyan)\(item.location)\(style.reset)  \(votes)")
                out.append("      \(item.text)")
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
            var row = [name, ReportText.fixed(coefficient.value), ReportText.count(coefficient.items), over[index]]
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
        if let intervals {
            lines.append(
                "\(style.dim)  Intervals: \(ReportText.count(intervals.samples)) bootstrap samples of the items, seed \(intervals.seed).\(style.reset)"
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
                row.append(
                    pair.map { "\(ReportText.fixed($0.cohenKappa.value)) (\(ReportText.count($0.items)))" } ?? "")
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
        return lines
    }

    /// The pair with the lowest defined kappa.
    public var weakestPair: PairAgreement? {
        pairs.filter { $0.cohenKappa.value != nil }.min { $0.cohenKappa.value! < $1.cohenKappa.value! }
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
                specific.value.map { "\(ReportText.fixed($0)) (\(ReportText.count(specific.items)) items)" } ?? "n/a"
            rows.append(["  " + entry.label] + entry.usage.map { ReportText.count($0) } + [cell])
        }
        var lines = ReportText.table(rows, indent: "")
        lines[0] = style.bold + lines[0] + style.reset
        return lines
    }

    // MARK: - Reading

    /// Plain-language observations, most important first.
    func reading(style: TerminalStyle) -> [String] {
        var notes: [String] = []
        if items == 0 {
            return ["No ratings yet: label some sentences with 'sentag label', then run this again."]
        }
        if annotators.count < 2 {
            return ["Agreement needs at least two annotators; only \(ReportText.list(annotators)) has current ratings."]
        }
        let tentative = ReportText.fixed(Self.tentativeAlpha)
        let reliable = ReportText.fixed(Self.reliableAlpha, digits: 1)
        if let alpha = krippendorffAlpha.value {
            let figure = "Krippendorff's alpha is \(ReportText.fixed(alpha))"
            if alpha >= Self.reliableAlpha {
                notes.append(
                    "\(figure), at or above \(reliable): the labels are reliable enough to train and report on.")
            } else if alpha >= Self.tentativeAlpha {
                notes.append(
                    "\(figure), between \(tentative) and \(reliable): good enough for tentative conclusions only; tighten the guidelines where the annotators part ways (the weakest pair's confusions)."
                )
            } else {
                notes.append(
                    "\(figure), below \(tentative): the labels are not reliable yet; revise the guidelines and retrain before relying on them."
                )
            }
            if let interval = bootstrap?.krippendorffAlpha, let low = interval.low, let high = interval.high {
                let crossed = [Self.tentativeAlpha, Self.reliableAlpha].filter { low < $0 && $0 <= high }
                if !crossed.isEmpty {
                    let which = ReportText.list(
                        crossed.map { ReportText.fixed($0, digits: $0 == Self.reliableAlpha ? 1 : 3) })
                    notes.append(
                        "Its \(Int((bootstrap!.level * 100).rounded()))% interval (\(ReportText.fixed(low))–\(ReportText.fixed(high)))"
                            + " spans \(which): more doubly-rated items would settle where it stands.")
                }
            }
        } else if let reason = krippendorffAlpha.undefinedReason {
            notes.append("Krippendorff's alpha is undefined: \(reason).")
        }
        if pairs.count > 1, let weakest = weakestPair, let kappa = weakest.cohenKappa.value {
            var note = "The weakest pair is \(weakest.a) × \(weakest.b) (kappa \(ReportText.fixed(kappa)))"
            if let (x, y, count) = mostConfused(weakest) {
                note += "; they part most often on \(labels[x]) vs \(labels[y]) (\(count) item\(count == 1 ? "" : "s"))"
            }
            notes.append(note + ".")
        } else if let pair = pairs.first, let kappa = pair.cohenKappa.value, let (x, y, count) = mostConfused(pair) {
            notes.append(
                "Cohen's kappa is \(ReportText.fixed(kappa)); the most frequent confusion is \(labels[x]) vs \(labels[y]) (\(count) item\(count == 1 ? "" : "s"))."
            )
        }
        if annotators.count >= 3, let (name, own, others) = leastAgreeingAnnotator() {
            notes.append(
                "\(name) agrees least with the others (mean kappa \(ReportText.fixed(own)) against \(ReportText.fixed(others)) among the rest): the first to talk to about the guidelines."
            )
        }
        let defined = perLabel.filter { $0.specificAgreement.value != nil }
        if defined.count >= 2,
            let weakest = defined.min(by: { $0.specificAgreement.value! < $1.specificAgreement.value! })
        {
            notes.append(
                "The least agreed label is \(weakest.label) (specific agreement \(ReportText.fixed(weakest.specificAgreement.value!)) over \(ReportText.count(weakest.specificAgreement.items)) items)."
            )
        }
        notes += prevalenceWarnings(style: style)
        return notes
    }

    /// The off-diagonal pair of labels the pair confuses most, counting both directions.
    private func mostConfused(_ pair: PairAgreement) -> (Int, Int, Int)? {
        var best: (Int, Int, Int)?
        for i in labels.indices {
            for j in labels.indices where j > i {
                let count = pair.confusion[i][j] + pair.confusion[j][i]
                if count > 0 && count > (best?.2 ?? 0) { best = (i, j, count) }
            }
        }
        return best
    }

    /// The annotator with the lowest mean kappa against the others, with that mean and the
    /// mean kappa among the remaining pairs; nil when it does not stand out (within 0.05).
    private func leastAgreeingAnnotator() -> (String, Double, Double)? {
        var means: [(String, Double)] = []
        for name in annotators {
            let own = pairs.filter { ($0.a == name || $0.b == name) }.compactMap { $0.cohenKappa.value }
            if !own.isEmpty { means.append((name, own.reduce(0, +) / Double(own.count))) }
        }
        guard let lowest = means.min(by: { $0.1 < $1.1 }) else { return nil }
        let rest = pairs.filter { $0.a != lowest.0 && $0.b != lowest.0 }.compactMap { $0.cohenKappa.value }
        guard !rest.isEmpty else { return nil }
        let restMean = rest.reduce(0, +) / Double(rest.count)
        return restMean - lowest.1 >= 0.05 ? (lowest.0, lowest.1, restMean) : nil
    }

    /// The kappa paradox: high raw agreement (≥ 0.8) but a kappa-type figure below 0.667,
    /// because one label takes most ratings (≥ 70%) and so chance agreement is high; overall,
    /// AC1 must also stand clearly (≥ 0.15) above alpha, which is where the two part ways.
    private func prevalenceWarnings(style: TerminalStyle) -> [String] {
        var notes: [String] = []
        let dominantShare = 0.7
        let totals = perLabel.map { $0.usage.reduce(0, +) }
        let total = totals.reduce(0, +)
        let kappaName: String
        let kappaValue: Double?
        if let alpha = krippendorffAlpha.value {
            (kappaName, kappaValue) = ("alpha", alpha)
        } else {
            (kappaName, kappaValue) = ("Fleiss' kappa", fleissKappa.value)
        }
        if total > 0, let top = totals.indices.max(by: { totals[$0] < totals[$1] }),
            Double(totals[top]) / Double(total) >= dominantShare,
            let raw = percentAgreement.value, let kappa = kappaValue, raw >= 0.8, kappa < Self.tentativeAlpha,
            gwetAC1.value.map({ $0 - kappa >= 0.15 }) ?? true
        {
            let share = Int((Double(totals[top]) / Double(total) * 100).rounded())
            var note =
                "\(style.yellow)Warning: prevalence skew.\(style.reset) Raw agreement is high (\(ReportText.fixed(raw)))"
                + " but \(kappaName) is low (\(ReportText.fixed(kappa))): \(labels[top]) makes up \(share)% of all ratings,"
                + " so chance agreement is high and the few disagreements weigh heavily."
            if let ac1 = gwetAC1.value {
                note +=
                    " Gwet's AC1 (\(ReportText.fixed(ac1))), which corrects less for a dominant label, tells the other side;"
            }
            note += " judge the rare labels by their specific agreement."
            notes.append(note)
        }
        let skewedPairs = pairs.filter { pair in
            guard let agreement = pair.agreement, let kappa = pair.cohenKappa.value, agreement >= 0.8,
                kappa < Self.tentativeAlpha
            else { return false }
            var best = 0
            for k in labels.indices {
                let uses = pair.confusion[k].reduce(0, +) + pair.confusion.reduce(0) { $0 + $1[k] }
                best = max(best, uses)
            }
            return Double(best) / Double(2 * pair.items) >= dominantShare
        }
        if !skewedPairs.isEmpty && (notes.isEmpty || pairs.count > 1) {
            let listed = skewedPairs.prefix(5).map {
                "\($0.a) × \($0.b) (agreement \(ReportText.fixed($0.agreement)), kappa \(ReportText.fixed($0.cohenKappa.value)))"
            }
            let more = skewedPairs.count > 5 ? " and \(skewedPairs.count - 5) more" : ""
            let lead = notes.isEmpty ? "\(style.yellow)Warning: prevalence skew\(style.reset) in" : "The same holds for"
            notes.append(
                "\(lead) \(skewedPairs.count == 1 ? "pair" : "pairs") \(listed.joined(separator: ", "))\(more):"
                    + " high raw agreement, low kappa, one label taking most ratings.")
        }
        return notes
    }
}
