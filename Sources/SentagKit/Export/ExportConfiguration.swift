/// Everything `sentag export` was asked for.
public struct ExportConfiguration: Sendable {
    /// For the end-to-end kill test only: where the exporter stops and waits (printing
    /// `sentag export: paused <point>` on standard error) so a test can kill it at that moment.
    ///
    /// Set by the hidden environment variable `SENTAG_EXPORT_TEST_PAUSE` (see `Export.swift`).
    public enum TestPause: String, Sendable {
        /// After the train file is written, before the other files.
        case midWrite = "mid-write"
        /// After every file is written and synced, before the staging folder is swapped in.
        case beforeSwap = "before-swap"
    }

    /// Where the journals are: a folder, or a database URI (without its password).
    public var annotationsDirectory: String
    /// The SOURCE arguments the examples' texts come from.
    public var sources: [String] = ["seeds"]
    public var outputDirectory: String
    public var policy: ExportPolicy = .adjudicatedMajority
    /// Items with fewer votes are left out (under adjudicated-majority, adjudicated items are kept).
    public var minVotes = 1
    /// Labels whose examples are left out; they are also left out of `cats` and `options`.
    public var droppedLabels: [String] = []
    public var ratios: SplitRatios = .default
    public var seed: UInt64 = 0
    /// Balance each label across the splits (`StratifiedDocumentSplitter`), not only the sizes.
    public var stratify = false
    public var format: ExportFormat = .jsonl
    /// Add each example's vote distribution.
    public var soft = false
    /// Written to the manifest and the dataset card.
    public var sentagVersion: String
    /// The SHA-256 of the manifest's checksums (the core has none of its own: it links no C).
    public var sha256: any SHA256Digest.Type
    public var testPause: TestPause?

    public init(
        annotationsDirectory: String, outputDirectory: String, sentagVersion: String, sha256: any SHA256Digest.Type
    ) {
        self.annotationsDirectory = annotationsDirectory
        self.outputDirectory = outputDirectory
        self.sentagVersion = sentagVersion
        self.sha256 = sha256
    }

    /// The command line that produces the same dataset.
    public var commandLine: String {
        var parts = ["sentag export"]
        if sources != ["seeds"] { parts += sources.map(Self.quoted) }
        parts.append("--out \(Self.quoted(outputDirectory))")
        if annotationsDirectory != "Annotations" { parts.append("--annotations \(Self.quoted(annotationsDirectory))") }
        parts.append("--policy \(Self.quoted(policy.description))")
        if minVotes != 1 { parts.append("--min-votes \(minVotes)") }
        for label in droppedLabels { parts.append("--drop \(label)") }
        parts.append("--split \(ratios)")
        parts.append("--seed \(seed)")
        if stratify { parts.append("--stratify") }
        parts.append("--format \(format)")
        if soft { parts.append("--soft") }
        return parts.joined(separator: " ")
    }

    static func quoted(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "/._-:+=,".utf8.contains(byte)
        }
        return plain && !text.isEmpty ? text : "'" + text.replacingSingleQuotes + "'"
    }
}

extension String {
    fileprivate var replacingSingleQuotes: String {
        var out = ""
        for character in self { out += character == "'" ? "'\\''" : String(character) }
        return out
    }
}
