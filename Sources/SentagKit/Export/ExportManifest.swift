/// What `manifest.json` records about an export: how it was made, what is in each file, what was
/// left out and why, and the files' SHA-256.
///
/// Deterministic: the same label files and options give a byte-identical manifest (there is no
/// wall-clock time in it), so a dataset can be checked with `sentag export` again.
public struct ExportManifest: Sendable {
    /// One of train, dev, test.
    public struct SplitSummary: Sendable {
        public var split: DatasetSplit
        public var file: String
        public var documents: Int
        public var examples: Int
        /// Examples per exported label, in `labels` order.
        public var labelCounts: [Int]

        public init(split: DatasetSplit, file: String, documents: Int, examples: Int, labelCounts: [Int]) {
            self.split = split
            self.file = file
            self.documents = documents
            self.examples = examples
            self.labelCounts = labelCounts
        }
    }

    /// One label file read.
    public struct Source: Sendable {
        public var file: String
        public var annotator: String
        /// Readable lines (decisions, retractions and adjudications, current or not).
        public var lines: Int
        /// Lines skipped with a warning (truncated, malformed).
        public var skippedLines: Int
    }

    public var sentagVersion: String
    public var configuration: ExportConfiguration
    /// The exported labels, in label-set order (dropped labels removed).
    public var labels: [String]
    /// Label files with at least one current vote, sorted.
    public var annotators: [String]
    /// Label files with at least one current adjudication, sorted.
    public var adjudicators: [String]
    public var sources: [Source]
    /// Sentence ids with at least one current vote or adjudication.
    public var items: Int
    public var splits: [SplitSummary]
    /// Items left out, by `LeftOutReason.rawValue`.
    public var leftOut: [Int]
    public var agreement: ExportAgreementSummary
    /// Current decisions whose record matches no sentence of the sources: not exported.
    public var orphaned = 0
    public var warnings: [String]
    /// `(file name, SHA-256 hex)` for every file of the export except the manifest itself.
    public var checksums: [(String, String)]

    public var examples: Int { splits.reduce(0) { $0 + $1.examples } }
    public var documents: Int { splits.reduce(0) { $0 + $1.documents } }
    public var leftOutTotal: Int { leftOut.reduce(0, +) }

    /// Examples per exported label over all splits.
    public var labelCounts: [Int] {
        var totals = [Int](repeating: 0, count: labels.count)
        for split in splits {
            for (position, count) in split.labelCounts.enumerated() { totals[position] += count }
        }
        return totals
    }

    /// `labels`: the exported labels in order; an example's `label_id` is its label's position
    /// here, and the dataset card declares the same order as a `ClassLabel`.
    public var jsonValue: JSONValue {
        func number(_ value: Int) -> JSONValue { .number(Double(value)) }
        func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
        func counts(_ values: [Int]) -> JSONValue { .object(zip(labels, values).map { ($0, number($1)) }) }
        let total = max(1, examples)
        let splitMembers: [(String, JSONValue)] = splits.map { summary in
            (
                summary.split.name,
                .object([
                    ("file", .string(summary.file)),
                    ("documents", number(summary.documents)),
                    ("examples", number(summary.examples)),
                    ("share", .number((Double(summary.examples) / Double(total) * 10_000).rounded() / 10_000)),
                    ("requested_share", .number(configuration.ratios.fraction(summary.split))),
                    ("labels", counts(summary.labelCounts)),
                ])
            )
        }
        var leftOutMembers: [(String, JSONValue)] = [("total", number(leftOutTotal))]
        for reason in LeftOutReason.allCases { leftOutMembers.append((reason.key, number(leftOut[reason.rawValue]))) }
        return .object([
            ("generator", .string("sentag")),
            ("sentag_version", .string(sentagVersion)),
            ("command", .string(configuration.commandLine)),
            ("format", .string(configuration.format.rawValue)),
            ("policy", .string(configuration.policy.description)),
            ("min_votes", number(configuration.minVotes)),
            ("dropped_labels", strings(configuration.droppedLabels)),
            ("soft", .bool(configuration.soft && configuration.format.carriesDistribution)),
            ("split", .string(configuration.ratios.description)),
            ("seed", .number(Double(configuration.seed))),
            ("stratify", .bool(configuration.stratify)),
            ("labels", strings(labels)),
            ("annotators", strings(annotators)),
            ("adjudicators", strings(adjudicators)),
            (
                "sources",
                .array(
                    sources.map { source in
                        .object([
                            ("file", .string(source.file)), ("annotator", .string(source.annotator)),
                            ("lines", number(source.lines)), ("skipped_lines", number(source.skippedLines)),
                        ])
                    })
            ),
            ("items", number(items)),
            ("examples", number(examples)),
            ("documents", number(documents)),
            ("label_counts", counts(labelCounts)),
            ("splits", .object(splitMembers)),
            ("left_out", .object(leftOutMembers)),
            ("orphaned", number(orphaned)),
            ("agreement", agreement.jsonValue),
            ("warnings", strings(warnings)),
            ("sha256", .object(checksums.map { ($0.0, .string($0.1)) })),
        ])
    }

    /// `manifest.json`'s bytes: indented, keys in a fixed order, a final newline.
    public var fileContents: [UInt8] { PrettyJSON.format(jsonValue) }
}
