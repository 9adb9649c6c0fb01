/// The known name a mistyped one most likely meant: `lable` → `label`, `agree` → `agreement`.
///
/// A name is suggested when it starts with what was typed (at least two characters), or when
/// it is within a third of its length (at least 1, at most 3) in optimal string alignment
/// distance: insertions, deletions, substitutions and swaps of two neighbours each cost 1,
/// compared without regard to case. Ties go to the earlier name.
public enum NearestName {
    public static func suggestion(for typed: String, among names: [String]) -> String? {
        let lowered = typed.lowercased()
        guard !lowered.isEmpty else { return nil }
        if lowered.count >= 2, let prefixed = names.first(where: { $0.lowercased().hasPrefix(lowered) }) {
            return prefixed
        }
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = Self.distance(lowered, name.lowercased())
            let allowed = min(3, max(1, name.count / 3))
            if distance <= allowed && distance < (best?.distance ?? .max) { best = (name, distance) }
        }
        return best?.name
    }

    /// Optimal string alignment distance between `a` and `b`, by Characters.
    ///
    /// O(|a| · |b|).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        var d = [Int](repeating: 0, count: (x.count + 1) * width)
        for i in 0...x.count { d[i * width] = i }
        for j in 0...y.count { d[j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    value = min(value, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = value
            }
        }
        return d[x.count * width + y.count]
    }
}
