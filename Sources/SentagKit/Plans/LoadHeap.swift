/// The annotators present, least loaded first: a binary min-heap on (sentences assigned, tie
/// rank), so handing out a unit costs O(log annotators) however many units there are.
///
/// The tie rank is a seeded permutation of the roster, so equal loads are broken the same way on
/// every machine, and not always in favour of the first name.
struct LoadHeap {
    private var entries: [(load: Int, rank: Int, annotator: Int)] = []

    init(annotators: [Int], loads: [Int], ranks: [Int]) {
        for annotator in annotators { push((loads[annotator], ranks[annotator], annotator)) }
    }

    var count: Int { entries.count }

    private static func precedes(
        _ a: (load: Int, rank: Int, annotator: Int), _ b: (load: Int, rank: Int, annotator: Int)
    ) -> Bool {
        a.load != b.load ? a.load < b.load : a.rank < b.rank
    }

    mutating func push(_ entry: (load: Int, rank: Int, annotator: Int)) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// The least loaded annotator, removed from the heap.
    mutating func pop() -> (load: Int, rank: Int, annotator: Int) {
        let top = entries[0]
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var best = parent
                if left < entries.count, Self.precedes(entries[left], entries[best]) { best = left }
                if right < entries.count, Self.precedes(entries[right], entries[best]) { best = right }
                if best == parent { break }
                entries.swapAt(parent, best)
                parent = best
            }
        }
        return top
    }
}
