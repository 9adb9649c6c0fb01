import Synchronization

/// The decision table read against a project: its label set and, when the command has sources,
/// its corpus.
///
/// The one place that decides whether a current decision counts.
///
/// - A decision whose label is not in the label set (a label renamed or removed) does not count;
///   one warning per journal and label says how many there are and where the first is.
/// - With a corpus, a decision counts only when its sentence id is a sentence of the corpus and
///   its record still says what the corpus says there (doc, index, start, end, text; compared by
///   `RecordFingerprint`). Anything else is an orphan: counted and reported by the views that
///   report them (stats, export), never shown or exported as written.
///
/// Views (agreement ratings, review items, stats, export votes, the labeling session) walk
/// decisions through `forEachDecision`, so they all give the same verdict.
public struct DecisionView: Sendable {
    /// The corpus places of each lane's sentences, resolved on a lane's first walk.
    private let places = LanePlaces()
    public private(set) var table: DecisionTable
    public let labelSet: LabelSet
    public let corpus: Corpus?
    /// Per journal: label-set position of each of its label names, -1 when not in the set.
    public private(set) var labelMaps: [[Int16]]
    /// Decisions with labels outside the label set, one per journal and label.
    public let labelWarnings: [Diagnostic]

    public init(table: DecisionTable, labelSet: LabelSet, corpus: Corpus? = nil, store: (any JournalStore)? = nil) {
        self.table = table
        self.labelSet = labelSet
        self.corpus = corpus
        let maps = table.journals.map { journal in
            journal.labelNames.map { Int16(labelSet.index(of: $0) ?? -1) }
        }
        self.labelMaps = maps
        var warnings: [Diagnostic] = []
        for (index, journal) in table.journals.enumerated() where maps[index].contains(-1) {
            // Count, per unknown label, the decisions in force with it and the first one's place.
            var counts = [Int](repeating: 0, count: maps[index].count)
            var first = [RecordPosition?](repeating: nil, count: maps[index].count)
            for lane in [journal.votes, journal.adjudications] {
                for vote in lane.votes where vote.isDecision && maps[index][Int(vote.label)] < 0 {
                    counts[Int(vote.label)] += 1
                    if first[Int(vote.label)].map({ vote.position < $0 }) ?? true {
                        first[Int(vote.label)] = vote.position
                    }
                }
            }
            for label in counts.indices where counts[label] > 0 {
                let location =
                    first[label].map { store?.describe($0, of: journal.annotator) ?? "\(journal.annotator):\($0.line)" }
                    ?? journal.annotator
                let n = counts[label]
                warnings.append(
                    Diagnostic(
                        location: location,
                        message:
                            "label '\(journal.labelNames[label])' is not in the label set (\(labelSet.names.joined(separator: ", "))); "
                            + "\(n) current decision\(n == 1 ? "" : "s") with it \(n == 1 ? "is" : "are") not counted "
                            + "(add the label to labels.json, or relabel)"))
            }
        }
        self.labelWarnings = warnings
    }

    /// Applies records a session has just appended (their journal must be in the table already:
    /// `DecisionTable.ensureJournal`), keeping the label maps in step.
    public mutating func apply(_ records: [AnnotationRecord], at positions: [RecordPosition]) {
        table.apply(records, at: positions)
        for name in Set(records.map(\.annotator)) {
            guard let index = table.index(of: name) else { continue }
            let names = table.journals[index].labelNames
            if names.count != labelMaps[index].count {
                labelMaps[index] = names.map { Int16(labelSet.index(of: $0) ?? -1) }
            }
        }
    }

    /// A decision that counts.
    public struct Decision {
        /// The slot in its lane.
        public var slot: Int
        public var id: SentenceID
        public var vote: CurrentVote
        /// Its label's position in the label set.
        public var label: Int
        /// Its sentence's position in the corpus; nil when the view has no corpus.
        public var position: Int?
    }

