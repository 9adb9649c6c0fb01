/// Featurized examples in one compressed-sparse-row block: what a rebuild and cross-validation
/// train on, featurized once.
///
/// Row `i` is `indices[offsets[i]..<offsets[i + 1]]` with its `values`, its label index and its
/// group (the document, for folds that never split a document).
public struct FeatureMatrix: Sendable {
    public private(set) var offsets: [Int] = [0]
    public private(set) var indices: [UInt32] = []
    public private(set) var values: [Float] = []
    public internal(set) var labels: [Int] = []
    public private(set) var groups: [Int] = []

    public init() {}

    public var rows: Int { labels.count }

    public mutating func append(_ vector: FeatureVector, label: Int, group: Int) {
        indices.append(contentsOf: vector.indices)
        values.append(contentsOf: vector.values)
        offsets.append(indices.count)
        labels.append(label)
        groups.append(group)
    }

    /// The features of row `row`.
    public func vector(_ row: Int) -> FeatureVector {
        let range = offsets[row]..<offsets[row + 1]
        return FeatureVector(indices: Array(indices[range]), values: Array(values[range]))
    }

    /// The rows whose positions are listed, in that order.
    public func subset(_ rows: [Int]) -> FeatureMatrix {
        var result = FeatureMatrix()
        for row in rows {
            let range = offsets[row]..<offsets[row + 1]
            result.indices.append(contentsOf: indices[range])
            result.values.append(contentsOf: values[range])
            result.offsets.append(result.indices.count)
            result.labels.append(labels[row])
            result.groups.append(groups[row])
        }
        return result
    }

    /// Calls `body` with row `row`'s indices and values.
    @inline(__always)
    func withRow<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<Float>) -> R) -> R {
        let start = offsets[row]
        let count = offsets[row + 1] - start
        return indices.withUnsafeBufferPointer { allIndices in
            values.withUnsafeBufferPointer { allValues in
                body(
                    UnsafeBufferPointer(rebasing: allIndices[start..<(start + count)]),
                    UnsafeBufferPointer(rebasing: allValues[start..<(start + count)]))
            }
        }
    }
}
