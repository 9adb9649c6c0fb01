/// The short `README.md` an export writes next to its data: what is in it, how the labels were
/// chosen, how to load it and train on it.
///
/// Generated from the manifest, so it never disagrees with it. The exporter puts
/// `DatasetCardHeader`'s YAML in front of it.
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
        lines.append("In this order: `label_id` is the position (from 0), the same in every split.")
        lines.append("")
        for (id, name) in manifest.labels.enumerated() {
            let description = labelSet.labels.first { $0.name == name }?.description ?? ""
            lines.append(description.isEmpty ? "\(id). `\(name)`" : "\(id). `\(name)`: \(description)")
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
        let balance =
            configuration.stratify
            ? "balanced by each label's examples (`--stratify`)" : "balanced by sentence count"
        lines.append(
            "By document (no document is in two splits), \(balance) towards "
                + "\(configuration.ratios) (train/dev/test), seed \(configuration.seed). Reproduce with:")
        lines.append("")
        lines.append("```sh")
        lines.append(configuration.commandLine)
        lines.append("```")
        lines.append("")
        if !manifest.warnings.isEmpty {
            lines.append("Warnings:")
            lines.append("")
            for warning in manifest.warnings { lines.append("- \(warning)") }
            lines.append("")
        }

        lines.append("## Loading")
        lines.append("")
        lines += loadingNotes(manifest)
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

    /// How the users of each library load this folder, and the two spaCy commands.
    private static func loadingNotes(_ manifest: ExportManifest) -> [String] {
        let configuration = manifest.configuration
        let folder = configuration.outputDirectory
        let file = { (split: DatasetSplit) in configuration.format.fileName(split) }
        var lines: [String] = []
        switch configuration.format {
        case .jsonl, .csv:
            lines.append(
                "- datasets: `datasets.load_dataset(\"\(folder)\")` gives the splits `train`, `validation` (from "
                    + "`\(file(.dev))`) and `test`, with `label` a `ClassLabel` of the labels above, in that order, in "
                    + "every split (the header of this file says so).")
        case .spacy, .prodigy, .fasttext:
            lines.append(
                "- datasets: `datasets.load_dataset(\"\(folder)\")` gives the splits `train`, `validation` (from "
                    + "`\(file(.dev))`) and `test`; for a `ClassLabel`, export with `--format jsonl`.")
        }
        switch configuration.format {
        case .jsonl, .spacy, .prodigy:
            lines.append(
                "- pandas: `pandas.read_json(\"\(file(.train))\", lines=True, dtype={\"id\": str, \"doc\": str})`.")
        case .csv:
            lines.append(
                "- pandas: `pandas.read_csv(\"\(file(.train))\", dtype={\"id\": str, \"doc\": str, \"text\": str}, "
                    + "keep_default_na=False, na_values=[\"\"])` (so that ids stay strings and a sentence reading `NA` "
                    + "stays text).")
        case .fasttext:
            lines.append(
                "- pandas: `pandas.read_csv(\"\(file(.train))\", sep=\"\\t\", header=None, names=[\"line\"], "
                    + "quoting=csv.QUOTE_NONE, keep_default_na=False)`, then `line.str.split(\" \", n=1, expand=True)` "
                    + "(the texts hold no tab).")
        }
        let commands = SpacyTrainingFiles.commands(folder: folder)
        lines.append(
            "- spaCy: in this folder, `\(commands[0])` writes `train.spacy`, `dev.spacy` and `test.spacy` with spaCy's "
                + "own tokenizer, then `\(commands[1])` trains the text classifier of "
                + "`\(SpacyTrainingFiles.configName)` (exclusive classes, the labels above) into a folder beside this "
                + "one (exporting again replaces this folder whole).")
        lines.append("")
        lines.append("```sh")
        lines.append("cd \(ExportConfiguration.quoted(folder))")
        lines += commands
        lines.append("```")
        return lines
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
                `label`, `label_id`, `split`, `votes` (annotator → label), `agreement` (share of votes for `label`, \
                null when there are none), `adjudicated`.\(softNote)
                """
        case .spacy:
            return """
                spaCy text classification lines: `text`, `cats` (1.0 for the label, 0.0 for the others), `meta` \
                (`id`, `doc`, `index`, `split`, `label_id`).\(softNote) `spacy train` reads `.spacy` files, not \
                these: make them with `to_docbin.py` (see Loading).
                """
        case .fasttext:
            return
                "fastText lines: `__label__<label> <text>`, the text on one line (white space folded). Train with `fasttext supervised -input train.txt`."
        case .csv:
            return """
                CSV (RFC 4180, CRLF line ends) with a header: `id,doc,index,text,label,label_id,split,votes,agreement`; \
                `votes` is a JSON object; `agreement` is empty when there are no votes.\(soft ? " With `--soft`, a `soft_<label>` column per label." : "")
                """
        case .prodigy:
            return """
                Prodigy `db-out` lines of a `choice` task: `text`, `meta` (with `label_id`), `_input_hash`, \
                `_task_hash` (from the sentence id), `options`, `accept`, `answer`.\(softNote) Load with \
                `prodigy db-in DATASET train.jsonl`.
                """
        }
    }
}
