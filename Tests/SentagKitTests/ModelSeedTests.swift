import SentagKit
import Testing

/// The model's figures on the hand-labeled seeds (168 sentences, five articles) and on the
/// held-out articles written for this check.
///
/// The floors are below what the model reaches (LODO accuracy 0.893, held-out 0.934 when
/// written; flip recall 0.943), so a change that costs more than a few sentences fails.
@Suite struct ModelSeedTests {
    @Test func theGoldFileIsAJournalTheToolCouldHaveWritten() throws {
        let records = try ModelTestSupport.records(ModelTestSupport.seedGold)
        let corpus = try Corpus.load([ModelTestSupport.seedsFolder])
        #expect(records.count == 168 && corpus.count == 168, "\(records.count) records, \(corpus.count) sentences")
        for (record, sentence) in zip(records, corpus.sentences) {
            #expect(
                record.id == sentence.id && record.doc == sentence.doc && record.index == sentence.index
                    && record.start == sentence.start && record.end == sentence.end && record.text == sentence.text,
                "record \(record.doc):\(record.index) does not repeat its sentence")
            #expect(record.annotator == "gold" && ModelTestSupport.labels.contains(record.label ?? ""))
        }
        var counts: [String: Int] = [:]
        for record in records { counts[record.label ?? "", default: 0] += 1 }
        #expect(counts == ["claim": 82, "quote": 62, "caption": 12, "noise": 12], "\(counts)")
    }

    @Test func leaveOneDocumentOutAccuracyOnTheSeeds() throws {
        let examples = try ModelTestSupport.seedExamples()
        let predictions = CrossValidation.predictions(of: examples, labels: ModelTestSupport.labels).map { $0! }
        let accuracy = ModelTestSupport.accuracy(predictions, examples)
        let ece = ExpectedCalibrationError(predictions: predictions, truth: ModelTestSupport.truth(examples))
        print("seeds, leave one document out: accuracy \(accuracy), ECE \(ece.value)")
        // Goal 0.82; reached 0.893 (150 of 168).
        #expect(accuracy >= 0.86, "LODO accuracy \(accuracy)")
        #expect(ece.value <= 0.1, "ECE \(ece.value)")
        // The majority class alone would score 82/168 = 0.49.
    }

    @Test func trainedOnTheSeedsItLabelsTheHeldOutArticles() throws {
        let seeds = try ModelTestSupport.seedExamples()
        let heldOut = try ModelTestSupport.heldOutExamples()
        #expect(heldOut.count == 76)
        let classifier = SentenceClassifier(labels: ModelTestSupport.labels, examples: seeds)
        let predictions = classifier.predict(heldOut.map(\.sentence))
        let accuracy = ModelTestSupport.accuracy(predictions, heldOut)
        print("held-out articles: accuracy \(accuracy), temperature \(classifier.temperature)")
        // Reached 0.934 (71 of 76).
        #expect(accuracy >= 0.85, "held-out accuracy \(accuracy)")
    }

    @Test func theErrorFinderRanksFlippedLabelsFirst() throws {
        let examples = try ModelTestSupport.seedExamples()
        let experiment = LabelFlipExperiment(flips: 15, top: 30)
        let recalls = (0..<20).map { experiment.recall(examples, labels: ModelTestSupport.labels, seed: UInt64($0)) }
        let mean = recalls.reduce(0, +) / Double(recalls.count)
        print("flipped labels in the top 30: \(mean) (per seed: \(recalls))")
        // Goal 0.8; reached 0.943.
        #expect(mean >= 0.88, "mean recall@30 \(mean), per seed \(recalls)")
    }
}
