#if canImport(Dispatch)
    import Dispatch
#endif

/// 95% percentile intervals for alpha, Fleiss' kappa and AC1 from resampling items.
///
/// Each sample draws as many items as the table has, with replacement, and recomputes the
/// coefficients from the weighted per-item sums (`AgreementTotals`); Fleiss' kappa uses the
/// drawn items every annotator rated, alpha the drawn items with two or more ratings, as on the
/// full data. A sample where a coefficient is undefined is left out of that coefficient's
/// interval (`definedSamples` says how many were kept). Sample `s` draws from its own
/// `SplitMix64`, seeded from the s-th output of `SplitMix64(seed:)`, so the intervals depend on
/// the seed and the number of samples only — not on the number of threads.
public struct BootstrapIntervals: Equatable, Sendable {
    /// A percentile interval; nil bounds when no sample had the coefficient defined.
    public struct Interval: Equatable, Sendable {
        public var low: Double?
        public var high: Double?
        public var definedSamples: Int

        public init(low: Double?, high: Double?, definedSamples: Int) {
            self.low = low
            self.high = high
            self.definedSamples = definedSamples
        }
    }

    public var samples: Int
    public var seed: UInt64
    /// The coverage of the intervals (0.95).
    public var level: Double
    public var krippendorffAlpha: Interval
    public var fleissKappa: Interval
    public var gwetAC1: Interval

    public init(
        samples: Int, seed: UInt64, level: Double, krippendorffAlpha: Interval, fleissKappa: Interval, gwetAC1: Interval
    ) {
        self.samples = samples
        self.seed = seed
        self.level = level
        self.krippendorffAlpha = krippendorffAlpha
        self.fleissKappa = fleissKappa
        self.gwetAC1 = gwetAC1
    }

    /// Resamples the items of `counts` `samples` times.
    public static func compute(
        counts: ItemLabelCounts, labels: [String], samples: Int, seed: UInt64, level: Double = 0.95
    ) -> BootstrapIntervals {
        let n = counts.itemCount
        var seeder = SplitMix64(seed: seed)
        let sampleSeeds = (0..<samples).map { _ in seeder.next() }
        var alpha = [Double?](repeating: nil, count: samples)
        var fleiss = [Double?](repeating: nil, count: samples)
        var ac1 = [Double?](repeating: nil, count: samples)
        if n > 0 && samples > 0 {
            let workers = min(samples, max(1, ProcessorCount.active))
            alpha.withUnsafeMutableBufferPointer { alphaOut in
                fleiss.withUnsafeMutableBufferPointer { fleissOut in
                    ac1.withUnsafeMutableBufferPointer { ac1Out in
                        let outputs = UnsafeOutputs(alpha: alphaOut, fleiss: fleissOut, ac1: ac1Out)
                        DispatchQueue.concurrentPerform(iterations: workers) { worker in
                            var weights = [Int32](repeating: 0, count: n)
                            var s = worker
                            while s < samples {
                                var generator = SplitMix64(seed: sampleSeeds[s])
                                for i in 0..<n { weights[i] = 0 }
                                for _ in 0..<n { weights[generator.next(below: n)] += 1 }
                                var totals = AgreementTotals(labelCount: counts.labelCount)
                                for i in 0..<n where weights[i] != 0 {
                                    totals.add(i, of: counts, weight: Int(weights[i]))
                                }
                                let result = AgreementCoefficients(
                                    totals: totals, annotatorCount: counts.annotatorCount, labels: labels)
                                outputs.alpha[s] = result.krippendorffAlpha.value
                                outputs.fleiss[s] = result.fleissKappa.value
                                outputs.ac1[s] = result.gwetAC1.value
                                s += workers
                            }
                        }
                    }
                }
            }
        }
        return BootstrapIntervals(
            samples: samples, seed: seed, level: level,
            krippendorffAlpha: interval(alpha, level: level), fleissKappa: interval(fleiss, level: level),
            gwetAC1: interval(ac1, level: level))
    }

    /// The central `level` percentile interval of the defined values (linear interpolation
    /// between order statistics, as numpy's default `percentile`).
    public static func interval(_ values: [Double?], level: Double) -> Interval {
        let sorted = values.compactMap { $0 }.sorted()
        guard !sorted.isEmpty else { return Interval(low: nil, high: nil, definedSamples: 0) }
        func quantile(_ p: Double) -> Double {
            let h = p * Double(sorted.count - 1)
            let lower = Int(h.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
        }
        let tail = (1 - level) / 2
        return Interval(low: quantile(tail), high: quantile(1 - tail), definedSamples: sorted.count)
    }
}

/// The result buffers the bootstrap workers write into; each sample index is written by exactly
/// one worker, so the writes never overlap.
private struct UnsafeOutputs: @unchecked Sendable {
    let alpha: UnsafeMutableBufferPointer<Double?>
    let fleiss: UnsafeMutableBufferPointer<Double?>
    let ac1: UnsafeMutableBufferPointer<Double?>
}
