import SentagKit

/// Comparisons behind the model's choices (MODEL_EXPERIMENTS=1 sentag-bench model): feature sets
/// and optimiser settings, by leave-one-document-out accuracy on the seeds.
enum ModelExperiments {
    static func lodo(
        _ examples: [TrainingExample], labels: [String], featurizer: SentenceFeaturizer,
        configuration: TrainingConfiguration
    ) -> (accuracy: Double, ece: Double) {
        let predictions = ModelBenchmark.everyPrediction(
            CrossValidation.predictions(
                of: examples, labels: labels, featurizer: featurizer, configuration: configuration, folds: 5))
        let truth = ModelBenchmark.positions(of: examples, in: labels)
        let accuracy = Double(zip(predictions, truth).filter { $0.labelIndex == $1 }.count) / Double(examples.count)
        return (accuracy, ExpectedCalibrationError(predictions: predictions, truth: truth).value)
    }

    /// Trained on every seed, tested on the held-out articles.
    static func heldOut(
        _ examples: [TrainingExample], _ heldOut: [TrainingExample], labels: [String],
        featurizer: SentenceFeaturizer, configuration: TrainingConfiguration
    ) -> (accuracy: Double, ece: Double) {
        let classifier = SentenceClassifier(
            labels: labels, examples: examples, featurizer: featurizer, configuration: configuration)
        let predictions = classifier.predict(heldOut.map(\.sentence))
        let truth = ModelBenchmark.positions(of: heldOut, in: labels)
        let accuracy = Double(zip(predictions, truth).filter { $0.labelIndex == $1 }.count) / Double(heldOut.count)
        return (accuracy, ExpectedCalibrationError(predictions: predictions, truth: truth).value)
    }

    static func describe(_ lodo: (accuracy: Double, ece: Double), _ held: (accuracy: Double, ece: Double)) -> String {
        "seeds LODO accuracy \(ModelBenchmark.format(lodo.accuracy)), ECE \(ModelBenchmark.format(lodo.ece));"
            + " held-out accuracy \(ModelBenchmark.format(held.accuracy)), ECE \(ModelBenchmark.format(held.ece))"
    }

    static func run(_ examples: [TrainingExample], heldOut: [TrainingExample], labels: [String]) throws {
        typealias Features = SentenceFeaturizer.Configuration
        let featureSets: [(String, Features)] = [
            ("words 1-2", Features(characterNGramSizes: [], layoutFeatures: false)),
            ("words 1-2 + chars 3-4", Features(layoutFeatures: false)),
            ("words 1-2 + chars 3-5", Features(characterNGramSizes: [3, 4, 5], layoutFeatures: false)),
            ("layout only", Features(wordUnigrams: false, wordBigrams: false, characterNGramSizes: [])),
            ("words 1-2 + layout", Features(characterNGramSizes: [])),
            ("words 1 + layout", Features(wordBigrams: false, characterNGramSizes: [])),
            ("words 1-2 + chars 4 + layout", Features(characterNGramSizes: [4])),
            ("words 1-2 + chars 3-4 + layout", Features()),
            ("words 1-2 + chars 3-5 + layout", Features(characterNGramSizes: [3, 4, 5])),
        ]
        for (name, features) in featureSets {
            let result = lodo(
                examples, labels: labels, featurizer: SentenceFeaturizer(configuration: features),
                configuration: TrainingConfiguration())
            let held = Self.heldOut(
                examples, heldOut, labels: labels, featurizer: SentenceFeaturizer(configuration: features),
                configuration: TrainingConfiguration())
            print("  \(name): " + describe(result, held))
        }
        for rate in [0.1, 0.3, 1.0] as [Float] {
            for l2 in [0, 1e-4, 1e-3, 1e-2] as [Float] {
                for epochs in [10, 40] {
                    let configuration = TrainingConfiguration(learningRate: rate, l2: l2, maximumEpochs: epochs)
                    let result = lodo(
                        examples, labels: labels, featurizer: SentenceFeaturizer(), configuration: configuration)
                    let held = Self.heldOut(
                        examples, heldOut, labels: labels, featurizer: SentenceFeaturizer(),
                        configuration: configuration)
                    print("  rate \(rate), l2 \(l2), at most \(epochs) epochs: " + describe(result, held))
                }
            }
        }
    }
}
