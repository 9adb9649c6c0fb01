/// The sentences a session offers, in the order it offers them, as corpus positions.
///
/// Made when the session starts (and only ever grown at its end, by work a store hands out
/// during the session); the session walks it with a cursor and skips what was decided on the
/// way, so drawing the next sentence is amortized O(1). `sentag label` builds one with
/// `labeling(…)`; another command (review) passes its own positions.
public struct SessionQueue: Sendable {
    public private(set) var positions: [Int]
    /// Per corpus position, its slot in `positions`; -1 when it is not in the queue.
    private var slots: [Int32]

    public init(positions: [Int], corpusCount: Int) {
        var slots = [Int32](repeating: -1, count: corpusCount)
        for (slot, position) in positions.enumerated() where slots[position] < 0 {
            slots[position] = Int32(slot)
        }
        self.positions = positions
        self.slots = slots
    }

    public var count: Int { positions.count }

    /// Adds the positions the queue does not hold yet at its end, in the order given; returns
    /// those added.
    @discardableResult
    public mutating func append(_ more: [Int]) -> [Int] {
        var added: [Int] = []
        for position in more where position >= 0 && position < slots.count && slots[position] < 0 {
            slots[position] = Int32(positions.count)
            positions.append(position)
            added.append(position)
        }
        return added
    }

    /// The slot of a position, or nil when the queue does not hold it.
    public func slot(of position: Int) -> Int? {
        let slot = slots[position]
        return slot < 0 ? nil : Int(slot)
    }

    /// The order sentences come in.
    public enum Order: String, Sendable, CaseIterable {
        /// Document by document, sentence by sentence.
        case document
        /// Every sentence in a shuffled order, the same for the same seed.
        case shuffle
        /// The sentences the model is least sure of first (margin between its two most probable
        /// labels; `LabelingSetup` ranks them, in document order until the model may suggest).
        case uncertain
    }

    /// Which sentences the queue holds.
    public enum Filter: String, Sendable, CaseIterable {
        /// Those without a current decision: resume where the annotator stopped.
        case unlabeled
        case all
        /// Those whose current decision is marked unsure.
        case flagged
    }

    /// The same sentences in another order: `order` lists this queue's slots, each once (how
    /// `--order uncertain` ranks a queue).
    public func reordered(_ order: [Int]) -> SessionQueue {
        SessionQueue(positions: order.map { positions[$0] }, corpusCount: slots.count)
    }

    /// The queue of `sentag label`: every sentence of the corpus (or, under a plan, the
    /// annotator's share in its order, `within`), filtered, in order.
    ///
    /// A shuffle permutes the whole list before filtering, so resuming with the same seed
    /// continues the same sequence.
    public static func labeling(
        corpusCount: Int, ledger: DecisionLedger, order: Order, seed: UInt64, filter: Filter, within: [Int]? = nil
    ) -> SessionQueue {
        var all = within ?? Array(0..<corpusCount)
        if order == .shuffle {
            var generator = SplitMix64(seed: seed)
            generator.shuffle(&all)
        }
        let kept: [Int]
        switch filter {
        case .all: kept = all
        case .unlabeled: kept = all.filter { ledger.label(at: $0) == nil }
        case .flagged: kept = all.filter { ledger.isFlagged($0) }
        }
        return SessionQueue(positions: kept, corpusCount: corpusCount)
    }
}
