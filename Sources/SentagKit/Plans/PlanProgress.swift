import Dispatch

/// What the decisions say about a plan's sentences: per roster annotator, which corpus
/// positions they have a decision on that counts, and per position how many votes count.
///
/// A view of the decision table (`DecisionView.forEachDecision`, the one rule for what counts),
/// built once per command; plan status and rebalancing read it, never the journals.
public struct PlanProgress: Sendable {
    /// Per roster annotator: a bit per corpus position (64 to a word); empty for someone
    /// without a journal.
    let decided: [[UInt64]]
    /// Per corpus position: the current votes that count, every journal together.
    public let votes: [UInt16]
    /// Per roster annotator: the time of their latest labeling record, if any.
    public let lastLabeled: [Timestamp?]

    /// The progress of `roster` in `view`, which must have a corpus.
    ///
    /// The journals are walked on every processor, one at a time each (the lookups of their
    /// decisions in the corpus are most of the cost), then their bits are added up per
    /// position.
    public init(view: DecisionView, roster: [String]) {
        let count = view.corpus?.count ?? 0
        let words = (count + 63) / 64
        let journals = view.table.journals
        var bitsets = [[UInt64]](repeating: [], count: journals.count)
        let workers = max(1, min(journals.count, ProcessorCount.active))
        bitsets.withUnsafeMutableBufferPointer { buffer in
            let slots = BitsetSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < journals.count {
                    var flags = [UInt64](repeating: 0, count: words)
                    view.forEachDecision(journal: index, adjudicated: false) { decision in
                        guard let position = decision.position else { return }
                        flags[position >> 6] |= 1 << UInt64(position & 63)
                    }
                    slots.buffer[index] = flags
                    index += workers
                }
            }
        }
        var votes = [UInt16](repeating: 0, count: count)
        for flags in bitsets {
            for (word, bits) in flags.enumerated() where bits != 0 {
                var rest = bits
                while rest != 0 {
                    votes[word << 6 | rest.trailingZeroBitCount] &+= 1
                    rest &= rest - 1
                }
            }
        }
        var decided = [[UInt64]](repeating: [], count: roster.count)
        var last = [Timestamp?](repeating: nil, count: roster.count)
        var rosterNumber: [String: Int] = [:]
        for (number, name) in roster.enumerated() { rosterNumber[name] = number }
        for (index, journal) in journals.enumerated() {
            guard let number = rosterNumber[journal.annotator] else { continue }
            decided[number] = bitsets[index]
            last[number] = journal.summary.lastTime.map(Timestamp.init(millisecondsSince1970:))
        }
        self.decided = decided
        self.votes = votes
        self.lastLabeled = last
    }

    /// Whether roster annotator `number` has a decision on `position`.
    ///
    /// How many of `positions` roster annotator `number` has decided.
    public func countDecided(_ number: Int, among positions: [Int]) -> Int {
        let flags = decided[number]
        guard !flags.isEmpty else { return 0 }
        var count = 0
        flags.withUnsafeBufferPointer { words in
            for position in positions where words[position >> 6] & (1 << UInt64(position & 63)) != 0 { count += 1 }
        }
        return count
    }

    @inline(__always)
    public func hasDecided(_ number: Int, _ position: Int) -> Bool {
        let flags = decided[number]
        return !flags.isEmpty && flags[position >> 6] & (1 << UInt64(position & 63)) != 0
    }
}

/// Per-journal result slots the walking threads fill; each index is written by exactly one thread.
private struct BitsetSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[UInt64]>
}
