/// The label-error finder's benchmark: flip the labels of a few random examples, rank the
/// labels with `LabelErrorFinder`, and count how many flipped ones the top of the list holds.
///
/// A flipped label gets one of the other labels, drawn uniformly. Each run draws from
/// `SplitMix64(seed:)`, so a seed always flips the same examples the same way.
public struct LabelFlipExperiment: Sendable {
    public var flips: Int
    public var top: Int

    public init(flips: Int = 15, top: Int = 30) {
        self.flips = flips
        self.top = top
    }

    /// The examples with `flips` labels changed, and the positions changed.
    public func corrupt(_ examples: [TrainingExample], labels: [String], seed: UInt64) -> (
        examples: [TrainingExample], flipped: Set<Int>
    ) {
        precondition(labels.count >= 2 && flips <= examples.count)
        var random = SplitMix64(seed: seed)
        var positions = Array(examples.indices)
        random.shuffle(&positions)
        var corrupted = examples
        for position in positions.prefix(flips) {
            let others = labels.filter { $0 != examples[position].label }
            corrupted[position].label = others[random.next(below: others.count)]
        }
        return (corrupted, Set(positions.prefix(flips)))
    }

    /// The share of flipped labels among the top `top` suspects, for one seed.
    public func recall(
        _ examples: [TrainingExample], labels: [String], seed: UInt64,
        featurizer: SentenceFeaturizer = SentenceFeaturizer(),
        configuration: TrainingConfiguration = TrainingConfiguration(), folds: Int = 5,
        ranking: LabelErrorFinder.Ranking = .margin
    ) -> Double {
        let (corrupted, flipped) = corrupt(examples, labels: labels, seed: seed)
        let suspects = LabelErrorFinder.suspects(
            examples: corrupted, labels: labels, featurizer: featurizer, configuration: configuration, folds: folds,
            ranking: ranking)
        let found = suspects.prefix(top).filter { flipped.contains($0.example) }.count
        return Double(found) / Double(flipped.count)
    }
}
