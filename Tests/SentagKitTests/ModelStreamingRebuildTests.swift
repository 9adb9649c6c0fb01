import Testing

@testable import SentagKit

/// A one-pass rebuild featurizes stretches of its shuffle on other threads while it steps; it
/// must step exactly as a pass over the same examples featurized beforehand.
@Suite struct ModelStreamingRebuildTests {
    /// More examples than one stretch holds, of every label, in documents of twelve sentences.
    static func examples(_ count: Int) -> [TrainingExample] {
        let labels = ModelClassifierTests.labels
        let words = ["council", "budget", "mayor", "said", "police", "match", "photo", "newsletter", "river", "jobs"]
        return (0..<count).map { i in
            let text =
                i % 4 == 1
                ? "“\(words[i % 10]) \(words[(i / 10) % 10]) \(i),” said the \(words[(i / 100) % 10])."
                : "The \(words[i % 10]) of \(words[(i / 7) % 10]) \(words[(i / 70) % 10]) \(i)."
            return TrainingExample(
                sentence: ModelSentence(text: text, indexInDocument: i % 12, sentencesInDocument: 12),
                label: labels[(i / 3 + i) % labels.count], document: "doc\(i / 12)")
        }
    }

    static func firstDifference(_ first: [Float], _ second: [Float]) -> Int? {
        guard first.count == second.count else { return min(first.count, second.count) }
        return first.indices.first { first[$0] != second[$0] }
    }

    @Test func aOnePassRebuildStepsAsAPassOverFeaturizedExamplesDoes() {
        let count = SentenceClassifier.streamingStretch * 2 + 1_000
        let examples = Self.examples(count)
        // One pass over this many examples: the rebuild streams.
        let configuration = TrainingConfiguration(stepBudget: count)
        #expect(configuration.epochs(forExamples: count) == 1)
        let streamed = SentenceClassifier(
            labels: ModelClassifierTests.labels, examples: examples, configuration: configuration, calibrate: false)
        let labels = ModelClassifierTests.labels
        let reference = SentenceClassifier(labels: labels, configuration: configuration)
        let matrixTrained = SentenceClassifier(
            labels: labels, matrix: reference.featurize(examples), featurizer: reference.featurizer,
            configuration: configuration)
        // Compared as one verdict each, so a failure names the first difference, not a million weights.
        let weights = Self.firstDifference(streamed.model.weights, matrixTrained.model.weights)
        #expect(weights == nil, "weights first differ at \(weights ?? -1)")
        let accumulators = Self.firstDifference(streamed.model.accumulators, matrixTrained.model.accumulators)
        #expect(accumulators == nil, "accumulators first differ at \(accumulators ?? -1)")
        #expect(streamed.labelCounts == matrixTrained.labelCounts)
        #expect(streamed.examplesSeen == count)
        #expect(streamed.model.weights.contains { $0 != 0 })
    }
}
