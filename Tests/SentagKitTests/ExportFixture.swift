import Checksums
import Foundation
import SentagKit

/// A throwaway annotations folder for the exporter's tests, with journals written line by line,
/// over a small corpus of one sentence per line (`corpus`), so the tests do not depend on how the
/// segmenter cuts running prose.
struct ExportFixture {
    let root: String
    var annotations: String { root + "/Annotations" }
    var output: String { root + "/dataset" }
    private var clock: Int64 = 1_795_000_000_000

    init() throws {
        root = TestScratch.folder("export").path
        try FileManager.default.createDirectory(atPath: root + "/Annotations", withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Documents d1, d2, d3 of ten one-line sentences each, from `Sentence 0 of d1.` on.
    static let corpus = Corpus(
        documents: ["d1", "d2", "d3"].map { doc in
            Document(
                id: doc, text: (0..<10).map { "Sentence \($0) of \(doc)." }.joined(separator: "\n"),
                origin: doc + ".txt")
        })

    /// Sentence `index` (from 0) of document `doc` of `corpus`.
    static func sentence(_ doc: String, _ index: Int) -> Sentence {
        let document = corpus.documentIndex(of: doc)!
        return corpus.sentences[corpus.documentRanges[document].lowerBound + index]
    }

    /// Exports the folder over `corpus`, passing the journals' warnings to `warn` first, as the
    /// command prints them.
    func export(_ configuration: ExportConfiguration, warn: (String) -> Void = { _ in }) throws -> ExportManifest {
        let project = try ProjectSnapshot.read(FolderStore(path: annotations))
        for line in project.warningLines { warn(line) }
        let view = DecisionView(table: project.table, labelSet: project.labelSet, corpus: Self.corpus)
        return try DatasetExporter.export(configuration, view: view, store: project.store, warn: warn)
    }

    /// Appends one line to `<annotator>.jsonl`; `label: nil` retracts.
    mutating func label(
        _ sentence: Sentence, _ label: String?, by annotator: String, adjudicated: Bool = false,
        at time: Int64? = nil
    ) throws {
        clock += 1000
        let record = AnnotationRecord(
            sentence: sentence, label: label, annotator: annotator,
            time: Timestamp(millisecondsSince1970: time ?? clock), adjudicated: adjudicated,
            votes: adjudicated ? [:] : nil)
        try appendLine(record.jsonLine, to: annotator)
    }

    func appendLine(_ bytes: [UInt8], to annotator: String) throws {
        let path = annotations + "/\(annotator).jsonl"
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    func configuration() -> ExportConfiguration {
        ExportConfiguration(
            annotationsDirectory: annotations, outputDirectory: output, sentagVersion: "test",
            sha256: LibCryptoSHA256.self)
    }

    /// The JSON objects of a JSONL file of the export.
    func jsonLines(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
    }

    /// Every example of a JSONL export, by sentence id.
    func examples() throws -> [String: [String: Any]] {
        var all: [String: [String: Any]] = [:]
        for split in ["train", "dev", "test"] {
            for object in try jsonLines(split + ".jsonl") { all[object["id"] as! String] = object }
        }
        return all
    }
}
