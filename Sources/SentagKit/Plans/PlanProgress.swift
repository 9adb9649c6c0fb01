/// What the decisions say about a plan's sentences: per roster annotator, which corpus
/// positions they have a decision on that counts, and per position how many votes count.
///
/// A view of the decision table (`DecisionView.forEachDecision`, the one rule for what counts),
/// built once per command; plan status and rebalancing read it, never the journals.
public struct PlanProgress: Sendable {
    /// Per roster annotator: a flag per corpus position; empty for someone without a journal.
    public let decided: [[Bool]]
    /// Per corpus position: the current votes that count, every journal together.
    public let votes: [UInt16]
    /// Per roster annotator: the time of their latest labeling record, if any.
    public let lastLabeled: [Timestamp?]

    /// The progress of `roster` in `view`, which must have a corpus.
    public init(view: DecisionView, roster: [String]) {
        let count = view.corpus?.count ?? 0
        var decided = [[Bool]](repeating: [], count: roster.count)
        var votes = [UInt16](repeating: 0, count: count)
        var last = [Timestamp?](repeating: nil, count: roster.count)
        var rosterNumber: [String: Int] = [:]
        for (number, name) in roster.enumerated() { rosterNumber[name] = number }
        for (index, journal) in view.table.journals.enumerated() {
            let number = rosterNumber[journal.annotator]
            var flags = number == nil ? [] : [Bool](repeating: false, count: count)
            view.forEachDecision(journal: index, adjudicated: false) { decision in
                guard let position = decision.position else { return }
                votes[position] &+= 1
                if number != nil { flags[position] = true }
            }
            if let number {
                decided[number] = flags
                last[number] = journal.summary.lastTime.map(Timestamp.init(millisecondsSince1970:))
            }
        }
        self.decided = decided
        self.votes = votes
        self.lastLabeled = last
    }

    /// Whether roster annotator `number` has a decision on `position`.
    public func hasDecided(_ number: Int, _ position: Int) -> Bool {
        let flags = decided[number]
        return !flags.isEmpty && flags[position]
    }
}