    /// Calls `body` for every decision in force of one journal's lane that counts.
    ///
    /// With `orphans`, also calls that for every decision in force that does not count because
    /// the corpus lacks its sentence or disagrees with its record.
    public func forEachDecision(
        journal index: Int, adjudicated: Bool, _ body: (Decision) -> Void,
        orphans: (_ slot: Int, _ vote: CurrentVote) -> Void = { _, _ in }
    ) {
        let journal = table.journals[index]
        let lane = journal.lane(adjudicated: adjudicated)
        let map = labelMaps[index]
        let resolved = corpus.map { places.lane(journal.annotator, adjudicated: adjudicated, ids: lane.ids, in: $0) }
        lane.votes.withUnsafeBufferPointer { votes in
            for slot in votes.indices {
                let vote = votes[slot]
                guard vote.isDecision else { continue }
                let label = map[Int(vote.label)]
                guard label >= 0 else { continue }
                let id = lane.ids[slot]
                var position: Int?
                if let corpus, let resolved {
                    let found: Int?
                    let fingerprint: UInt64
                    if slot < resolved.positions.count {
                        let place = resolved.positions[slot]
                        found = place >= 0 ? Int(place) : nil
                        fingerprint = resolved.fingerprints[slot]
                    } else {
                        // A slot added since the lane was resolved (a session's new decision).
                        found = corpus.position(of: id)
                        fingerprint = found.map { corpus.fingerprint(at: $0) } ?? 0
                    }
                    guard let found, fingerprint == vote.fingerprint else {
                        orphans(slot, vote)
                        continue
                    }
                    position = found
                }
                body(Decision(slot: slot, id: id, vote: vote, label: Int(label), position: position))
            }
        }
    }

    /// The decision in force on `id` in one journal's lane, if it counts.
    public func decision(journal index: Int, adjudicated: Bool, id: SentenceID) -> Decision? {
        let lane = table.journals[index].lane(adjudicated: adjudicated)
        guard let slot = lane.slot(of: id) else { return nil }
        return decision(journal: index, adjudicated: adjudicated, slot: slot)
    }

    /// The decision in force in a slot of one journal's lane, if it counts.
    public func decision(journal index: Int, adjudicated: Bool, slot: Int) -> Decision? {
        let lane = table.journals[index].lane(adjudicated: adjudicated)
        let vote = lane.votes[slot]
        guard vote.isDecision else { return nil }
        let label = labelMaps[index][Int(vote.label)]
        guard label >= 0 else { return nil }
        let id = lane.ids[slot]
        var position: Int?
        if let corpus {
            guard let found = corpus.position(of: id), corpus.fingerprint(at: found) == vote.fingerprint else {
                return nil
            }
            position = found
        }
        return Decision(slot: slot, id: id, vote: vote, label: Int(label), position: position)
    }

    /// The votes (not adjudications) that do not count because the corpus lacks their sentence or
    /// disagrees with their record: their label-set labels by sentence id.
    ///
    /// Empty without a corpus.
    public func orphanedVotes(journals: [Int]? = nil) -> [SentenceID: [Int]] {
        guard corpus != nil else { return [:] }
        var found: [SentenceID: [Int]] = [:]
        for index in journals ?? Array(table.journals.indices) {
            let ids = table.journals[index].votes.ids
            forEachDecision(journal: index, adjudicated: false) { _ in
            } orphans: { slot, vote in
                if let label = label(vote.label, journal: index) { found[ids[slot], default: []].append(label) }
            }
        }
        return found
    }

    /// The label-set position of a label number of a journal, or nil when not in the set.
    public func label(_ journalLabel: Int32, journal index: Int) -> Int? {
        guard journalLabel >= 0 else { return nil }
        let label = labelMaps[index][Int(journalLabel)]
        return label >= 0 ? Int(label) : nil
    }
}

/// Per lane (annotator and kind), the corpus position of each slot's sentence (-1: not in the
/// corpus) and the corpus's fingerprint there.
///
/// A slot's id never changes and lanes only grow, so a resolution stays right for the slots it
/// covers; later slots are looked up one by one. Resolving a lane once, in tight loops, instead
/// of one lookup per decision in every view took warm `stats` over ten 1M-line journals from
/// 2.85 s to 2.24 s. A reference, so the view stays a value and its copies share it.
final class LanePlaces: @unchecked Sendable {
    struct Lane {
        let positions: [Int32]
        let fingerprints: [UInt64]
    }

    private let lanes = Mutex<[String: Lane]>([:])

    func lane(_ annotator: String, adjudicated: Bool, ids: [SentenceID], in corpus: Corpus) -> Lane {
        let key = (adjudicated ? "a:" : "v:") + annotator
        return lanes.withLock { lanes in
            if let lane = lanes[key] { return lane }
            let (positions, fingerprints) = corpus.places(of: ids)
            let lane = Lane(positions: positions, fingerprints: fingerprints)
            lanes[key] = lane
            return lane
        }
    }
}
