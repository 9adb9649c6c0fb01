/// Replays a plan's history into units and their holders (`WorkAssignment` keeps the result).
///
/// Works on flat arrays (one entry per unit, `k` holder slots per unit), so a million units cost
/// a few arrays, not a million objects. Every random choice draws from `SplitMix64` seeded by the
/// plan's seed and the step's number, and every order is total, so the result is the same on
/// every machine and Swift version.
struct AssignmentReplay {
    let plan: Plan
    let k: Int
    let location: String
    /// Annotator number by name (the roster, sorted).
    let number: [String: Int]

    /// Every document entry ever planned; an extension that lists a document again adds a new
    /// entry and retires the old one.
    var documents: [PlannedDocument] = []
    var documentAlive: [Bool] = []
    var documentByID: [String: Int] = [:]
    var unitsOfDocument: [[Int32]] = []

    var unitDocument: [Int32] = []
    var unitStart: [Int32] = []
    var unitEnd: [Int32] = []
    var unitWeight: [Int32] = []
    var unitOverlap: [Bool] = []
    var unitAlive: [Bool] = []
    /// `k` slots per unit: annotator numbers, -1 for unused slots (single units use one).
    var holders: [Int32] = []
    var exceptions: [Int: UnitExceptions] = [:]
    /// Units by name, built when a step moves units (most plans never need it).
    var unitByKey: [UnitKey: Int32] = [:]
    var unitByKeyIsCurrent = false

    /// Sentences assigned per annotator, from the plan alone (never from decisions).
    var loads: [Int]
    var inRoster: [Bool]
    var absent: [Bool]
    /// Gold sentence indexes by document id, sorted (the documents of the plan step only).
    let goldIndexes: [String: [Int]]

    /// A unit's name in moves: its document entry and first sentence.
    struct UnitKey: Hashable {
        var document: Int32
        var start: Int32
    }

    init(plan: Plan, location: String) {
        self.plan = plan
        self.k = plan.k
        self.location = location
        var number: [String: Int] = [:]
        for (index, name) in plan.annotators.enumerated() { number[name] = index }
        self.number = number
        loads = Array(repeating: 0, count: plan.annotators.count)
        inRoster = Array(repeating: false, count: plan.annotators.count)
        absent = Array(repeating: false, count: plan.annotators.count)
        var gold: [String: [Int]] = [:]
        for item in plan.gold?.items ?? [] { gold[item.doc, default: []].append(item.index) }
        for key in gold.keys { gold[key]?.sort() }
        goldIndexes = gold
    }

    func failure(_ reason: String) -> PlanError { .badHistory(location: location, reason: reason) }

    mutating func run() throws(PlanError) {
        for (step, event) in plan.history.enumerated() {
            switch event {
            case .planned(let names, let list):
                for name in names { try enter(name, step: step) }
                try plan(list, step: step, goldAware: true)
            case .extended(let list, let removed):
                for id in removed { retire(id) }
                var fresh: [PlannedDocument] = []
                for document in list {
                    if let entry = documentByID[document.id],
                        unitsOfDocument[entry].contains(where: { unitAlive[Int($0)] })
                    {
                        try reshape(entry, as: document, step: step)
                    } else {
                        retire(document.id)
                        fresh.append(document)
                    }
                }
                try plan(fresh, step: step, goldAware: false)
            case .rebalanced(let names, let moves):
                for name in names {
                    guard let annotator = number[name], inRoster[annotator] else {
                        throw failure("step \(step) marks '\(name)' absent, who is not on the roster yet")
                    }
                    absent[annotator] = true
                }
                try apply(moves, step: step)
            case .added(let names, let moves):
                for name in names { try enter(name, step: step) }
                try apply(moves, step: step)
            }
        }
    }

    private mutating func enter(_ name: String, step: Int) throws(PlanError) {
        guard let annotator = number[name] else { throw failure("step \(step) names '\(name)', not on the roster") }
        inRoster[annotator] = true
        absent[annotator] = false
    }

    /// The generator of step `step`.
    func generator(step: Int) -> SplitMix64 {
        SplitMix64(seed: plan.seed ^ (UInt64(step + 1) &* 0xD6E8_FEB8_6659_FD93))
    }

    /// Retires the live entry of document `id` and its units.
    private mutating func retire(_ id: String) {
        guard let entry = documentByID.removeValue(forKey: id) else { return }
        documentAlive[entry] = false
        for unit in unitsOfDocument[entry] where unitAlive[Int(unit)] {
            unitAlive[Int(unit)] = false
            for slot in 0..<k {
                let holder = holders[Int(unit) * k + slot]
                if holder >= 0 { loads[Int(holder)] -= slotWeight(Int(unit), slot: slot) }
            }
        }
        unitByKeyIsCurrent = false
    }

    /// Sentences of a unit a slot's holder labels.
    func slotWeight(_ unit: Int, slot: Int) -> Int {
        Int(unitWeight[unit]) - (exceptions[unit]?.excluded[slot].count ?? 0)
    }

