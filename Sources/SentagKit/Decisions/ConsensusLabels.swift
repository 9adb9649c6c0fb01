/// The store's consensus label of each sentence of the corpus: what the model trains on, what
/// `suggest` leaves out, what `check` cross-validates and what `:similar` calls agreed.
///
/// The rule (SPEC.md): an adjudication when there is one (the latest by `time` when several
/// adjudicators settled the sentence; on equal times, the later journal, as in `export`), else
/// the label that a strict majority of the votes that count give it (more than half of them: one
/// vote of one, two of three, but neither of a 1–1 tie nor of a 2–1–1 split). Whether a vote or an
/// adjudication counts is `DecisionView`'s verdict (`forEachDecision`), so a label outside the
/// label set or a record that no longer matches its sentence never makes a consensus.
///
/// Built once per command in one pass over the table (O(decisions)); `label(of:in:)` recomputes
/// one sentence in O(journals), which is what a session does after each decision.
public struct ConsensusLabels: Sendable {
    /// Where a consensus label comes from.
    public enum Origin: UInt8, Sendable {
        case none
        case adjudication
        case majority
    }

    /// Per corpus position: the label-set index of the consensus, -1 when there is none.
    public private(set) var labels: [Int16]
    /// Per corpus position: where its consensus comes from.
    public private(set) var origins: [Origin]
    /// Positions with a consensus label, ascending (corpus order).
    public private(set) var positions: [Int]
    /// Consensus labels per label, in label-set order.
    public private(set) var countsByLabel: [Int]
    /// Labels from adjudications (the rest are majorities).
    public private(set) var adjudicated: Int

    /// The consensus of every sentence of `view`'s corpus (empty without a corpus).
    public init(view: DecisionView) {
        let count = view.corpus?.count ?? 0
        let labelCount = view.labelSet.count
        var adjudication = [Int16](repeating: -1, count: count)
        var adjudicationTime = [Int64](repeating: Int64.min, count: count)
        var votes = [UInt16](repeating: 0, count: count * labelCount)
        var totals = [UInt16](repeating: 0, count: count)
        for journal in view.table.journals.indices {
            view.forEachDecision(journal: journal, adjudicated: true) { decision in
                guard let position = decision.position else { return }
                if decision.vote.time >= adjudicationTime[position] {
                    adjudicationTime[position] = decision.vote.time
                    adjudication[position] = Int16(decision.label)
                }
            }
            view.forEachDecision(journal: journal, adjudicated: false) { decision in
                guard let position = decision.position else { return }
                votes[position * labelCount + decision.label] &+= 1
                totals[position] &+= 1
            }
        }
        labels = [Int16](repeating: -1, count: count)
        origins = [Origin](repeating: .none, count: count)
        positions = []
        countsByLabel = [Int](repeating: 0, count: labelCount)
        adjudicated = 0
        for position in 0..<count {
            var label = -1
            if adjudication[position] >= 0 {
                label = Int(adjudication[position])
                origins[position] = .adjudication
                adjudicated += 1
            } else if totals[position] > 0 {
                for k in 0..<labelCount where Int(votes[position * labelCount + k]) * 2 > Int(totals[position]) {
                    label = k
                    origins[position] = .majority
                }
            }
            guard label >= 0 else { continue }
            labels[position] = Int16(label)
            positions.append(position)
            countsByLabel[label] += 1
        }
    }

    /// The consensus label at a corpus position, or nil.
    public func label(at position: Int) -> Int? {
        let label = labels[position]
        return label < 0 ? nil : Int(label)
    }

    /// Sentences with a consensus label.
    public var count: Int { positions.count }

    /// Consensus labels per label name, for `SuggestionReadiness`.
    public func counts(labelSet: LabelSet) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (name, count) in zip(labelSet.names, countsByLabel) { counts[name] = count }
        return counts
    }

    /// The consensus of one sentence of `view`, by the same rule, in O(journals).
    public static func label(of id: SentenceID, in view: DecisionView) -> Int? {
        var adjudication: (label: Int, time: Int64)?
        var votes = [Int](repeating: 0, count: view.labelSet.count)
        var total = 0
        for journal in view.table.journals.indices {
            if let decision = view.decision(journal: journal, adjudicated: true, id: id),
                decision.vote.time >= (adjudication?.time ?? Int64.min)
            {
                adjudication = (decision.label, decision.vote.time)
            }
            if let decision = view.decision(journal: journal, adjudicated: false, id: id) {
                votes[decision.label] += 1
                total += 1
            }
        }
        if let adjudication { return adjudication.label }
        return votes.indices.first { votes[$0] * 2 > total }
    }
}
