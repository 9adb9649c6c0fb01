import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12: the model in the loop, on the hand-labeled seeds and on generated data.
enum ModelBenchmark {
    static let goldPath = "Tests/SentagKitTests/Fixtures/seeds-labeled/gold.jsonl"
    static let labels = ["claim", "quote", "caption", "noise"]

    /// The seeds with the labels of the gold file, in corpus order.
    static func seedExamples() throws -> [TrainingExample] {
        let corpus = try Corpus.load(["seeds"])
        var labels: [SentenceID: String] = [:]
        let text = String(decoding: try FileSystem.readFile(goldPath), as: UTF8.self)
        for line in text.split(separator: "\n") {
            let record = try AnnotationRecord(jsonLine: String(line))
            labels[record.id] = record.label
        }
        return TrainingExample.examples(corpus: corpus, labels: labels)
    }

    static func run(_ context: BenchContext) throws {
        let examples = try seedExamples()
        let experiments = getenv("MODEL_EXPERIMENTS") != nil
        if experiments {
            try ModelExperiments.run(examples, labels: labels)
            return
        }
        let predictions = CrossValidation.predictions(of: examples, labels: labels, folds: 5).map { $0! }
        let truth = examples.map { labels.firstIndex(of: $0.label)! }
        let accuracy = Double(zip(predictions, truth).filter { $0.labelIndex == $1 }.count) / Double(examples.count)
        let ece = ExpectedCalibrationError(predictions: predictions, truth: truth)
        print("  seeds, leave one document out: accuracy \(format(accuracy)) (goal ≥ 0.82), ECE \(format(ece.value))")
    }

    static func format(_ value: Double, digits: Int = 3) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return String((value * scale).rounded() / scale)
    }
}
