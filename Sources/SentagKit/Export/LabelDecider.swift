/// Applies an `ExportPolicy`, `--min-votes` and `--drop` to one item's votes.
///
/// Labels are positions in the label set; a vote of -1 is "no current decision" from that
/// annotator. Pure and allocation-free on the hot path (`decide(votes:adjudication:counts:)`),
/// so it runs once per sentence id over a million-line export.
public struct LabelDecider: Sendable {
    /// The outcome for one item.
    public enum Decision: Equatable, Sendable {
        /// Exported with this label; `adjudicated` when the adjudication gave it.
        case keep(label: Int, adjudicated: Bool)
        case leaveOut(LeftOutReason)
    }

    public let policy: ExportPolicy
    public let minVotes: Int
    /// `dropped[label]`: the label is left out of the dataset.
    public let dropped: [Bool]
    /// For `annotator:NAME`, the column of that annotator in the vote rows.
    public let annotatorColumn: Int?
    public let labelCount: Int

    /// A decider for `policy` with its options.
    ///
    /// - Parameters:
    ///   - policy: how the votes and the adjudication of an item choose its label.
    ///   - minVotes: the fewest current votes an item needs (`--min-votes`).
    ///   - labelCount: the size of the label set.
    ///   - droppedLabels: positions in the label set.
    ///   - annotatorColumn: required for `.annotator`, ignored otherwise.
    public init(
        policy: ExportPolicy, minVotes: Int = 1, labelCount: Int, droppedLabels: Set<Int> = [],
        annotatorColumn: Int? = nil
    ) {
        self.policy = policy
        self.minVotes = minVotes
        self.labelCount = labelCount
        self.dropped = (0..<labelCount).map { droppedLabels.contains($0) }
        self.annotatorColumn = annotatorColumn
    }

    /// Convenience for tests and small inputs: `votes` per annotator column (nil = no vote).
    public func decide(votes: [Int?], adjudication: Int?) -> Decision {
        var counts = [Int32](repeating: 0, count: labelCount)
        let row = votes.map { Int32($0 ?? -1) }
        return row.withUnsafeBufferPointer {
            decide(votes: $0, adjudication: Int32(adjudication ?? -1), counts: &counts)
        }
    }

    /// Decides one item.
    ///
    /// `votes` holds one label (or -1) per annotator column; `adjudication` is a label or -1;
    /// `counts` is scratch space of `labelCount` zeros, left zeroed on return.
    public func decide(votes: UnsafeBufferPointer<Int32>, adjudication: Int32, counts: inout [Int32]) -> Decision {
        var voteCount = 0
        for vote in votes where vote >= 0 { voteCount += 1 }
        let settled = policy == .adjudicatedMajority && adjudication >= 0
        if !settled {
            if voteCount == 0 { return .leaveOut(.noVotes) }
            if voteCount < minVotes { return .leaveOut(.belowMinVotes) }
        }

        let label: Int
        switch policy {
        case .adjudicatedMajority where settled:
            return finish(Int(adjudication), adjudicated: true)
        case .adjudicatedMajority, .majority:
            guard let winner = plurality(votes, counts: &counts) else { return .leaveOut(.tie) }
            label = winner
        case .unanimous:
            var first: Int32 = -1
            for vote in votes where vote >= 0 {
                if first < 0 { first = vote } else if vote != first { return .leaveOut(.notUnanimous) }
            }
            label = Int(first)
        case .annotator:
            guard let column = annotatorColumn, column < votes.count, votes[column] >= 0 else {
                return .leaveOut(.notLabeledByAnnotator)
            }
            label = Int(votes[column])
        }
        return finish(label, adjudicated: false)
    }

    @inline(__always)
    private func finish(_ label: Int, adjudicated: Bool) -> Decision {
        dropped[label] ? .leaveOut(.droppedLabel) : .keep(label: label, adjudicated: adjudicated)
    }

    /// The label with strictly more votes than any other, or nil on a tie.
    @inline(__always)
    private func plurality(_ votes: UnsafeBufferPointer<Int32>, counts: inout [Int32]) -> Int? {
        var best: Int32 = -1
        var bestCount: Int32 = 0
        var tied = false
        for vote in votes where vote >= 0 {
            counts[Int(vote)] += 1
            let count = counts[Int(vote)]
            if vote == best {
                bestCount = count
                tied = false
            } else if count > bestCount {
                best = vote
                bestCount = count
                tied = false
            } else if count == bestCount {
                tied = true
            }
        }
        for vote in votes where vote >= 0 { counts[Int(vote)] = 0 }
        return tied ? nil : Int(best)
    }
}
