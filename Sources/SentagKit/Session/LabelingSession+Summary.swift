extension LabelingSession {
    /// The position of the latest decision in force in the session's lane (by its place in the
    /// journal), if any counts on a sentence of the corpus.
    ///
    /// O(decisions), once at the start.
    func latestDecision() -> Int? {
        // The newest record in force first, without joining every decision with the corpus.
        let lane = decisions.table.journals[journal].lane(adjudicated: adjudicated)
        var newest: Int?
        for slot in lane.votes.indices where lane.votes[slot].isDecision {
            if newest.map({ lane.votes[$0].position < lane.votes[slot].position }) ?? true { newest = slot }
        }
        if let newest, let decision = decisions.decision(journal: journal, adjudicated: adjudicated, slot: newest),
            let position = decision.position
        {
            return position
        }
        // It does not count (an orphan, a label out of the set): the newest of those that do.
        var latest: (position: Int, record: RecordPosition)?
        decisions.forEachDecision(journal: journal, adjudicated: adjudicated) { decision in
            guard let position = decision.position else { return }
            if latest.map({ $0.record < decision.vote.position }) ?? true {
                latest = (position, decision.vote.position)
            }
        }
        return latest?.position
    }

    /// Decisions per label, sentences without one and flagged ones, over the sentences of one
    /// document in scope.
    func summary(ofDocument document: Int) -> DocumentSummary {
        var counts = [Int](repeating: 0, count: labelSet.count)
        var undecided = 0
        var flagged = 0
        for position in corpus.documentRanges[document] where ledger.inScope(position) {
            if let label = ledger.label(at: position) {
                counts[label] += 1
                if ledger.isFlagged(position) { flagged += 1 }
            } else {
                undecided += 1
            }
        }
        return DocumentSummary(
            document: corpus.documents[document].id, labels: labelSet.names, counts: counts, undecided: undecided,
            flagged: flagged)
    }

    /// `:stats`, and what the closing lines say when the session ends.
    public func stats(at time: Timestamp) -> SessionStats {
        var stats = SessionStats(
            labels: labelSet.names, counts: ledger.countsByLabel, countsThisSession: countsThisSession,
            decided: ledger.decidedInScope, total: ledger.scopeCount, decisionsThisSession: decisionsThisSession,
            elapsedMilliseconds: max(time.millisecondsSince1970 - startedAt.millisecondsSince1970, 0))
        stats.skipped = skipped.filter { ledger.label(at: $0) == nil }.map { place(of: $0) }
        stats.flaggedThisSession = ownRecords.keys.filter { isOwnDecision($0) && ledger.isFlagged($0) }.count
        stats.unsaved = pending.keys.sorted().compactMap { position in
            guard ledger.label(at: position) == nil, let mark = pending[position] else { return nil }
            let kept = [mark.note.map { _ in "note" }, mark.flag == true ? "flag" : nil].compactMap { $0 }
            return kept.isEmpty ? nil : "the \(kept.joined(separator: " and ")) on \(place(of: position))"
        }
        return stats
    }
}
