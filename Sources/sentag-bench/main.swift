import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// `make bench`: every benchmark prints its figures and the target; none asserts.
///
/// Usage: sentag-bench [--sentag PATH] [NAME…]   (names: see `benchmarks` below)
var arguments = Array(CommandLine.arguments.dropFirst())
var sentagPath = ".build/release/sentag"
if let flag = arguments.firstIndex(of: "--sentag"), flag + 1 < arguments.count {
    sentagPath = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let context = BenchContext(sentagPath: sentagPath)
let benchmarks: [(name: String, run: (BenchContext) throws -> Void)] = [
    ("segment", SegmentBenchmark.run),
    ("label", LabelBenchmark.run),
    ("agreement", AgreementBenchmark.run),
    ("bootstrap", BootstrapBenchmark.run),
    ("export", ExportBenchmark.run),
    ("journal", JournalBenchmark.run),
    ("model", ModelBenchmark.run),
    ("plan", PlanBenchmark.run),
    ("postgres", PostgresBenchmark.run),
]
for benchmark in benchmarks where arguments.isEmpty || arguments.contains(benchmark.name) {
    print("== \(benchmark.name)")
    do {
        try benchmark.run(context)
    } catch {
        print("  failed: \(error)")
    }
    print()
}