    // MARK: - Planning documents

    /// Cuts `list` into units, chooses the overlap units and hands every unit out.
    private mutating func plan(_ list: [PlannedDocument], step: Int, goldAware: Bool) throws(PlanError) {
        let first = unitDocument.count
        for document in list {
            guard documentByID[document.id] == nil else {
                throw failure("step \(step) lists document '\(document.id)' twice")
            }
            let entry = documents.count
            documents.append(document)
            documentAlive.append(true)
            documentByID[document.id] = entry
            unitsOfDocument.append([])
            let gold = goldAware ? goldIndexes[document.id] ?? [] : []
            let n = document.sentences
            guard n > 0 else { continue }
            let chunks = (n + plan.unitLimit - 1) / plan.unitLimit
            for chunk in 0..<chunks {
                let start = chunk * n / chunks
                let end = (chunk + 1) * n / chunks
                addUnit(entry: entry, start: start, end: end, weight: end - start - Self.count(gold, in: start..<end))
            }
        }
        let batch = first..<unitDocument.count
        var random = generator(step: step)
        var order = Array(batch)
        random.shuffle(&order)
        // Ties are broken by a seeded permutation of the annotators present at this step (in
        // name order): names added to the roster later change nothing here.
        let present = plan.annotators.indices.filter { inRoster[$0] && !absent[$0] }
        guard !present.isEmpty else { throw failure("step \(step) plans documents with nobody present") }
        var permutation = Array(0..<present.count)
        random.shuffle(&permutation)
        var ranks = [Int](repeating: 0, count: plan.annotators.count)
        for (i, annotator) in present.enumerated() { ranks[annotator] = permutation[i] }
        let total = batch.reduce(0) { $0 + Int(unitWeight[$1]) }
        let target = k >= 2 ? Int((plan.overlap * Double(total)).rounded()) : 0
        if target > 0 && present.count < k {
            throw .cannotKeepDistinct(
                place: "the overlap of step \(step)", k: k, present: present.map { plan.annotators[$0] })
        }
        // The first units in shuffled order make up the overlap; the unit that crosses the
        // target is cut where the overlap reaches it exactly.
        var overlapUnits: [Int] = []
        var singleUnits: [Int] = []
        var filled = 0
        for unit in order {
            let weight = Int(unitWeight[unit])
            if filled >= target || weight == 0 {
                singleUnits.append(unit)
            } else if filled + weight <= target {
                unitOverlap[unit] = true
                overlapUnits.append(unit)
                filled += weight
            } else {
                let tail = split(unit, keeping: target - filled, goldAware: goldAware)
                unitOverlap[unit] = true
                overlapUnits.append(unit)
                singleUnits.append(tail)
                filled = target
            }
        }
        var heap = LoadHeap(annotators: present, loads: loads, ranks: ranks)
        for unit in Self.largestFirst(overlapUnits, weights: unitWeight) {
            var chosen: [(load: Int, rank: Int, annotator: Int)] = []
            for slot in 0..<k {
                let entry = heap.pop()
                chosen.append(entry)
                holders[unit * k + slot] = Int32(entry.annotator)
            }
            for var entry in chosen {
                entry.load += Int(unitWeight[unit])
                loads[entry.annotator] = entry.load
                heap.push(entry)
            }
        }
        for unit in Self.largestFirst(singleUnits, weights: unitWeight) {
            var entry = heap.pop()
            holders[unit * k] = Int32(entry.annotator)
            entry.load += Int(unitWeight[unit])
            loads[entry.annotator] = entry.load
            heap.push(entry)
        }
    }

    /// The new version of an edited document keeps the old one's units, stretched to its new
    /// length, with the same annotators (an absent one's slot goes to the least loaded annotator
    /// present who is not on the unit): a small edit leaves almost every sentence, and every
    /// decision already made on it, with the annotator who had it.
    private mutating func reshape(_ entry: Int, as document: PlannedDocument, step: Int) throws(PlanError) {
        let old = unitsOfDocument[entry].filter { unitAlive[Int($0)] }.map(Int.init).sorted {
            unitStart[$0] < unitStart[$1]
        }
        let oldCount = documents[entry].sentences
        let shape = old.map { unit in
            (
                start: Int(unitStart[unit]), end: Int(unitEnd[unit]), overlap: unitOverlap[unit],
                holders: Array(holders[(unit * k)..<(unit * k + k)])
            )
        }
        retire(document.id)
        let newEntry = documents.count
        documents.append(document)
        documentAlive.append(true)
        documentByID[document.id] = newEntry
        unitsOfDocument.append([])
        let n = document.sentences
        let present = plan.annotators.indices.filter { inRoster[$0] && !absent[$0] }
        for (i, piece) in shape.enumerated() {
            let start = oldCount == 0 ? 0 : piece.start * n / oldCount
            let end = i == shape.count - 1 ? n : (oldCount == 0 ? 0 : piece.end * n / oldCount)
            guard end > start else { continue }
            addUnit(entry: newEntry, start: start, end: end, weight: end - start)
            let unit = unitDocument.count - 1
            unitOverlap[unit] = piece.overlap
            var taken = Set(piece.holders.filter { $0 >= 0 && !absent[Int($0)] })
            for (slot, holder) in piece.holders.enumerated() where holder >= 0 {
                var chosen = Int(holder)
                if absent[chosen] {
                    guard
                        let replacement = present.filter({ !taken.contains(Int32($0)) }).min(by: {
                            loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1
                        })
                    else {
                        throw .cannotKeepDistinct(
                            place: "the new version of \(document.id)", k: k,
                            present: present.map { plan.annotators[$0] })
                    }
                    chosen = replacement
                    taken.insert(Int32(chosen))
                }
                holders[unit * k + slot] = Int32(chosen)
                loads[chosen] += end - start
            }
        }
    }

