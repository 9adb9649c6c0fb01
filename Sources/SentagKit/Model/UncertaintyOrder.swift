/// The order of `label --order uncertain`: least confident first, by the margin between the two
/// most probable labels (ties keep the given order).
public enum UncertaintyOrder {
    /// Positions of `predictions`, smallest margin first.
    public static func positions(_ predictions: [ClassifierPrediction]) -> [Int] {
        let margins = predictions.map(\.margin)
        return predictions.indices.sorted { margins[$0] != margins[$1] ? margins[$0] < margins[$1] : $0 < $1 }
    }
}
