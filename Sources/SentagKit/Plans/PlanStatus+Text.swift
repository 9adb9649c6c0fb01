extension PlanStatus {
    /// The readable status: the plan in one line, a table of shares, the overlap, the corpus.
    public func text(style: TerminalStyle = TerminalStyle(enabled: false)) -> String {
        var out: [String] = []
        out.append("\(style.bold)Plan\(style.reset): \(plan.summary)")
        out.append("")
        var rows: [[String]] = [["Annotators", "assigned", "done", "left", "overlap", "gold", "last labeled"]]
        for share in annotators {
            rows.append([
                "  " + share.name + (share.absent ? " (absent)" : ""), ReportText.count(share.assigned),
                ReportText.count(share.done), ReportText.count(share.left), ReportText.count(share.overlap),
                ReportText.count(share.gold), share.lastLabeled.map(Self.shortTime) ?? "-",
            ])
        }
        let total = annotators.reduce(into: (0, 0, 0)) { sum, share in
            sum.0 += share.assigned
            sum.1 += share.done
            sum.2 += share.left
        }
        rows.append([
            "  all", ReportText.count(total.0), ReportText.count(total.1), ReportText.count(total.2), "", "", "",
        ])
        var lines = ReportText.table(rows, indent: "", leftAligned: [0, 6])
        lines[0] = style.bold + lines[0] + style.reset
        out += lines
        out.append("")
        if overlapItems > 0 {
            out.append(
                "\(style.bold)Overlap\(style.reset): \(ReportText.count(overlapItems)) item\(overlapItems == 1 ? "" : "s") "
                    + "for \(k) annotators each: \(ReportText.count(completeOverlapItems)) complete, "
                    + "\(ReportText.count(incompleteOverlapItems)) waiting for votes.")
        } else {
            out.append("\(style.bold)Overlap\(style.reset): none (every sentence is labeled by one annotator).")
        }
        out.append(
            "\(style.bold)Single items\(style.reset): \(ReportText.count(singleItems)), "
                + "\(ReportText.count(completeSingleItems)) labeled."
                + (goldItems > 0 ? " Gold checks: \(ReportText.count(goldItems)) (not agreement items)." : ""))
        if !plan.absent.isEmpty {
            out.append(
                "\(style.dim)Absent: \(plan.absent.joined(separator: ", ")); their unstarted work went to the others "
                    + "('sentag plan --add NAME' brings someone back).\(style.reset)")
        }
        if let differences {
            out.append(
                "\(style.yellow)Corpus: differs from the plan (\(plan.corpus.description) planned): \(differences)."
                    + (unassigned > 0
                        ? " \(ReportText.count(unassigned)) sentence\(unassigned == 1 ? " is" : "s are") in nobody's queue."
                        : "")
                    + " 'sentag plan --extend' plans them; edited documents are left out until then.\(style.reset)")
        } else {
            out.append("\(style.dim)Corpus: as planned (\(plan.corpus.description)).\(style.reset)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// "2026-11-21 14:03" (UTC).
    static func shortTime(_ time: Timestamp) -> String {
        var text = String(time.description.prefix(16))
        if let t = text.firstIndex(of: "T") { text.replaceSubrange(t...t, with: " ") }
        return text
    }
}
