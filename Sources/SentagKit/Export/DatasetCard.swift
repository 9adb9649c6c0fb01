/// The short `README.md` an export writes next to its data: what is in it, how the labels were
/// chosen, how to load it. Generated from the manifest, so it never disagrees with it.
public enum DatasetCard {
    public static func markdown(for manifest: ExportManifest, labelSet: LabelSet) -> String {
        let configuration = manifest.configuration
        var lines: [String] = []
        lines.append("# Sentence labels: training data")
        lines.append("")
        let annotators =
            manifest.annotators.isEmpty
            ? "no annotators"
            : "\(manifest.annotators.count) annotator"
                + (manifest.annotators.count == 1 ? "" : "s") + " (\(manifest.annotators.joined(separator: ", ")))"
        var origin = "Exported by sentag \(manifest.sentagVersion) from the label files of \(annotators)"
        if !manifest.adjudicators.isEmpty {
            origin += ", with adjudications by \(manifest.adjudicators.joined(separator: ", "))"
        }
        lines.append(origin + ".")
        lines.append(
            "\(manifest.examples) sentences from \(manifest.documents) documents, format `\(configuration.format)`.")
        lines.append("")

        lines.append("| split | file | documents | examples | " + manifest.labels.joined(separator: " | ") + " |")
        lines.append("| --- | --- | ---: | ---: |" + String(repeating: " ---: |", count: manifest.labels.count))
        for split in manifest.splits {
            lines.append(
                "| \(split.split) | `\(split.file)` | \(split.documents) | \(split.examples) | "
                    + split.labelCounts.map(String.init).joined(separator: " | ") + " |")
        }
        lines.append(
            "| all | | \(manifest.documents) | \(manifest.examples) | "
                + manifest.labelCounts.map(String.init).joined(separator: " | ") + " |")
        lines.append("")

        lines.append("## Labels")
        lines.append("")
        for name in manifest.labels {
            let description = labelSet.labels.first { $0.name == name }?.description ?? ""
            lines.append(description.isEmpty ? "- `\(name)`" : "- `\(name)`: \(description)")
        }
        if !configuration.droppedLabels.isEmpty {
            lines.append("")
            lines.append(
                "Dropped (their examples are left out): "
                    + configuration.droppedLabels.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        lines.append("")

        lines.append("## How the labels were chosen")
        lines.append("")
        lines.append("- Policy `\(configuration.policy)`: \(configuration.policy.explanation).")
        if configuration.minVotes > 1 {
            lines.append("- Items with fewer than \(configuration.minVotes) votes are left out.")
        }
        let reasons = LeftOutReason.allCases.filter { manifest.leftOut[$0.rawValue] > 0 }
            .map { "\($0): \(manifest.leftOut[$0.rawValue])" }
        lines.append(
            "- \(manifest.items) labeled items; \(manifest.leftOutTotal) left out"
                + (reasons.isEmpty ? "." : " (\(reasons.joined(separator: ", "))).")
        )
        let agreement = manifest.agreement
        if let percent = agreement.percentAgreement {
            let alpha =
                agreement.krippendorffAlpha.map { "Krippendorff's alpha \(ReportText.fixed($0))" }
                ?? "Krippendorff's alpha undefined"
            lines.append(
                "- Agreement: \(agreement.itemsWithTwoOrMoreRatings) items with two votes or more, mean pairwise agreement "
                    + "\(formatPercent(percent)), \(alpha), \(agreement.unanimousItems) unanimous "
                    + "(`manifest.json` has every coefficient).")
        } else {
            lines.append("- Agreement: no item has two votes, so there is none to measure.")
        }
        lines.append("")

        lines.append("## Splits")
        lines.append("")
        lines.append(
            "By document (no document is in two splits), balanced by sentence count towards "
                + "\(configuration.ratios) (train/dev/test), seed \(configuration.seed). Reproduce with:")
        lines.append("")
        lines.append("```sh")
        lines.append(configuration.commandLine)
        lines.append("```")
        lines.append("")

        lines.append("## Format")
        lines.append("")
        lines.append(
            formatNotes(configuration.format, soft: configuration.soft && configuration.format.carriesDistribution))
        lines.append("")
        lines.append(
            "`manifest.json` has every count, the options, the agreement figures and the SHA-256 of each file.")
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private static func formatPercent(_ value: Double) -> String {
        let tenths = (value * 1000).rounded() / 10
        return "\(tenths)%"
    }

    private static func formatNotes(_ format: ExportFormat, soft: Bool) -> String {
        let softNote = soft ? " With `--soft`, `soft` holds each label's share of the votes." : ""
        switch format {
        case .jsonl:
            return """
                One JSON object per line: `id` (sentence id), `doc`, `index` (position in the document), `text`, \
                `label`, `split`, `votes` (annotator → label), `agreement` (share of votes for `label`, null when \
                there are none), `adjudicated`.\(softNote) Load with `pandas.read_json("train.jsonl", lines=True)`.
                """
        case .spacy:
            return """
                spaCy text classification lines: `text`, `cats` (1.0 for the label, 0.0 for the others), `meta` \
                (`id`, `doc`, `index`, `split`).\(softNote) Build `Example`s with \
                `Example.from_dict(nlp.make_doc(line["text"]), {"cats": line["cats"]})`.
                """
        case .fasttext:
            return
                "fastText lines: `__label__<label> <text>`, the text on one line. Train with `fasttext supervised -input train.txt`."
        case .csv:
            return """
                CSV (RFC 4180, CRLF line ends) with a header: `id,doc,index,text,label,split,votes,agreement`; \
                `votes` is a JSON object.\(soft ? " With `--soft`, a `soft_<label>` column per label." : "") \
                Load with `pandas.read_csv("train.csv")`.
                """
        case .prodigy:
            return """
                Prodigy `db-out` lines of a `choice` task: `text`, `meta`, `_input_hash`, `_task_hash` (from the \
                sentence id), `options`, `accept`, `answer`.\(softNote) Load with `prodigy db-in DATASET train.jsonl`.
                """
        }
    }
}
