/// The expected calibration error of a set of predictions: bin them by confidence (the
/// probability of the predicted label) into equal-width bins, and average |accuracy − mean
/// confidence| over the bins, weighted by their share of predictions.
///
/// 0 means "0.9 is right 9 times in 10" holds in every bin; 0.05 means the stated probabilities
/// are off by 5 points on average.
public struct ExpectedCalibrationError: Equatable, Sendable {
    /// One confidence bin.
    public struct Bin: Equatable, Sendable {
        public var count: Int
        public var meanConfidence: Double
        public var accuracy: Double
    }

    public private(set) var value: Double
    public private(set) var bins: [Bin]

    /// `confidences[i]` is the probability given to prediction `i`'s label, `correct[i]` whether it was right.
    public init(confidences: [Double], correct: [Bool], binCount: Int = 10) {
        precondition(confidences.count == correct.count && binCount > 0)
        var counts = [Int](repeating: 0, count: binCount)
        var confidenceSums = [Double](repeating: 0, count: binCount)
        var correctCounts = [Int](repeating: 0, count: binCount)
        for (confidence, right) in zip(confidences, correct) {
            let bin = min(binCount - 1, max(0, Int(confidence * Double(binCount))))
            counts[bin] += 1
            confidenceSums[bin] += confidence
            if right { correctCounts[bin] += 1 }
        }
        bins = (0..<binCount).map { bin in
            counts[bin] == 0
                ? Bin(count: 0, meanConfidence: 0, accuracy: 0)
                : Bin(
                    count: counts[bin], meanConfidence: confidenceSums[bin] / Double(counts[bin]),
                    accuracy: Double(correctCounts[bin]) / Double(counts[bin]))
        }
        let total = Double(confidences.count)
        value =
            total == 0
            ? 0 : bins.reduce(0) { $0 + Double($1.count) / total * abs($1.accuracy - $1.meanConfidence) }
    }

    /// The calibration error of predictions against the true label indices.
    public init(predictions: [ClassifierPrediction], truth: [Int], binCount: Int = 10) {
        self.init(
            confidences: predictions.map(\.probability), correct: zip(predictions, truth).map { $0.labelIndex == $1 },
            binCount: binCount)
    }
}
