/// The file format of an exported dataset.
///
/// Every format writes `train`, `dev` and `test` files.
public enum ExportFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// One JSON object per line: `id`, `doc`, `index`, `text`, `label`, `split`, `votes`,
    /// `agreement`, `adjudicated`.
    case jsonl
    /// spaCy text classification lines: `{"text", "cats": {label: 1.0 or 0.0}, "meta": {"id", "doc", …}}`.
    case spacy
    /// `__label__claim The sentence on one line.`
    case fasttext
    /// RFC 4180 CSV with a header row and CRLF line ends.
    case csv
    /// Prodigy `db-out` lines of a `choice` task: `text`, `meta`, `_input_hash`, `_task_hash`,
    /// `options`, `accept`, `answer`.
    case prodigy

    public var fileExtension: String {
        switch self {
        case .jsonl, .spacy, .prodigy: "jsonl"
        case .fasttext: "txt"
        case .csv: "csv"
        }
    }

    /// The file name of a split: `train.jsonl`.
    public func fileName(_ split: DatasetSplit) -> String { "\(split.name).\(fileExtension)" }

    /// Whether `--soft` can add the vote distribution to each example (not to fastText's lines).
    public var carriesDistribution: Bool { self != .fasttext }

    public var description: String { rawValue }
}
