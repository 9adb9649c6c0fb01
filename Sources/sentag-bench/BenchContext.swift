import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// What every benchmark gets: where the built `sentag` is, a scratch folder, a clock.
struct BenchContext {
    let sentagPath: String
    /// A folder for generated corpora and label files (kept between runs, ignored by git).
    let scratch = "bench-data"

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Seconds of CPU time used by the calling thread: what one core spent, whatever else the
    /// machine's other jobs take from the wall clock.
    static func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Seconds of CPU time used by the whole process, every thread counted.
    static func processCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Runs `run` `runs` times and returns the run with the fewest `seconds` (the first of equals).
    static func fastest<Run>(of runs: Int = 3, by seconds: (Run) -> Double, _ run: () throws -> Run) rethrows -> Run {
        precondition(runs >= 1, "the fastest of no runs")
        var best = try run()
        for _ in 1..<runs {
            let next = try run()
            if seconds(next) < seconds(best) { best = next }
        }
        return best
    }

    /// Runs `body` `repeats` times and returns the fastest wall time in seconds.
    static func best(of repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = now()
            try body()
            best = min(best, now() - start)
        }
        return best
    }
}
