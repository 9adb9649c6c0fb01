extension AnnotationStats {
    /// The readable progress report.
    public func text(style: TerminalStyle = TerminalStyle(enabled: false)) -> String {
        var out: [String] = []
        let bold = { (text: String) in "\(style.bold)\(text)\(style.reset)" }
        let labeled = sentences - (overlap.first ?? 0)
        out.append(
            bold("Progress")
                + ": \(ReportText.count(labeled)) of \(ReportText.count(sentences)) sentences labeled"
                + " (\(percent(labeled, of: sentences))) in \(documents.count) document\(documents.count == 1 ? "" : "s"),"
                + " \(people(labelers.count, "annotator"))"
                + (adjudicators.isEmpty ? "" : ", \(people(adjudicators.count, "adjudicator"))"))
        if skippedLines > 0 {
            out.append(
                "\(style.yellow)\(skippedLines) unreadable line\(skippedLines == 1 ? " was" : "s were") skipped (listed on stderr).\(style.reset)"
            )
        }
        out.append("")
        if annotators.isEmpty {
            out.append("No label files yet: start with 'sentag label'.")
        } else if labelers.isEmpty {
            out.append("No annotator's decisions yet, only adjudications: label with 'sentag label'.")
        } else {
            out += annotatorTable(style: style)
        }
        if !adjudicators.isEmpty {
            out.append("")
            out += adjudicatorTable(style: style)
        }
        if !documents.isEmpty {
            out.append("")
            let columns = labelers
            var rows: [[String]] = [["Documents", "sentences", "labeled"] + columns.map(\.progress.name)]
            for document in documents {
                rows.append(
                    [
                        "  " + TerminalText.visible(document.doc), ReportText.count(document.sentences),
                        ReportText.count(document.labeled),
                    ]
                        + columns.map { ReportText.count(document.covered[$0.position]) })
            }
            var lines = ReportText.table(rows, indent: "")
            lines[0] = style.bold + lines[0] + style.reset
            out += lines
        }
        if let suggestions, suggestions.anyShown {
            out.append("")
            out.append(bold("Suggestions") + " (the model's label on screen while labeling):")
            out += suggestions.lines(agreement: false).map { "  " + $0 }
        }
        out.append("")
        var parts: [String] = []
        for (ratings, count) in overlap.enumerated() where count > 0 || ratings == 0 {
            parts.append(
                ratings == 0
                    ? "\(ReportText.count(count)) not labeled yet"
                    : "\(ReportText.count(count)) with \(ratings) decision\(ratings == 1 ? "" : "s")")
        }
        out.append(
            bold("Overlap") + " (sentences by number of annotators' decisions): " + parts.joined(separator: ", ") + ".")
        out.append("")
        if orphaned.isEmpty {
            out.append(bold("Orphaned records") + ": none (every decision matches a sentence of the sources).")
        } else {
            out.append(
                "\(style.yellow)\(style.bold)Orphaned records: \(ReportText.count(orphaned.count))\(style.reset)"
                    + " (\(ReportText.count(orphanedItems)) sentence id\(orphanedItems == 1 ? "" : "s") matching no sentence"
                    + " of the sources: an article was edited or removed, or other sources were meant)")
            let shown = 50
            for orphan in orphaned.prefix(shown) {
                let kind = orphan.adjudicated ? "adjudicated " : ""
                let place = SentencePlace(document: orphan.doc, index: orphan.index)
                out.append(
                    TerminalText.visible(
                        "  \(orphan.path):\(orphan.line)  \(place)  \(kind)\(orphan.label)  \(orphan.id)"))
                if let text = orphan.text { out.append("      " + TerminalText.visible(text)) }
            }
            if orphaned.count > shown {
                out.append("  … and \(ReportText.count(orphaned.count - shown)) more (--json lists them all).")
            }
        }
        out += qualityLines(style: style)
        return out.joined(separator: "\n") + "\n"
    }

    /// Decisions per label, pace and time span of everyone who labels, then their totals.
    private func annotatorTable(style: TerminalStyle) -> [String] {
        let people = labelers.map(\.progress)
        var out: [String] = []
        var rows: [[String]] = [["Annotators", "decisions"] + labels + ["labels/min", "active", "first", "last"]]
        for annotator in people {
            var row = ["  " + annotator.name, ReportText.count(annotator.decisions)]
            row += annotator.labelCounts.map { ReportText.count($0) }
            row.append(annotator.shownLabelsPerMinute.map { ReportText.fixed($0, digits: 1) } ?? "-")
            row.append(annotator.decisions > 0 ? duration(annotator.activeSeconds) : "-")
            row.append(annotator.first.map(shortTime) ?? "-")
            row.append(annotator.last.map(shortTime) ?? "-")
            rows.append(row)
        }
        let totals = labels.indices.map { k in people.reduce(0) { $0 + $1.labelCounts[k] } }
        rows.append(
            ["  all", ReportText.count(people.reduce(0) { $0 + $1.decisions })] + totals.map { ReportText.count($0) }
                + ["", "", "", ""])
        var lines = ReportText.table(rows, indent: "", leftAligned: [0, rows[0].count - 2, rows[0].count - 1])
        lines[0] = style.bold + lines[0] + style.reset
        out += lines
        let extras = people.compactMap { annotator -> String? in
            var parts: [String] = []
            if annotator.retractions > 0 { parts.append("\(ReportText.count(annotator.retractions)) undone") }
            if annotator.flagged > 0 { parts.append("\(ReportText.count(annotator.flagged)) flagged unsure") }
            return parts.isEmpty ? nil : "\(annotator.name): \(parts.joined(separator: ", "))"
        }
        if !extras.isEmpty { out.append("\(style.dim)  \(extras.joined(separator: "; ")).\(style.reset)") }
        if people.contains(where: { $0.decisions == 0 }) {
            out.append("\(style.dim)  No pace without a current decision (-).\(style.reset)")
        }
        out.append(
            "\(style.dim)  Pace counts the gaps between labels of at most \(Int(idleLimit / 60)) minutes as active time.\(style.reset)"
        )
        return out
    }

    /// The adjudicators apart: their adjudications are final labels, not votes, and not counted
    /// in the decisions, the pace or the overlap above.
    private func adjudicatorTable(style: TerminalStyle) -> [String] {
        var rows: [[String]] = [["Adjudicators", "adjudications", "first", "last"]]
        for adjudicator in adjudicators {
            rows.append([
                "  " + adjudicator.name, ReportText.count(adjudicator.adjudications),
                adjudicator.first.map(shortTime) ?? "-", adjudicator.last.map(shortTime) ?? "-",
            ])
        }
        var lines = ReportText.table(rows, indent: "", leftAligned: [0, 2, 3])
        lines[0] = style.bold + lines[0] + style.reset
        let both = adjudicators.filter { !$0.onlyAdjudicates }.map(\.name)
        var note = "Adjudications are final labels: not votes, so not in the decisions, the pace or the overlap."
        if !both.isEmpty {
            note += " \(ReportText.list(both)) also label\(both.count == 1 ? "s" : ""): first and last cover both."
        }
        lines.append("\(style.dim)  \(note)\(style.reset)")
        return lines
    }

    private func people(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0%" : "\(Int((Double(part) / Double(whole) * 100).rounded(.down)))%"
    }

    private func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        return minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }

    /// "2026-11-21 14:03" (UTC).
    private func shortTime(_ time: Timestamp) -> String {
        let text = time.description
        return String(text.prefix(16)).replacingFirstT()
    }
}

extension String {
    fileprivate func replacingFirstT() -> String {
        guard let t = firstIndex(of: "T") else { return self }
        var copy = self
        copy.replaceSubrange(t...t, with: " ")
        return copy
    }
}
