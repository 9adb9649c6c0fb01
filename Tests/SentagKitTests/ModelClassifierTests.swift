import SentagKit
import Testing

/// The classifier, its calibration, readiness and uncertainty order on small constructed data.
@Suite struct ModelClassifierTests {
    static let labels = ["claim", "quote", "caption", "noise"]

    /// Five made-up articles of six sentences: two claims, two quotes, a caption, a call to action.
    static func constructed() -> [TrainingExample] {
        let places = ["Leeds", "Bristol", "Cardiff", "Dundee", "Norwich"]
        var examples: [TrainingExample] = []
        for (document, place) in places.enumerated() {
            let texts: [(String, String)] = [
                ("The council in \(place) approved a new budget of £\(document + 3) million on Monday.", "claim"),
                ("Police in \(place) said \(document + 12) people had been arrested after the match.", "claim"),
                ("“We will not give up on this town,” said the mayor of \(place).", "quote"),
                ("“It has been the hardest year of my life,” one resident told reporters.", "quote"),
                ("Residents walk past the flooded high street in \(place) on Sunday (Photo: PA)", "caption"),
                ("Sign up to our newsletter for more stories from \(place)", "noise"),
            ]
            for (index, (text, label)) in texts.enumerated() {
                examples.append(
                    TrainingExample(
                        sentence: ModelSentence(text: text, indexInDocument: index, sentencesInDocument: texts.count),
                        label: label, document: "doc\(document)"))
            }
        }
        return examples
    }

    @Test(arguments: [
        ("“This is a disgrace,” said the opposition leader.", "quote"),
        ("The government announced 300 new jobs in the region on Tuesday.", "claim"),
        ("Firefighters tackle the blaze at the warehouse on Friday (Photo: Reuters)", "caption"),
        ("Sign up to our newsletter for the latest news", "noise"),
    ])
    func learnsTheConstructedClasses(_ text: String, _ expected: String) {
        let classifier = SentenceClassifier(labels: Self.labels, examples: Self.constructed())
        let prediction = classifier.predict(ModelSentence(text: text, indexInDocument: 2, sentencesInDocument: 6))
        #expect(prediction.label == expected, "\(prediction.label) with \(prediction.probabilities)")
        #expect(abs(prediction.probabilities.reduce(0, +) - 1) < 1e-9)
    }

    @Test func aRebuildIsDeterministic() {
        let first = SentenceClassifier(labels: Self.labels, examples: Self.constructed())
        let second = SentenceClassifier(labels: Self.labels, examples: Self.constructed())
        let sentence = ModelSentence(text: "The mayor said the budget was fair.")
        #expect(first.predict(sentence) == second.predict(sentence))
        #expect(first.temperature == second.temperature)
    }

    @Test func anUntrainedClassifierIsUniformAndLearnsIncrementally() {
        var classifier = SentenceClassifier(labels: Self.labels)
        let sentence = ModelSentence(text: "Share this article")
        #expect(classifier.predict(sentence).probabilities == [0.25, 0.25, 0.25, 0.25])
        for _ in 0..<5 { classifier.learn(sentence, label: "noise") }
        let after = classifier.predict(sentence)
        #expect(after.label == "noise" && after.probability > 0.5, "\(after.probabilities)")
        #expect(classifier.examplesSeen == 5 && classifier.labelCounts == [0, 0, 0, 5])
        let learned = classifier.learn(sentence, label: "opinion")
        #expect(!learned, "a label outside the set is refused")
    }

    @Test func anIncrementalUpdateMovesAConstructedSentenceTowardsItsNewLabel() {
        var classifier = SentenceClassifier(labels: Self.labels, examples: Self.constructed())
        let sentence = ModelSentence(
            text: "The mayor opened the new library on Saturday morning", indexInDocument: 3, sentencesInDocument: 6)
        let before = classifier.predict(sentence).probabilities[2]
        classifier.learn(sentence, label: "caption")
        let after = classifier.predict(sentence).probabilities[2]
        #expect(after > before && before < 0.99, "p(caption) \(before) → \(after)")
    }

    @Test(
        arguments: [
            ([:], false), (["claim": 5, "quote": 5, "caption": 5, "noise": 4], false),
            (["claim": 40], false), (["claim": 5, "quote": 5, "caption": 5, "noise": 5], true),
        ] as [([String: Int], Bool)])
    func suggestionsStartAfterFiveLabelsOfEachClass(_ counts: [String: Int], _ ready: Bool) {
        let readiness = SuggestionReadiness.evaluate(labels: Self.labels, counts: counts)
        #expect(readiness.isReady == ready, "\(readiness)")
        if case .waiting(let message) = readiness {
            #expect(message.hasPrefix("suggestions start after 5 labels of each class"), "\(message)")
        }
    }

