extension LabelCheck {
    /// `sentag check --json`: one line per suspect label, most likely wrong first:
    /// `{"id","annotator","label","suggested","score"}` (SPEC.md), plus `doc`, `index`, `text`,
    /// `adjudicated`, `reasons` (`model`, `duplicate`), `p` (the cross-validated model's
    /// probability of `suggested`, or null) and, for a duplicate, `kind` and `group` (the ids of
    /// the group's labeled sentences).
    public func writeJSON(corpus: Corpus, to output: OutputSink) {
        var writer = JSONWriter()
        for suspect in suspects {
            let sentence = corpus.sentences[suspect.position]
            writer.removeAll()
            writer.beginObject()
            writer.field("id", suspect.id.description)
            writer.field("annotator", suspect.annotator)
            writer.field("label", suspect.label)
            writer.field("suggested", suspect.suggested)
            writer.field("score", Self.rounded(suspect.score))
            writer.field("doc", sentence.doc)
            writer.field("index", sentence.index)
            writer.field("text", sentence.text)
            writer.field("adjudicated", suspect.adjudicated)
            writer.key("reasons")
            writer.beginArray()
            for reason in suspect.reasons.sorted() { writer.string(reason.rawValue) }
            writer.endArray()
            writer.field("p", suspect.probability.map { Self.rounded($0) })
            if let index = suspect.conflict {
                writer.field("kind", conflicts[index].kind.rawValue)
                writer.key("group")
                writer.beginArray()
                for position in conflicts[index].positions { writer.string(corpus.id(at: position).description) }
                writer.endArray()
            }
            writer.endObject()
            output.write(writer.bytes)
            output.write([0x0A])
        }
        output.flush()
    }

    /// The readable report: the suspects, best first (at most `limit`), then every duplicate
    /// group labeled differently.
    public func text(corpus: Corpus, style: TerminalStyle = TerminalStyle(enabled: false), limit: Int = 50) -> String {
        var out: [String] = []
        let heading = { (text: String) in "\(style.bold)\(text)\(style.reset)" }
        let fromModel = suspects.filter { $0.reasons.contains(.model) }.count
        if let modelNote {
            out.append("\(style.yellow)the model's check is skipped: \(modelNote)\(style.reset)")
        } else {
            out.append(
                heading(
                    "\(fromModel) of \(labelsChecked) current label\(labelsChecked == 1 ? "" : "s") the model doubts")
                    + " (trained on \(trainingLabels) consensus labels, cross-validated in \(folds) folds by document:"
                    + " no label is judged by a model that saw its article)")
        }
        if !suspects.isEmpty {
            out.append("")
            out.append(
                heading("Most likely wrong first")
                    + " (score: how far the model, or the duplicates, prefer the suggestion)")
            for suspect in suspects.prefix(limit) {
                let sentence = corpus.sentences[suspect.position]
                let who = suspect.adjudicated ? "\(suspect.annotator) (adjudication)" : suspect.annotator
                let why = suspect.reasons.sorted().map(\.rawValue).joined(separator: "+")
                out.append(
                    "  \(Self.rounded(suspect.score, digits: 2))  \(style.cyan)\(sentence.doc):\(sentence.index + 1)\(style.reset)"
                        + "  \(who): \(suspect.label) → \(suspect.suggested)  [\(why)]")
                out.append("        \(sentence.text)")
            }
            if suspects.count > limit {
                out.append("  … and \(suspects.count - limit) more (--json lists them all)")
            }
        }
        out.append("")
        if conflicts.isEmpty {
            out.append(heading("Duplicates") + ": no group of duplicate sentences is labeled differently")
        } else {
            out.append(
                heading("\(conflicts.count) group\(conflicts.count == 1 ? "" : "s") of duplicates labeled differently"))
            for conflict in conflicts {
                var kind = "\(conflict.kind.rawValue) duplicates"
                if !conflict.inconsistentAnnotators.isEmpty {
                    kind +=
                        "; labeled differently by the same annotator: "
                        + conflict.inconsistentAnnotators.joined(separator: ", ")
                }
                if conflict.acrossAnnotators { kind += "; annotators disagree" }
                out.append("  \(kind)")
                for position in conflict.positions {
                    let sentence = corpus.sentences[position]
                    let labels = conflict.labels.filter { $0.position == position }.map {
                        "\($0.annotator)\($0.adjudicated ? " (adjudication)" : "") \($0.label)"
                    }
                    out.append(
                        "    \(style.cyan)\(sentence.doc):\(sentence.index + 1)\(style.reset)  \(labels.joined(separator: " · "))"
                    )
                    out.append("        \(sentence.text)")
                }
            }
        }
        if !suspects.isEmpty {
            out.append("")
            out.append("Step through them with 'sentag review --suspects --adjudicator NAME'.")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `value` to `digits` decimals.
    static func rounded(_ value: Double, digits: Int = 4) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
