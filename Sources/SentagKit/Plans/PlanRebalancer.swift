/// Chooses the moves of `plan --rebalance` and `plan --add` from the decisions at hand, and
/// records them in the plan, so that every machine replays the same hand-over
/// (`WorkAssignment` never reads a decision).
///
/// - **Rebalance** (absent annotators): every unit an absent annotator holds and has not
///   finished goes to an annotator present who does not hold it already (so an overlap unit
///   keeps K distinct annotators), the one with the fewest undecided sentences, largest units
///   first. What the absent annotator had decided in the unit stays theirs (`UnitMove.keep`):
///   decisions are never touched, and nobody is asked to label those sentences again.
/// - **Add** (new annotators, or absent ones coming back): units nobody has started in
///   their holder's share are taken from the annotators with the most undecided sentences, from
///   the back of their queues (where they will not be for a while), as long as each move
///   narrows the gap between the newcomer and the donor.
///
/// Both need the latest journals on the lead's machine: decisions made elsewhere and not yet
/// merged are not seen, and a sentence moved meanwhile may end with one vote too many (status
/// shows it). Pull before rebalancing.
public enum PlanRebalancer {
    /// A unit slot that could move, and its weight.
    struct Candidate {
        var unit: Int
        var slot: Int
        var holder: Int
        var weight: Int
        var keep: [SentenceID]
        var lastPosition: Int
    }

