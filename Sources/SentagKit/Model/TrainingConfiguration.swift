/// How the classifier is trained: the optimiser's settings, how many passes a rebuild makes, and
/// how an incremental update replays recent labels.
public struct TrainingConfiguration: Equatable, Sendable {
    /// AdaGrad's base step size.
    public var learningRate: Float
    /// L2 penalty, applied to the weights of the features a step touches.
    public var l2: Float
    /// AdaGrad's starting accumulator (keeps the first steps finite).
    public var initialAccumulator: Float
    /// The most passes over the data a rebuild makes (small label sets get this many).
    public var maximumEpochs: Int
    /// Passes are cut so that a rebuild makes about this many steps (but at least one pass).
    public var stepBudget: Int
    /// Steps on a new label in an incremental update.
    public var stepsPerNewLabel: Int
    /// Recent labels replayed (one step each) after the new one in an incremental update.
    public var replayedLabels: Int
    /// Seed of the fixed shuffle of each pass.
    public var seed: UInt64
    /// Examples at most in the cross-validation that fits the temperature on a rebuild.
    public var calibrationSample: Int
    /// Folds at most of that cross-validation (one per document when there are fewer documents).
    public var calibrationFolds: Int

    public init(
        learningRate: Float = 0.3, l2: Float = 1e-3, initialAccumulator: Float = 0.1, maximumEpochs: Int = 40,
        stepBudget: Int = 1_000_000, stepsPerNewLabel: Int = 2, replayedLabels: Int = 32, seed: UInt64 = 0x5e47_a9,
        calibrationSample: Int = 3_000, calibrationFolds: Int = 5
    ) {
        self.learningRate = learningRate
        self.l2 = l2
        self.initialAccumulator = initialAccumulator
        self.maximumEpochs = maximumEpochs
        self.stepBudget = stepBudget
        self.stepsPerNewLabel = stepsPerNewLabel
        self.replayedLabels = replayedLabels
        self.seed = seed
        self.calibrationSample = calibrationSample
        self.calibrationFolds = calibrationFolds
    }

    /// Passes over `count` examples in a rebuild: `maximumEpochs` for small sets, fewer as the
    /// set grows so the steps stay near `stepBudget`, never fewer than one.
    public func epochs(forExamples count: Int) -> Int {
        guard count > 0 else { return 0 }
        return max(1, min(maximumEpochs, stepBudget / count))
    }
}
