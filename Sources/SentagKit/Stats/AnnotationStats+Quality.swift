extension AnnotationStats {
    /// Adds pace and attention (`AnnotatorPace`) and, when the project's plan has gold items,
    /// each annotator's accuracy on them (`GoldReport`).
    public mutating func addQuality(view: DecisionView, floor: AnnotatorPace.Floor = .init(), gold: GoldSet?) {
        paceFloor = floor
        pace = AnnotatorPace.compute(view: view, floor: floor)
        self.gold = gold.map { GoldReport.compute(view: view, gold: $0) }
    }

    /// Fast decisions listed per annotator in the text report (`--json` lists them all).
    static let listedFastDecisions = 10

    /// The "Pace and attention" section (and the gold section) of the text report.
    func qualityLines(style: TerminalStyle) -> [String] {
        guard !pace.isEmpty || gold != nil else { return [] }
        var out: [String] = [""]
        let floorText =
            "under \(ReportText.fixed(paceFloor.seconds, digits: paceFloor.seconds == paceFloor.seconds.rounded() ? 0 : 1)) s "
            + "on a sentence over \(paceFloor.characters) characters"
        out.append("\(style.bold)Pace and attention\(style.reset) (possibly unread: \(floorText))")
        var rows: [[String]] = [["", "s/sentence", "timed", "possibly unread"]]
        for annotator in pace {
            rows.append([
                annotator.name, ReportText.fixed(annotator.medianSeconds, digits: 1), ReportText.count(annotator.timed),
                ReportText.count(annotator.fast.count),
            ])
        }
        var table = ReportText.table(rows)
        table[0] = style.dim + table[0] + style.reset
        out += table
        for annotator in pace where !annotator.fast.isEmpty {
            let shown = annotator.fast.prefix(Self.listedFastDecisions).map { decision in
                "\(decision.doc):\(decision.index + 1) (\(ReportText.fixed(Double(decision.milliseconds) / 1000, digits: 1)) s, "
                    + "\(decision.characters) chars)"
            }
            let more = annotator.fast.count - shown.count
            out.append(
                "  \(style.yellow)\(annotator.name)\(style.reset): " + shown.joined(separator: ", ")
                    + (more > 0 ? ", … and \(ReportText.count(more)) more (--json lists them all)" : ""))
        }
        if let gold {
            out.append("")
            out += gold.textLines(style: style)
        }
        return out
    }

    /// `pace` and `gold` in the stats JSON.
    func writeQualityJSON(to writer: inout JSONWriter) {
        writer.key("pace")
        writer.beginObject()
        writer.key("floor")
        writer.beginObject()
        writer.field("seconds", paceFloor.seconds)
        writer.field("characters", paceFloor.characters)
        writer.endObject()
        writer.key("annotators")
        writer.beginObject()
        for annotator in pace {
            writer.key(annotator.name)
            writer.beginObject()
            writer.field("median_seconds", annotator.medianSeconds)
            writer.field("timed", annotator.timed)
            writer.field("possibly_unread", annotator.fast.count)
            writer.key("list")
            writer.beginArray()
            for decision in annotator.fast {
                writer.beginObject()
                writer.field("id", decision.id.description)
                writer.field("doc", decision.doc)
                writer.field("index", decision.index)
                writer.field("ms", decision.milliseconds)
                writer.field("characters", decision.characters)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endObject()
        writer.endObject()
        writer.key("gold")
        if let gold {
            gold.writeJSON(to: &writer)
        } else {
            writer.null()
        }
    }
}
