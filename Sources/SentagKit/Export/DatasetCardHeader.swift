/// The YAML front matter of an export's dataset card (`README.md`), which
/// `datasets.load_dataset(DIR)` reads: `configs` names the split files, and, for jsonl and csv,
/// the features, with `label` a `ClassLabel` of the exported labels in the manifest's order.
///
/// Without it, `datasets` infers each split's types on its own, and `class_encode_column`
/// numbers the labels each split happens to hold (train `caption, claim, noise, quote`, dev
/// `claim, quote`). With it every split gets the same ids, equal to each example's `label_id`.
/// The features are given twice: in `dataset_info` (what the Hub and readers of the card see)
/// and in the config itself, which is what makes the csv builder read `id` and `doc` as strings
/// (`007` stays `007`) instead of letting pandas guess. CSV also turns off pandas' default
/// missing-value words, so a sentence reading `NA` or `null` stays text; only an empty cell (an
/// `agreement` without votes) is missing.
///
/// Split names follow `datasets`' convention: `dev.*` is the `validation` split (the name
/// `load_dataset` already gave `dev.jsonl` without a card). Empty splits are left out, since an
/// empty file has nothing to read.
public enum DatasetCardHeader {
    /// `---`, the YAML, `---`, each line ending in a newline.
    public static func yaml(for manifest: ExportManifest) -> String {
        let configuration = manifest.configuration
        var lines = ["---", "configs:", "- config_name: default", "  data_files:"]
        for split in manifest.splits where split.examples > 0 {
            lines.append("  - split: \(splitName(split.split))")
            lines.append("    path: \(split.file)")
        }
        let features = features(for: manifest)
        if let features {
            if configuration.format == .csv {
                lines += ["  keep_default_na: false", "  na_values:", "  - ''"]
            }
            lines.append("  features:")
            lines += features.map { "  " + $0 }
        }
        lines.append("task_categories:")
        lines.append("- text-classification")
        if let features {
            lines.append("dataset_info:")
            lines.append("  features:")
            lines += features
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name `load_dataset` gives a split.
    public static func splitName(_ split: DatasetSplit) -> String {
        split == .dev ? "validation" : split.name
    }

    /// The feature list (lines indented for `dataset_info.features`) of the formats whose
    /// examples are flat records with a `label` column; nil for spacy, prodigy and fasttext.
    static func features(for manifest: ExportManifest) -> [String]? {
        let configuration = manifest.configuration
        let soft = configuration.soft && configuration.format.carriesDistribution
        var lines: [String] = []
        func value(_ name: String, _ type: String) {
            lines += ["  - name: \(quoted(name))", "    dtype: \(type)"]
        }
        func classLabel() {
            lines += ["  - name: label", "    dtype:", "      class_label:", "        names:"]
            for (id, label) in manifest.labels.enumerated() { lines.append("          '\(id)': \(quoted(label))") }
        }
        func structure(_ name: String, _ fields: [String], _ type: String) {
            lines += ["  - name: \(name)", fields.isEmpty ? "    struct: []" : "    struct:"]
            for field in fields { lines += ["    - name: \(quoted(field))", "      dtype: \(type)"] }
        }
        // The columns every tabular format starts with.
        func placeAndLabel() {
            value("id", "string")
            value("doc", "string")
            value("index", "int64")
            value("text", "string")
            classLabel()
            value("label_id", "int64")
            value("split", "string")
        }
        switch configuration.format {
        case .jsonl:
            placeAndLabel()
            structure("votes", manifest.annotators, "string")
            value("agreement", "float64")
            value("adjudicated", "bool")
            if soft { structure("soft", manifest.labels, "float64") }
        case .csv:
            placeAndLabel()
            value("votes", "string")
            value("agreement", "float64")
            if soft { for label in manifest.labels { value("soft_" + label, "float64") } }
        case .spacy, .prodigy, .fasttext:
            return nil
        }
        return lines
    }

    /// A YAML single-quoted scalar, so that names such as `no`, `null` or `1e3` stay strings.
    static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}
