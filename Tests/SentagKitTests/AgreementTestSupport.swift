import Foundation
import SentagKit

/// Label files written record by record into a fresh temporary folder, for the agreement and
/// stats tests.
///
/// Ids are synthetic (the segmenter's exact boundaries do not matter here).
struct LabelFolder {
    let url: URL
    var path: String { url.path }
    var store: FolderStore { FolderStore(path: url.path) }

    /// The folder read as a command reads it (`sources`: the corpus, for stats and export).
    func project(sources: [String]? = nil) throws -> ProjectSnapshot {
        try ProjectSnapshot.read(store, sources: sources)
    }

    /// `sentag stats` on the folder, over `corpus`.
    func stats(corpus: Corpus) throws -> AnnotationStats {
        let project = try project()
        return AnnotationStats.compute(
            view: DecisionView(table: project.table, labelSet: project.labelSet, corpus: corpus), store: store)
    }

    /// `sentag agreement` on the folder.
    func report(annotators: [String]? = nil, options: AgreementReport.Options = .init()) throws -> AgreementReport {
        let project = try project()
        return try AgreementReport.compute(view: project.view, annotators: annotators, options: options, store: store)
    }

    init() throws {
        url = TestScratch.folder("agreement")
    }

    static func id(_ n: Int) -> SentenceID { SentenceID(rawValue: 0xABCD_0000_0000_0000 + UInt64(n)) }

    static func record(
        _ item: Int, _ label: String?, by annotator: String, second: Int = 0, adjudicated: Bool = false
    ) -> AnnotationRecord {
        AnnotationRecord(
            id: id(item), doc: "doc\(item / 10)", index: item % 10, start: 0, end: 12, text: "Sentence \(item).",
            label: label, annotator: annotator,
            time: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(second) * 1000),
            adjudicated: adjudicated)
    }

    /// Appends lines (records, or raw text for broken lines) to `<annotator>.jsonl`.
    func append(_ annotator: String, _ lines: [Line]) throws {
        let file = url.appendingPathComponent("\(annotator).jsonl")
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        for line in lines {
            switch line {
            case .record(let record): handle.write(Data(record.jsonLine))
            case .raw(let text): handle.write(Data((text + "\n").utf8))
            }
        }
    }

    /// Each annotator labels items 0..<labels.count with the given labels (nil: not rated).
    func write(_ ratings: [String: [String?]]) throws {
        for (annotator, labels) in ratings {
            var lines: [Line] = []
            for (item, label) in labels.enumerated() {
                if let label { lines.append(.record(Self.record(item, label, by: annotator, second: item))) }
            }
            try append(annotator, lines)
        }
    }

    func writeLabels(_ json: String) throws {
        try json.write(to: url.appendingPathComponent("labels.json"), atomically: true, encoding: .utf8)
    }

    enum Line {
        case record(AnnotationRecord)
        case raw(String)
    }
}