    private mutating func addUnit(entry: Int, start: Int, end: Int, weight: Int) {
        let unit = Int32(unitDocument.count)
        unitDocument.append(Int32(entry))
        unitStart.append(Int32(start))
        unitEnd.append(Int32(end))
        unitWeight.append(Int32(weight))
        unitOverlap.append(false)
        unitAlive.append(true)
        holders.append(contentsOf: repeatElement(-1, count: k))
        unitsOfDocument[entry].append(unit)
        unitByKeyIsCurrent = false
    }

    /// Cuts `unit` after its first `keeping` non-gold sentences; returns the new unit holding
    /// the rest.
    private mutating func split(_ unit: Int, keeping: Int, goldAware: Bool) -> Int {
        let entry = Int(unitDocument[unit])
        let gold = goldAware ? Set(goldIndexes[documents[entry].id] ?? []) : []
        var cut = Int(unitStart[unit])
        var counted = 0
        while counted < keeping {
            if !gold.contains(cut) { counted += 1 }
            cut += 1
        }
        let end = Int(unitEnd[unit])
        let weight = Int(unitWeight[unit])
        unitEnd[unit] = Int32(cut)
        unitWeight[unit] = Int32(keeping)
        addUnit(entry: entry, start: cut, end: end, weight: weight - keeping)
        return unitDocument.count - 1
    }

    /// `units` by weight, largest first, keeping their order among equal weights (a counting
    /// sort: O(units + largest weight)).
    static func largestFirst(_ units: [Int], weights: [Int32]) -> [Int] {
        guard let largest = units.map({ Int(weights[$0]) }).max() else { return [] }
        var starts = [Int](repeating: 0, count: largest + 2)
        for unit in units { starts[largest - Int(weights[unit]) + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var sorted = [Int](repeating: 0, count: units.count)
        for unit in units {
            let bucket = largest - Int(weights[unit])
            sorted[starts[bucket]] = unit
            starts[bucket] += 1
        }
        return sorted
    }

    static func count(_ sorted: [Int], in range: Range<Int>) -> Int {
        guard !sorted.isEmpty else { return 0 }
        var count = 0
        for index in sorted where range.contains(index) { count += 1 }
        return count
    }

    // MARK: - Moves

    private mutating func apply(_ moves: [UnitMove], step: Int) throws(PlanError) {
        if !moves.isEmpty && !unitByKeyIsCurrent {
            unitByKey = [:]
            for unit in unitDocument.indices where unitAlive[unit] {
                unitByKey[UnitKey(document: unitDocument[unit], start: unitStart[unit])] = Int32(unit)
            }
            unitByKeyIsCurrent = true
        }
        for (i, move) in moves.enumerated() {
            let place = "step \(step), move \(i) (\(move.doc):\(move.start))"
            guard let entry = documentByID[move.doc],
                let found = unitByKey[UnitKey(document: Int32(entry), start: Int32(move.start))]
            else { throw failure("\(place) names no unit of the plan") }
            let unit = Int(found)
            guard let from = number[move.from], let to = number[move.to], inRoster[to] else {
                throw failure("\(place) names an annotator who is not on the roster")
            }
            let slots = (0..<k).map { holders[unit * k + $0] }
            guard let slot = slots.firstIndex(of: Int32(from)) else {
                throw failure("\(place) moves it from \(move.from), who does not hold it")
            }
            guard !slots.contains(Int32(to)) else {
                throw failure("\(place) moves it to \(move.to), who holds it already")
            }
            let moved = slotWeight(unit, slot: slot) - move.keep.count
            holders[unit * k + slot] = Int32(to)
            if !move.keep.isEmpty {
                var record = exceptions[unit] ?? UnitExceptions(slots: k)
                record.excluded[slot].formUnion(move.keep)
                record.retained.append((Int32(from), move.keep))
                exceptions[unit] = record
            }
            loads[from] -= moved
            loads[to] += moved
        }
    }
}
