import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 10, item 11: `sentag agreement` shows bootstrap intervals by default, so they must cost
/// at most 1 s at 100k items.
///
/// Times `BootstrapIntervals.compute` alone (the default 1,000 samples) on generated tables of
/// 100k items for 3 and 10 annotators, then the whole command on the agreement benchmark's label
/// files with and without intervals.
enum BootstrapBenchmark {
    static let items = 100_000
    static let target = 1.0

    static func run(_ context: BenchContext) throws {
        for annotators in [3, 10] {
            let counts = ItemLabelCounts(table(annotators: annotators))
            var intervals: BootstrapIntervals?
            var cpu = Double.infinity
            let time = BenchContext.best(of: 3) {
                let start = processCPU()
                intervals = BootstrapIntervals.compute(
                    counts: counts, labels: LabelSet.default.names, samples: BootstrapIntervals.defaultSamples,
                    seed: 1)
                cpu = min(cpu, processCPU() - start)
            }
            let alpha = intervals?.krippendorffAlpha
            print(
                "  BootstrapIntervals.compute, \(items / 1000)k items × \(annotators) annotators,"
                    + " \(BootstrapIntervals.defaultSamples) samples: \(format(time)) s (best of 3; CPU \(format(cpu)) s),"
                    + " alpha interval \(alpha?.low.map(precise) ?? "?")–\(alpha?.high.map(precise) ?? "?")"
                    + " (target ≤ \(format(target)) s: \(time <= target ? "met" : "NOT met"))")
        }
        let folder = FileSystem.join(context.scratch, "agreement")
        _ = try AgreementBenchmark.generate(into: folder)
        let output = FileSystem.join(context.scratch, "bootstrap-sentag.json")
        for extra in [["--bootstrap", "0"], []] {
            var status: Int32 = 0
            let time = BenchContext.best(of: 3) {
                status = AgreementBenchmark.spawn(
                    [context.sentagPath, "agreement", "--json", "--annotations", folder] + extra, stdout: output)
            }
            let what = extra.isEmpty ? "default intervals" : "--bootstrap 0"
            print(
                "  sentag agreement --json (\(what)), \(AgreementBenchmark.annotators) annotators ×"
                    + " \(AgreementBenchmark.sentences / 1000)k sentences: "
                    + (status == 0 ? "\(format(time)) s (best of 3)" : "failed (exit \(status))"))
        }
    }

    /// `items` rows, each annotator rating 80% of them, mostly with the item's own label.
    static func table(annotators: Int) -> RatingTable {
        var random = SplitMix64(seed: 2026)
        var cells: [Int16] = []
        cells.reserveCapacity(items * annotators)
        for item in 0..<items {
            let truth = item % 4
            for _ in 0..<annotators {
                if random.next(below: 10) < 2 {
                    cells.append(RatingTable.none)
                } else {
                    cells.append(Int16(random.next(below: 100) < 80 ? truth : random.next(below: 4)))
                }
            }
        }
        return RatingTable(
            annotators: (0..<annotators).map { "annotator\($0)" }, labels: LabelSet.default.names,
            itemIDs: (0..<items).map { SentenceID(rawValue: UInt64($0)) }, cells: cells)
    }

    static func format(_ value: Double) -> String { AgreementBenchmark.format(value) }

    static func precise(_ value: Double) -> String { String((value * 10000).rounded() / 10000) }

    /// CPU seconds this process has used, over all its threads.
    static func processCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
