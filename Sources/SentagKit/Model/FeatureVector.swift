/// A sparse feature vector: bucket indices and their values, in the order the featurizer made
/// them.
///
/// An index may repeat (a word twice in a sentence); every use (dot products, updates) sums
/// over the entries, so a repeated index counts as the sum of its values. `merged()` sorts and
/// adds repeats up when a canonical form is needed (cosine similarity).
public struct FeatureVector: Equatable, Sendable {
    public var indices: [UInt32]
    public var values: [Float]

    public init(indices: [UInt32] = [], values: [Float] = []) {
        precondition(indices.count == values.count, "one value per index")
        self.indices = indices
        self.values = values
    }

    public var count: Int { indices.count }

    public mutating func append(_ index: UInt32, _ value: Float) {
        indices.append(index)
        values.append(value)
    }

    public mutating func removeAll() {
        indices.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// The same vector with indices sorted and repeats summed.
    public func merged() -> FeatureVector {
        let order = indices.indices.sorted { indices[$0] < indices[$1] }
        var result = FeatureVector()
        result.indices.reserveCapacity(count)
        result.values.reserveCapacity(count)
        for position in order {
            let index = indices[position]
            if let last = result.indices.last, last == index {
                result.values[result.values.count - 1] += values[position]
            } else {
                result.append(index, values[position])
            }
        }
        return result
    }

    /// The Euclidean norm.
    public var norm: Float {
        merged().values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