    /// The plan with `names` marked absent and their unstarted work handed out; nil when there
    /// is nothing to hand out and nobody new is absent.
    public static func rebalance(
        _ assignment: WorkAssignment, match: PlanCorpusMatch, progress: PlanProgress, absent names: [String]
    ) throws(PlanError) -> Plan? {
        let plan = assignment.plan
        let roster = plan.annotators
        let unknown = names.filter { !roster.contains($0) }
        if !unknown.isEmpty { throw .unknownAnnotators(names: unknown, roster: roster) }
        // Every name is on the roster (checked above), so `leaving` numbers them all.
        let leaving = Set(names.compactMap { roster.firstIndex(of: $0) })
        var isAbsent = assignment.absent
        for number in leaving { isAbsent[number] = true }
        let present = roster.indices.filter { !isAbsent[$0] }
        guard !present.isEmpty else { throw .nobodyPresent(roster: roster) }
        var remaining = remainingWork(assignment, match: match, progress: progress)

        var candidates: [Candidate] = []
        for unit in 0..<assignment.unitCount {
            for (slot, holder) in assignment.holders(of: unit).enumerated() {
                guard holder >= 0, leaving.contains(Int(holder)) else { continue }
                let positions = assignment.positions(ofUnit: unit, slot: slot, in: match)
                let decided = positions.filter { progress.hasDecided(Int(holder), $0) }
                guard decided.count < positions.count else { continue }
                candidates.append(
                    Candidate(
                        unit: unit, slot: slot, holder: Int(holder), weight: positions.count - decided.count,
                        keep: decided.map { match.corpus.id(at: $0) }, lastPosition: positions.last ?? 0))
            }
        }
        candidates.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.unit < $1.unit }
        var moves: [UnitMove] = []
        // Holders as they become, `k` slots per unit, flat (a plan may have a million units).
        var holdersNow = assignment.holders
        let k = plan.k
        for candidate in candidates {
            let holding = holdersNow[(candidate.unit * k)..<(candidate.unit * k + k)]
            let eligible = present.filter { !holding.contains(Int32($0)) }
            guard
                let target = eligible.min(by: {
                    remaining[$0] != remaining[$1] ? remaining[$0] < remaining[$1] : $0 < $1
                })
            else {
                throw .cannotKeepDistinct(
                    place: place(of: candidate.unit, in: assignment), k: plan.k, present: present.map { roster[$0] })
            }
            holdersNow[candidate.unit * k + candidate.slot] = Int32(target)
            remaining[target] += candidate.weight
            moves.append(move(candidate, to: target, in: assignment))
        }
        let newlyAbsent = leaving.filter { !assignment.absent[$0] }
        guard !moves.isEmpty || !newlyAbsent.isEmpty else { return nil }
        var result = plan
        result.history.append(.rebalanced(absent: sorted(Set(names)), moves: moves))
        _ = try WorkAssignment(plan: result)
        return result
    }

    /// The plan with `names` on the roster and present, taking unstarted units from the others.
    public static func add(
        _ assignment: WorkAssignment, match: PlanCorpusMatch, progress: PlanProgress, names: [String]
    ) throws(PlanError) -> Plan {
        let plan = assignment.plan
        let returning = Set(plan.absent)
        let already = names.filter { plan.annotators.contains($0) && !returning.contains($0) }
        if !already.isEmpty { throw .alreadyPresent(names: already) }
        var grown = plan
        grown.annotators = sorted(Set(plan.annotators).union(names))
        grown.history.append(.added(annotators: sorted(Set(names)), moves: []))
        // Number everyone on the grown roster; the units and their holders are the old ones.
        let roster = grown.annotators
        func number(_ name: String) -> Int {
            guard let number = roster.firstIndex(of: name) else {
                preconditionFailure("the grown roster holds the old one and every name added")
            }
            return number
        }
        let oldNumber = plan.annotators.map(number)
        let newcomers = Set(names.map(number))
        var remaining = [Int](repeating: 0, count: roster.count)
        let oldRemaining = remainingWork(assignment, match: match, progress: progress)
        for (old, new) in oldNumber.enumerated() where !assignment.absent[old] { remaining[new] = oldRemaining[old] }
        var present = Set(newcomers)
        for (old, new) in oldNumber.enumerated() where !assignment.absent[old] { present.insert(new) }

        // Per donor: their units nobody has started in their slot, back of the queue first.
        var offers: [Int: [Candidate]] = [:]
        for unit in 0..<assignment.unitCount where assignment.exceptions[unit] == nil {
            for (slot, holder) in assignment.holders(of: unit).enumerated() where holder >= 0 {
                let donor = oldNumber[Int(holder)]
                guard present.contains(donor), !newcomers.contains(donor) else { continue }
                let positions = assignment.positions(ofUnit: unit, slot: slot, in: match)
                guard !positions.isEmpty, !positions.contains(where: { progress.hasDecided(Int(holder), $0) })
                else { continue }
                offers[donor, default: []].append(
                    Candidate(
                        unit: unit, slot: slot, holder: donor, weight: positions.count, keep: [],
                        lastPosition: positions.last ?? 0))
            }
        }
        for donor in offers.keys { offers[donor]?.sort { $0.lastPosition < $1.lastPosition } }
        // Holders as they become (numbers on the grown roster), `k` slots per unit, flat.
        let k = plan.k
        var holdersNow = assignment.holders.map { $0 < 0 ? -1 : Int32(oldNumber[Int($0)]) }
        var moves: [UnitMove] = []
        while true {
            // No names to add (the command refuses that, a library caller may not): nobody to give work to.
            guard
                let newcomer = newcomers.min(by: {
                    remaining[$0] != remaining[$1] ? remaining[$0] < remaining[$1] : $0 < $1
                })
            else { break }
            let donors = offers.keys.filter { !(offers[$0]?.isEmpty ?? true) }
            guard
                let donor = donors.max(by: { remaining[$0] != remaining[$1] ? remaining[$0] < remaining[$1] : $0 > $1 }
                ),
                remaining[donor] - remaining[newcomer] > 1
            else { break }
            guard let offer = offers[donor]?.popLast() else {
                preconditionFailure("`donors` holds only annotators with offers left")
            }
            guard !holdersNow[(offer.unit * k)..<(offer.unit * k + k)].contains(Int32(newcomer)),
                remaining[newcomer] + offer.weight < remaining[donor]
            else { continue }
            holdersNow[offer.unit * k + offer.slot] = Int32(newcomer)
            remaining[newcomer] += offer.weight
            remaining[donor] -= offer.weight
            moves.append(
                UnitMove(
                    doc: assignment.documents[Int(assignment.unitDocument[offer.unit])].id,
                    start: Int(assignment.unitStart[offer.unit]), from: roster[donor], to: roster[newcomer]))
        }
        grown.history[grown.history.count - 1] = .added(annotators: sorted(Set(names)), moves: moves)
        _ = try WorkAssignment(plan: grown)
        return grown
    }

    /// Roster annotators present whose latest labeling is before `cutoff` (or who never labeled).
    public static func idle(_ assignment: WorkAssignment, progress: PlanProgress, before cutoff: Timestamp) -> [String]
    {
        assignment.annotators.indices.filter { number in
            !assignment.absent[number] && (progress.lastLabeled[number].map { $0 < cutoff } ?? true)
        }.map { assignment.annotators[$0] }
    }

    /// Per roster annotator: undecided sentences of their queue, gold checks aside.
    static func remainingWork(_ assignment: WorkAssignment, match: PlanCorpusMatch, progress: PlanProgress) -> [Int] {
        assignment.annotators.enumerated().map { number, name in
            let queue = assignment.queue(for: name, in: match)
            var left = 0
            for (slot, position) in queue.positions.enumerated()
            where queue.kinds[slot] != .gold && !progress.hasDecided(number, position) {
                left += 1
            }
            return left
        }
    }

    static func move(_ candidate: Candidate, to target: Int, in assignment: WorkAssignment) -> UnitMove {
        UnitMove(
            doc: assignment.documents[Int(assignment.unitDocument[candidate.unit])].id,
            start: Int(assignment.unitStart[candidate.unit]), from: assignment.annotators[candidate.holder],
            to: assignment.annotators[target], keep: candidate.keep)
    }

    /// `doc:start–end` (1-based sentence numbers) of a unit, for messages.
    static func place(of unit: Int, in assignment: WorkAssignment) -> String {
        let doc = assignment.documents[Int(assignment.unitDocument[unit])].id
        let kind = assignment.unitOverlap[unit] ? "overlap unit" : "unit"
        return "the \(kind) \(doc):\(assignment.unitStart[unit] + 1)–\(assignment.unitEnd[unit])"
    }

    static func sorted(_ names: Set<String>) -> [String] {
        names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
