/// Who labels what under a plan, and each annotator's queue: the one place that decides it.
///
/// Derived from the plan alone (`plan.json`: parameters, documents, history), so every machine
/// computes the same assignment with no coordinator; the corpus at hand only maps the planned
/// documents to positions (`PlanCorpusMatch`). A store that routes work itself (a database
/// handing single items out of a shared pool, issue 13) can keep the overlap units from here and
/// take the single units as its pool: everything the commands need goes through this type.
///
/// ## Units
/// A unit is a document, or, when a document is longer than the plan's unit limit, one of
/// ⌈n / limit⌉ stretches of near-equal length (`[⌊c·n/chunks⌋, ⌊(c+1)·n/chunks⌋)`). The limit is
/// chosen when planning (`PlanMaker.unitLimit`) so that each annotator's share is at least eight
/// units: with ten thousand articles and twenty annotators every article is one unit and one
/// annotator reads it whole; with five articles and three annotators the articles are cut into
/// stretches of a few sentences, so the shares can still be balanced. Gold sentences are taken
/// out of the units (a unit's weight is its sentences minus its gold ones).
///
/// ## Overlap
/// The units are shuffled (SplitMix64, seeded by the plan's seed and the step's number), and the
/// first ones in that order, up to round(F × sentences), become overlap units; the unit that
/// crosses that number is cut where the overlap reaches it, so the overlap is exact. Overlap
/// units are spread over the corpus at random, hence through every queue.
///
/// ## Shares
/// Longest processing time first: overlap units, largest first, each to the K annotators with
/// the fewest sentences so far (distinct by construction), then single units, largest first,
/// each to the one with the fewest; equal loads are broken by a seeded permutation of the
/// roster. Shares end within one unit of each other (in practice within a few sentences), and
/// the pairs of annotators sharing overlap units rotate, so every pair gets agreement items.
///
/// ## Queues
/// An annotator's queue is the sentences of their units in corpus order (document by document,
/// sentence by sentence, with real context), with their gold sample spread among them:
/// `GoldSet.count(besides:)` items, the first ones of a permutation of the gold items seeded by
/// the plan and the annotator's name (so a longer queue keeps the earlier ones), each at a
/// random place of its own stretch of the queue.
///
/// ## Changes
/// Later steps replay in order. An extension retires the units of removed documents, keeps an
/// edited document's units (stretched to its new length) with the same annotators, so a small
/// edit leaves the decisions made on it with whoever made them, and plans new documents the
/// same way as the first step, among the annotators present, on top of their current loads. A rebalance or an addition applies the moves it recorded (`UnitMove`): the moves were
/// chosen from the decisions on the lead's machine (`PlanRebalancer`), and recording them is
/// what makes every machine agree. Nothing here reads a decision.
public struct WorkAssignment: Sendable {
    public let plan: Plan
    /// The documents the plan covers now, in the order they were planned.
    public let documents: [PlannedDocument]
    /// Per roster annotator (`plan.annotators`): marked absent by a rebalance.
    public let absent: [Bool]
    /// Per roster annotator: sentences assigned (gold items aside).
    public let loads: [Int]
    let k: Int
    let unitDocument: [Int32]
    let unitStart: [Int32]
    let unitEnd: [Int32]
    let unitOverlap: [Bool]
    /// `k` slots per unit: annotator numbers, -1 for an unused slot.
    let holders: [Int32]
    let exceptions: [Int: UnitExceptions]
    /// Per annotator: the units they hold, and in which slot.
    let held: [[(unit: Int32, slot: Int32)]]

    /// Replays the plan; `location` names `plan.json` in errors.
    public init(plan: Plan, location: String = "plan.json") throws(PlanError) {
        var replay = AssignmentReplay(plan: plan, location: location)
        try replay.run()
        self.plan = plan
        self.k = plan.k
        self.absent = replay.absent
        self.loads = replay.loads
        var newIndex = [Int32](repeating: -1, count: replay.documents.count)
        var documents: [PlannedDocument] = []
        for (entry, document) in replay.documents.enumerated() where replay.documentAlive[entry] {
            newIndex[entry] = Int32(documents.count)
            documents.append(document)
        }
        self.documents = documents
        var unitDocument: [Int32] = []
        var unitStart: [Int32] = []
        var unitEnd: [Int32] = []
        var unitOverlap: [Bool] = []
        var holders: [Int32] = []
        var exceptions: [Int: UnitExceptions] = [:]
        var held = [[(unit: Int32, slot: Int32)]](repeating: [], count: plan.annotators.count)
        let alive = replay.unitAlive.reduce(0) { $0 + ($1 ? 1 : 0) }
        unitDocument.reserveCapacity(alive)
        unitStart.reserveCapacity(alive)
        unitEnd.reserveCapacity(alive)
        unitOverlap.reserveCapacity(alive)
        holders.reserveCapacity(alive * plan.k)
        for unit in replay.unitDocument.indices where replay.unitAlive[unit] {
            let index = Int32(unitDocument.count)
            unitDocument.append(newIndex[Int(replay.unitDocument[unit])])
            unitStart.append(replay.unitStart[unit])
            unitEnd.append(replay.unitEnd[unit])
            unitOverlap.append(replay.unitOverlap[unit])
            for slot in 0..<plan.k {
                let holder = replay.holders[unit * plan.k + slot]
                holders.append(holder)
                if holder >= 0 { held[Int(holder)].append((index, Int32(slot))) }
            }
            if let found = replay.exceptions[unit] { exceptions[Int(index)] = found }
        }
        self.unitDocument = unitDocument
        self.unitStart = unitStart
        self.unitEnd = unitEnd
        self.unitOverlap = unitOverlap
        self.holders = holders
        self.exceptions = exceptions
        self.held = held
    }

