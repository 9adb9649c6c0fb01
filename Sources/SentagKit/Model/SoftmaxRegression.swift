#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Multinomial logistic regression over sparse features, trained by AdaGrad with an L2 penalty.
///
/// Weights are stored feature-major (`weights[feature * classes + class]`), so one feature's
/// weights for every class are adjacent. AdaGrad keeps one accumulator per feature (the squared
/// gradient summed over classes), which costs one square root per feature and step instead of
/// one per weight. The L2 penalty is applied lazily: a step shrinks only the weights of the
/// features it touches. Everything is plain `Float` arithmetic in a fixed order, so the same
/// steps in the same order give the same model.
struct SoftmaxRegression: Sendable {
    let classes: Int
    let dimension: Int
    private(set) var weights: [Float]
    private(set) var accumulators: [Float]

    init(classes: Int, dimension: Int, initialAccumulator: Float) {
        precondition(classes >= 1 && dimension >= 1)
        self.classes = classes
        self.dimension = dimension
        weights = Array(repeating: 0, count: classes * dimension)
        accumulators = Array(repeating: initialAccumulator, count: dimension)
    }

    /// A model with saved weights and accumulators (a checkpoint's); nil when their sizes do not
    /// fit `classes × dimension`.
    init?(classes: Int, dimension: Int, weights: [Float], accumulators: [Float]) {
        guard classes >= 1, dimension >= 1, weights.count == classes * dimension, accumulators.count == dimension
        else { return nil }
        self.classes = classes
        self.dimension = dimension
        self.weights = weights
        self.accumulators = accumulators
    }

    /// Raw class scores (logits) of a feature vector, written to `scores` (room for `classes`).
    @inline(__always)
    func scores(
        _ indices: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<Float>,
        into scores: UnsafeMutableBufferPointer<Float>
    ) {
        let classes = self.classes
        for k in 0..<classes { scores[k] = 0 }
        weights.withUnsafeBufferPointer { weights in
            for entry in 0..<indices.count {
                let base = Int(indices[entry]) &* classes
                let value = values[entry]
                for k in 0..<classes { scores[k] += value * weights[base &+ k] }
            }
        }
    }

    func scores(_ vector: FeatureVector) -> [Float] {
        var result = [Float](repeating: 0, count: classes)
        vector.indices.withUnsafeBufferPointer { indices in
            vector.values.withUnsafeBufferPointer { values in
                result.withUnsafeMutableBufferPointer { scores(indices, values, into: $0) }
            }
        }
        return result
    }

    /// One AdaGrad step on one example of class `label`.
    @inline(__always)
    mutating func step(
        _ indices: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<Float>, label: Int,
        learningRate: Float, l2: Float, gradient: UnsafeMutableBufferPointer<Float>
    ) {
        let classes = self.classes
        scores(indices, values, into: gradient)
        Self.softmaxInPlace(gradient)
        gradient[label] -= 1
        var squaredNorm: Float = 0
        for k in 0..<classes { squaredNorm += gradient[k] * gradient[k] }
        weights.withUnsafeMutableBufferPointer { weights in
            accumulators.withUnsafeMutableBufferPointer { accumulators in
                for entry in 0..<indices.count {
                    let feature = Int(indices[entry])
                    let value = values[entry]
                    let accumulated = accumulators[feature] + value * value * squaredNorm
                    accumulators[feature] = accumulated
                    let rate = learningRate / accumulated.squareRoot()
                    let base = feature &* classes
                    for k in 0..<classes {
                        let weight = weights[base &+ k]
                        weights[base &+ k] = weight - rate * (gradient[k] * value + l2 * weight)
                    }
                }
            }
        }
    }

    /// Softmax in place, shifted by the maximum for stability.
    @inline(__always)
    static func softmaxInPlace(_ scores: UnsafeMutableBufferPointer<Float>) {
        var maximum = scores[0]
        for k in 1..<scores.count where scores[k] > maximum { maximum = scores[k] }
        var sum: Float = 0
        for k in 0..<scores.count {
            let e = expf(scores[k] - maximum)
            scores[k] = e
            sum += e
        }
        for k in 0..<scores.count { scores[k] /= sum }
    }

    /// Trains on the rows of `matrix` for `epochs` passes, each in a fresh fixed shuffle drawn from `seed`.
    mutating func train(on matrix: FeatureMatrix, epochs: Int, configuration: TrainingConfiguration) {
        var order = Array(0..<matrix.rows)
        var random = SplitMix64(seed: configuration.seed)
        var gradient = [Float](repeating: 0, count: classes)
        gradient.withUnsafeMutableBufferPointer { gradient in
            for _ in 0..<epochs {
                random.shuffle(&order)
                for row in order {
                    matrix.withRow(row) { indices, values in
                        step(
                            indices, values, label: matrix.labels[row], learningRate: configuration.learningRate,
                            l2: configuration.l2, gradient: gradient)
                    }
                }
            }
        }
    }
}
