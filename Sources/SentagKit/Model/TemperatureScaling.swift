#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temperature scaling (Guo et al., 2017): one number T that divides every logit before the
/// softmax, fitted to minimise the log loss of held-out predictions.
///
/// It changes no prediction's label, only how sure the probabilities are: a model trained to
/// near-zero training loss is overconfident, and T > 1 tempers it.
public enum TemperatureScaling {
    /// The softmax of `scores / temperature`.
    public static func probabilities(_ scores: [Float], temperature: Double) -> [Double] {
        var maximum = -Double.infinity
        for score in scores { maximum = max(maximum, Double(score) / temperature) }
        var result = scores.map { exp(Double($0) / temperature - maximum) }
        let sum = result.reduce(0, +)
        for k in result.indices { result[k] /= sum }
        return result
    }

    /// The mean negative log-likelihood of `labels` under `scores / temperature`.
    public static func logLoss(scores: [[Float]], labels: [Int], temperature: Double) -> Double {
        guard !scores.isEmpty else { return 0 }
        var total = 0.0
        for (row, label) in zip(scores, labels) {
            var maximum = -Double.infinity
            for score in row { maximum = max(maximum, Double(score) / temperature) }
            var sum = 0.0
            for score in row { sum += exp(Double(score) / temperature - maximum) }
            total -= Double(row[label]) / temperature - maximum - log(sum)
        }
        return total / Double(scores.count)
    }

    /// The temperature in [0.05, 20] with the least log loss (golden-section search on log T; 1 with no data).
    public static func fit(scores: [[Float]], labels: [Int]) -> Double {
        precondition(scores.count == labels.count)
        guard !scores.isEmpty else { return 1 }
        func loss(_ logT: Double) -> Double { logLoss(scores: scores, labels: labels, temperature: exp(logT)) }
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = log(0.05)
        var high = log(20.0)
        var left = high - ratio * (high - low)
        var right = low + ratio * (high - low)
        var leftLoss = loss(left)
        var rightLoss = loss(right)
        for _ in 0..<60 {
            if leftLoss <= rightLoss {
                high = right
                right = left
                rightLoss = leftLoss
                left = high - ratio * (high - low)
                leftLoss = loss(left)
            } else {
                low = left
                left = right
                leftLoss = rightLoss
                right = low + ratio * (high - low)
                rightLoss = loss(right)
            }
        }
        return exp((low + high) / 2)
    }
}
