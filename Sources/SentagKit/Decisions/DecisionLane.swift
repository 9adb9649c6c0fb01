/// One kind of decision in one journal: an annotator's votes, or an adjudicator's
/// adjudications. Per sentence id, the current decision (or none), its note, and the undo
/// history.
///
/// Slots are dense and never removed (a retracted decision keeps its slot with no label), so
/// views walk `ids` and `votes` side by side. Lookups by id are O(1).
public struct DecisionLane: Sendable {
    private var slotOfID: SentenceIDTable
    /// The sentence id of each slot.
    public private(set) var ids: [SentenceID]
    /// The current decision of each slot (`label` -1: none).
    public private(set) var votes: [CurrentVote]
    /// Notes of the current decisions, by slot.
    private(set) var notes: [Int32: String]
    private(set) var undo: UndoHistory

    public init() {
        slotOfID = SentenceIDTable(capacity: 16)
        ids = []
        votes = []
        notes = [:]
        undo = UndoHistory()
    }

    init(ids: [SentenceID], votes: [CurrentVote], notes: [Int32: String], undo: UndoHistory) {
        var table = SentenceIDTable(capacity: ids.count)
        for (slot, id) in ids.enumerated() { table.insert(id, row: Int32(slot)) }
        self.slotOfID = table
        self.ids = ids
        self.votes = votes
        self.notes = notes
        self.undo = undo
    }

    /// Slots, decided or not.
    public var count: Int { ids.count }

    public func slot(of id: SentenceID) -> Int? { slotOfID.row(of: id).map(Int.init) }

    /// The current decision on `id`; nil when there is none.
    public func vote(of id: SentenceID) -> CurrentVote? {
        guard let slot = slot(of: id) else { return nil }
        let vote = votes[slot]
        return vote.isDecision ? vote : nil
    }

    /// The note of the current decision in `slot`.
    public func note(slot: Int) -> String? { votes[slot].hasNote ? notes[Int32(slot)] : nil }

    public func note(of id: SentenceID) -> String? { slot(of: id).flatMap { note(slot: $0) } }

    /// Decisions in force (slots with a label).
    public var decisionCount: Int {
        var count = 0
        for vote in votes where vote.isDecision { count += 1 }
        return count
    }

    /// The step `u` would undo now, newest first: the slot, and the decision (and note) it
    /// replaced.
    public func lastStep() -> [(id: SentenceID, previous: CurrentVote, previousNote: String?)] {
        undo.lastStep().map { (ids[Int($0.slot)], $0.previous, undo.previousNote(of: $0)) }
    }

    /// The rule for one record, and the only place a current decision changes: the record's
    /// content becomes the current decision; a decision pushes what it replaced on the undo
    /// history, an undo or a retraction pops it.
    mutating func apply(id: SentenceID, vote: CurrentVote, note newNote: String?, isUndo: Bool, joinsPrevious: Bool) {
        let (found, inserted) = slotOfID.row(for: id)
        let slot = Int(found)
        if inserted {
            ids.append(id)
            votes.append(.none)
            undo.addSlot()
        }
        if isUndo || !vote.isDecision {
            undo.undo(slot: slot)
        } else {
            undo.push(slot: slot, previous: votes[slot], previousNote: note(slot: slot), joinsPrevious: joinsPrevious)
        }
        var stored = vote
        stored.hasNote = newNote != nil
        votes[slot] = stored
        if let newNote {
            notes[Int32(slot)] = newNote
        } else if !notes.isEmpty {
            notes[Int32(slot)] = nil
        }
    }
}
