import Dispatch

/// One stretch of a shuffled training pass, featurized on several threads.
///
/// A one-pass rebuild steps on the examples in a fixed shuffle. Featurizing is most of its cost
/// (about 2 µs of the 3 µs an example took when each was featurized as it was stepped on), and
/// unlike the steps it needs no order, so a rebuild featurizes the next stretch of the shuffle
/// on the other cores while it steps through this one. Each worker takes every `workers`-th row
/// and featurizes its rows in the order of their positions, so its reads go forward through the
/// examples instead of jumping about; the rows come back in the shuffle's order.
struct FeaturizedChunk: Sendable {
    /// Worker `w`'s rows, in the order it featurized them.
    private var parts: [FeatureMatrix]
    /// Row `r` of the stretch is row `local[r]` of `parts[r % parts.count]`.
    private var local: [Int32]

    /// How many rows the stretch holds.
    var rows: Int { local.count }

    /// Featurizes `examples[positions[slot]]` for each `slot` of `slots`, in that order.
    init(
        _ examples: [TrainingExample], positions: [Int], slots: ArraySlice<Int>, featurizer: SentenceFeaturizer,
        workers: Int
    ) {
        let count = slots.count
        let workers = max(1, min(workers, count))
        var parts = [FeatureMatrix](repeating: FeatureMatrix(), count: workers)
        var local = [Int32](repeating: 0, count: count)
        let base = slots.startIndex
        parts.withUnsafeMutableBufferPointer { parts in
            local.withUnsafeMutableBufferPointer { local in
                let output = ChunkOutput(parts: parts, local: local)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var rows = Array(stride(from: worker, to: count, by: workers))
                    rows.sort { positions[slots[base + $0]] < positions[slots[base + $1]] }
                    var matrix = FeatureMatrix()
                    var vector = FeatureVector()
                    var scratch = SentenceFeaturizer.Scratch()
                    for row in rows {
                        vector.removeAll()
                        featurizer.appendFeatures(
                            of: examples[positions[slots[base + row]]].sentence, to: &vector, scratch: &scratch)
                        output.local[row] = Int32(matrix.rows)
                        matrix.append(vector, label: 0, group: 0)
                    }
                    output.parts[worker] = matrix
                }
            }
        }
        self.parts = parts
        self.local = local
    }

    /// Calls `body` with row `row`'s indices and values.
    @inline(__always)
    func withRow<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<Float>) -> R) -> R {
        parts[row % parts.count].withRow(Int(local[row]), body)
    }
}

/// Where the workers of a `FeaturizedChunk` write: each its own part, and the `local` entries of
/// its own rows, which no other worker touches.
private struct ChunkOutput: @unchecked Sendable {
    let parts: UnsafeMutableBufferPointer<FeatureMatrix>
    let local: UnsafeMutableBufferPointer<Int32>
}