    @Test func aLabelSetOfOneLabelNeverSuggests() {
        let readiness = SuggestionReadiness.evaluate(labels: ["claim"], counts: ["claim": 100])
        #expect(readiness == .waiting("suggestions need a label set of at least two labels; this one has 1"))
        var classifier = SentenceClassifier(labels: ["claim"])
        classifier.learn(ModelSentence(text: "A fact."), label: "claim")
        #expect(classifier.predict(ModelSentence(text: "Another fact.")).probabilities == [1])
        #expect(SuggestionReadiness.evaluate(classifier) != .ready)
    }

    @Test func noLabelsTrainNothingAndStayUniform() {
        let classifier = SentenceClassifier(labels: Self.labels, examples: [])
        #expect(classifier.examplesSeen == 0 && classifier.temperature == 1)
        #expect(classifier.predict(ModelSentence(text: "Anything.")).margin == 0)
        #expect(SuggestionReadiness.evaluate(classifier) != .ready)
    }

    @Test func marginAndUncertaintyOrder() {
        let sure = ClassifierPrediction(probabilities: [0.9, 0.05, 0.03, 0.02], labels: Self.labels)
        let torn = ClassifierPrediction(probabilities: [0.4, 0.38, 0.2, 0.02], labels: Self.labels)
        let middling = ClassifierPrediction(probabilities: [0.2, 0.6, 0.1, 0.1], labels: Self.labels)
        #expect(abs(torn.margin - 0.02) < 1e-12 && abs(sure.margin - 0.85) < 1e-12)
        #expect(UncertaintyOrder.positions([sure, torn, middling]) == [1, 2, 0])
        #expect(middling.label == "quote" && middling.probability == 0.6)
    }

    @Test func temperatureScalingTempersOverconfidentScores() {
        // Logits that say 0.99+ for the first class, right only 7 times in 10.
        let scores: [[Float]] = (0..<100).map { _ in [6, 0, 0, 0] }
        let labels = (0..<100).map { $0 % 10 < 7 ? 0 : 1 }
        let temperature = TemperatureScaling.fit(scores: scores, labels: labels)
        let p = TemperatureScaling.probabilities([6, 0, 0, 0], temperature: temperature)
        #expect(temperature > 1 && abs(p[0] - 0.7) < 0.01, "T \(temperature), p \(p)")
        #expect(TemperatureScaling.fit(scores: [], labels: []) == 1)
    }

    @Test func expectedCalibrationErrorOfAWorkedExample() {
        // Bin 0.9: 4 predictions, 3 right (0.75 vs 0.9); bin 0.6: 2 predictions, 1 right (0.5 vs 0.6).
        let ece = ExpectedCalibrationError(
            confidences: [0.9, 0.9, 0.9, 0.9, 0.6, 0.6], correct: [true, true, true, false, true, false])
        #expect(abs(ece.value - (4.0 / 6 * 0.15 + 2.0 / 6 * 0.1)) < 1e-12, "\(ece.value)")
        #expect(ece.bins[9].count == 4 && ece.bins[6].count == 2)
    }

    @Test func theErrorFinderPutsAPlantedMistakeFirst() {
        var examples = Self.constructed()
        // A caption labeled as noise in the third article.
        let planted = 2 * 6 + 4
        examples[planted].label = "noise"
        let suspects = LabelErrorFinder.suspects(examples: examples, labels: Self.labels)
        let first = suspects.first
        #expect(first?.example == planted && first?.suggested == "caption", "\(suspects)")
        #expect(suspects.allSatisfy { $0.score > 0 && $0.label != $0.suggested })
        #expect(zip(suspects, suspects.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func crossValidationNeverSeesTheHeldDocument() {
        // One document whose sentences appear nowhere else: its predictions come from the others only,
        // so a label unique to it cannot be predicted.
        var examples = Self.constructed()
        examples.append(
            TrainingExample(
                sentence: ModelSentence(text: "Zebra zebra zebra."), label: "noise", document: "lonely"))
        let predictions = CrossValidation.predictions(of: examples, labels: Self.labels)
        #expect(predictions.count == examples.count && predictions.allSatisfy { $0 != nil })
        let flipper = LabelFlipExperiment(flips: 3)
        let (corrupted, flipped) = flipper.corrupt(examples, labels: Self.labels, seed: 7)
        #expect(flipped.count == 3 && flipped.allSatisfy { corrupted[$0].label != examples[$0].label })
        #expect(flipper.corrupt(examples, labels: Self.labels, seed: 7).flipped == flipped)
    }
}
