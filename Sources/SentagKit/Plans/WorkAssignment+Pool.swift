/// The names a store's shared pool knows a plan's single-annotation units by, and what a queue
/// derivation asks it (`JournalStore.singleUnits`).
extension WorkAssignment {
    /// A unit's name: its document's id and content hash, and its stretch of sentences
    /// (`000_e48…@9f86d081884c7d65:0-25`), so a new version of an edited document makes new
    /// names and a retired unit is never confused with its successor.
    public func unitName(_ unit: Int) -> String {
        let document = documents[Int(unitDocument[unit])]
        let digits = String(document.hash, radix: 16)
        return "\(document.id)@\(String(repeating: "0", count: 16 - digits.count))\(digits)"
            + ":\(unitStart[unit])-\(unitEnd[unit])"
    }

    /// Unit numbers by name.
    var unitsByName: [String: Int] {
        var names: [String: Int] = [:]
        names.reserveCapacity(unitCount)
        for unit in 0..<unitCount { names[unitName(unit)] = unit }
        return names
    }

    /// Every single-annotation unit, in the order a pool hands them out: the plan's unit order
    /// (units of later extensions come after the earlier ones).
    public var singleUnitNames: [String] {
        (0..<unitCount).filter { !unitOverlap[$0] }.map(unitName)
    }

    /// The single units the plan itself gives `annotator` (a folder's answer).
    public func fixedSingleUnits(of annotator: String) -> [String] {
        guard let a = number(of: annotator) else { return [] }
        return held[a].filter { !unitOverlap[Int($0.unit)] }.map { unitName(Int($0.unit)) }
    }

    /// What names this plan's pool in a store: the first step's roster, documents and the
    /// parameters, which later steps (rebalance, add, extend) never change, so the pool and what
    /// annotators claimed from it outlive them.
    public var poolName: String {
        var text = "sentag-plan k=\(plan.k) overlap=\(plan.overlap) seed=\(plan.seed) limit=\(plan.unitLimit)"
        if case .planned(let annotators, let documents)? = plan.history.first {
            text += " " + annotators.joined(separator: ",")
            for document in documents { text += " \(document.id)@\(document.hash):\(document.sentences)" }
        }
        let hash = XXHash64.hash(Array(text.utf8))
        let digits = String(hash, radix: 16)
        return "plan-" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Every sentence whose round is blind under this plan, whoever labels it.
    ///
    /// The overlap units' and the gold items, as one queue of `.overlap` and `.gold` items: what
    /// a session takes from a pool later is covered from the start (a claimed unit may bring
    /// gold checks with it).
    public func blindItems(in match: PlanCorpusMatch) -> PlannedQueue {
        var positions: [Int] = []
        var kinds: [PlannedQueue.Kind] = []
        for unit in 0..<unitCount where unitOverlap[unit] {
            guard let range = corpusRange(unit, in: match) else { continue }
            for position in range where !match.isGold[position] {
                positions.append(position)
                kinds.append(.overlap)
            }
        }
        for position in 0..<match.corpus.count where match.isGold[position] {
            positions.append(position)
            kinds.append(.gold)
        }
        return PlannedQueue(annotator: "", positions: positions, kinds: kinds, isAbsent: false)
    }

    /// The request for `annotator`'s single units, claiming `more` more.
    public func singleUnitRequest(for annotator: String, more: Int) -> SingleUnitRequest {
        SingleUnitRequest(
            plan: poolName, annotator: annotator, units: singleUnitNames, fixedShare: fixedSingleUnits(of: annotator),
            more: more)
    }
}
