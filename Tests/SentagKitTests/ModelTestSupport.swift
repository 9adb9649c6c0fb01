import SentagKit

/// The hand-labeled seeds and held-out articles, read the way the later wiring will: the corpus
/// segmented, the gold journal decoded record by record, labels joined by sentence id.
enum ModelTestSupport {
    static let labels = ["claim", "quote", "caption", "noise"]

    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let seedsFolder = root + "/seeds"
    static let seedGold = root + "/Tests/SentagKitTests/Fixtures/seeds-labeled/gold.jsonl"
    static let heldOutFolder = root + "/Tests/SentagKitTests/Fixtures/heldout-news/articles"
    static let heldOutGold = root + "/Tests/SentagKitTests/Fixtures/heldout-news/gold.jsonl"

    static func records(_ path: String) throws -> [AnnotationRecord] {
        let text = String(decoding: try FileSystem.readFile(path), as: UTF8.self)
        return try text.split(separator: "\n").map { try AnnotationRecord(jsonLine: String($0)) }
    }

    static func examples(sources: [String], gold: String) throws -> [TrainingExample] {
        let corpus = try Corpus.load(sources)
        var labels: [SentenceID: String] = [:]
        for record in try records(gold) { labels[record.id] = record.label }
        return TrainingExample.examples(corpus: corpus, labels: labels)
    }

    static func seedExamples() throws -> [TrainingExample] {
        try examples(sources: [seedsFolder], gold: seedGold)
    }

    static func heldOutExamples() throws -> [TrainingExample] {
        try examples(sources: [heldOutFolder], gold: heldOutGold)
    }

    static func accuracy(_ predictions: [ClassifierPrediction], _ examples: [TrainingExample]) -> Double {
        Double(zip(predictions, examples).filter { $0.label == $1.label }.count) / Double(examples.count)
    }

    static func truth(_ examples: [TrainingExample]) -> [Int] {
        examples.map { labels.firstIndex(of: $0.label)! }
    }
}