    /// The roster.
    public var annotators: [String] { plan.annotators }

    /// Units of work.
    public var unitCount: Int { unitDocument.count }

    /// The number of an annotator on the roster.
    public func number(of annotator: String) -> Int? { plan.annotators.firstIndex(of: annotator) }

    /// `annotator`'s queue over the matched corpus.
    ///
    /// `singleUnits` are the single-annotation units the store says the annotator labels
    /// (`JournalStore.singleUnits`, by `unitName`): a database hands them out from a shared pool,
    /// a folder answers with the plan's own share; nil means the plan's share. Overlap units are
    /// always the plan's.
    public func queue(
        for annotator: String, in match: PlanCorpusMatch, singleUnits: [String]? = nil
    ) -> PlannedQueue {
        guard let a = number(of: annotator) else {
            return PlannedQueue(annotator: annotator, positions: [], kinds: [], isAbsent: false)
        }
        let corpus = match.corpus
        var units = held[a]
        if let singleUnits {
            units.removeAll { !unitOverlap[Int($0.unit)] }
            let named = unitsByName
            for name in singleUnits {
                guard let unit = named[name], !unitOverlap[unit] else { continue }
                let slot = holders(of: unit).firstIndex(of: Int32(a)).map { $0 - unit * k } ?? 0
                units.append((Int32(unit), Int32(slot)))
            }
        }
        // Position × 2 + 1 for overlap, so one sort orders positions and keeps their kind.
        var own: [Int] = []
        own.reserveCapacity(a < loads.count ? max(loads[a], 0) : 0)
        for (unit, slot) in units {
            let overlapBit = unitOverlap[Int(unit)] ? 1 : 0
            for position in positions(ofUnit: Int(unit), slot: Int(slot), in: match) {
                own.append(position << 1 | overlapBit)
            }
        }
        for (unit, record) in exceptions {
            guard let range = corpusRange(unit, in: match) else { continue }
            let overlapBit = unitOverlap[unit] ? 1 : 0
            for (holder, ids) in record.retained where Int(holder) == a {
                for id in ids {
                    if let position = corpus.position(of: id), range.contains(position), !match.isGold[position] {
                        own.append(position << 1 | overlapBit)
                    }
                }
            }
        }
        own.sort()
        var gold = absent[a] ? [] : goldSample(for: annotator, own: own.count, in: match)
        var positions: [Int] = []
        var kinds: [PlannedQueue.Kind] = []
        positions.reserveCapacity(own.count + gold.count)
        kinds.reserveCapacity(own.count + gold.count)
        var next = 0
        gold.sort { $0.slot != $1.slot ? $0.slot < $1.slot : $0.order < $1.order }
        for (i, entry) in own.enumerated() {
            while next < gold.count && gold[next].slot <= i {
                positions.append(gold[next].position)
                kinds.append(.gold)
                next += 1
            }
            positions.append(entry >> 1)
            kinds.append(entry & 1 == 1 ? .overlap : .single)
        }
        while next < gold.count {
            positions.append(gold[next].position)
            kinds.append(.gold)
            next += 1
        }
        return PlannedQueue(annotator: annotator, positions: positions, kinds: kinds, isAbsent: absent[a])
    }

    /// The corpus positions of a unit, nil when its document is missing or edited.
    func corpusRange(_ unit: Int, in match: PlanCorpusMatch) -> Range<Int>? {
        let document = match.corpusDocument[Int(unitDocument[unit])]
        guard document >= 0 else { return nil }
        let base = match.corpus.documentRanges[Int(document)].lowerBound
        return (base + Int(unitStart[unit]))..<(base + Int(unitEnd[unit]))
    }

    /// The positions the holder of a unit's slot labels: the unit's sentences, gold ones and
    /// those kept by a former holder aside.
    ///
    /// Empty when the document is missing or edited.
    func positions(ofUnit unit: Int, slot: Int, in match: PlanCorpusMatch) -> [Int] {
        guard let range = corpusRange(unit, in: match) else { return [] }
        let excluded = exceptions[unit]?.excluded[slot]
        var positions: [Int] = []
        positions.reserveCapacity(range.count)
        for position in range where !match.isGold[position] {
            if let excluded, !excluded.isEmpty, excluded.contains(match.corpus.id(at: position)) { continue }
            positions.append(position)
        }
        return positions
    }

    /// The annotators of a unit (roster numbers).
    func holders(of unit: Int) -> ArraySlice<Int32> {
        holders[(unit * k)..<(unit * k + k)]
    }

    /// The gold items of `annotator`'s queue and where they go: before own item `slot`.
    private func goldSample(for annotator: String, own: Int, in match: PlanCorpusMatch)
        -> [(position: Int, slot: Int, order: Int)]
    {
        guard let gold = plan.gold else { return [] }
        let count = gold.count(besides: own)
        guard count > 0 else { return [] }
        var random = SplitMix64(seed: plan.seed ^ LabelingSetup.defaultSeed(for: annotator) ^ 0x6A09_E667_F3BC_C908)
        var order = Array(gold.items.indices)
        random.shuffle(&order)
        var sample: [(position: Int, slot: Int, order: Int)] = []
        for item in order {
            guard let position = match.corpus.position(of: gold.items[item].id) else { continue }
            sample.append((position, 0, sample.count))
            if sample.count == count { break }
        }
        // Item j goes at a random place of the j-th of `count` equal stretches of the queue.
        for j in sample.indices {
            let fraction = Double(random.next() >> 11) / Double(1 << 53)
            sample[j].slot = min(own, Int((Double(j) + fraction) * Double(own) / Double(sample.count)))
        }
        return sample
    }
}
