import Synchronization

/// One kind of decision in one journal: an annotator's votes, or an adjudicator's
/// adjudications.
///
/// Per sentence id, the current decision (or none), its note, and the undo history.
///
/// Slots are dense and never removed (a retracted decision keeps its slot with no label), so
/// views walk `ids` and `votes` side by side. Lookups by id are O(1); the table behind them is
/// built on first use (`SlotIndex`), so a lane read from a checkpoint by a report, which only
/// walks the slots, never pays for it.
public struct DecisionLane: Sendable {
    private var index: SlotIndex
    /// The sentence id of each slot.
    public private(set) var ids: [SentenceID]
    /// The current decision of each slot (`label` -1: none).
    public private(set) var votes: [CurrentVote]
    /// Notes of the current decisions, by slot.
    private(set) var notes: [Int32: String]
    private(set) var undo: UndoHistory

    public init() {
        index = SlotIndex()
        ids = []
        votes = []
        notes = [:]
        undo = UndoHistory()
    }

    init(ids: [SentenceID], votes: [CurrentVote], notes: [Int32: String], undo: UndoHistory) {
        self.index = SlotIndex()
        self.ids = ids
        self.votes = votes
        self.notes = notes
        self.undo = undo
    }

    /// Slots, decided or not.
    public var count: Int { ids.count }

    public func slot(of id: SentenceID) -> Int? { index.table(for: ids).row(of: id).map(Int.init) }

    /// Builds the id index now (a session does it for its own lane while the corpus loads, so
    /// its first decision does not wait for it).
    public func prepareIndex() { _ = index.table(for: ids) }

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

    /// Starts loading the table entry of `id` from memory, for an `apply` soon after.
    ///
    /// Reading a journal longer than the cache, each lookup is a cache miss (95 % of `apply`'s
    /// time at 1M ids); touching the next block's entries first lets those misses overlap.
    func touch(_ id: SentenceID) { index.touch(id) }

    /// The step `u` would undo now, newest first: the slot, and the decision (and note) it
    /// replaced.
    public func lastStep() -> [(id: SentenceID, previous: CurrentVote, previousNote: String?)] {
        undo.lastStep().map { (ids[Int($0.slot)], $0.previous, undo.previousNote(of: $0)) }
    }

    /// The rule for one record, and the only place a current decision changes: the record's
    /// content becomes the current decision; a decision pushes what it replaced on the undo
    /// history, an undo or a retraction pops it.
    mutating func apply(id: SentenceID, vote: CurrentVote, note newNote: String?, isUndo: Bool, joinsPrevious: Bool) {
        if !isKnownUniquelyReferenced(&index) { index = index.copy() }
        let (found, inserted) = index.row(for: id, ids: ids)
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

/// The id → slot table of a lane, built from the lane's ids when first needed and kept; a
/// reference so that lanes stay values (copied on write by `DecisionLane.apply`).
///
/// Lookups from a shared lane take the lock (two threads reading one lane build it once);
/// `row(for:ids:)` is called only by the lane's unique owner while it applies a record, with
/// no other reference to this instance, so it goes without (a lock per journal line was 3 % of
/// reading one).
final class SlotIndex: @unchecked Sendable {
    private var table: SentenceIDTable?
    private let lock = Mutex<Void>(())

    init(table: SentenceIDTable? = nil) {
        self.table = table
    }

    func copy() -> SlotIndex { lock.withLock { _ in SlotIndex(table: table) } }

    /// The table for `ids` (built now if it was not yet).
    func table(for ids: [SentenceID]) -> SentenceIDTable {
        lock.withLock { _ in
            if let table { return table }
            let built = Self.build(ids)
            table = built
            return built
        }
    }

    /// The slot of `id`, inserting it as the next slot (`ids.count`) when new.
    ///
    /// Only for the unique owner of this instance.
    func row(for id: SentenceID, ids: [SentenceID]) -> (row: Int32, inserted: Bool) {
        if table == nil { _ = self.table(for: ids) }
        // Through the optional, so the table is changed in place, not copied.
        guard let found = table?.row(for: id) else { preconditionFailure("the table was built just above") }
        return found
    }

    /// Loads the entry where a lookup of `id` starts (nothing when the table is not built yet).
    ///
    /// Only for the unique owner of this instance, as `row(for:ids:)`.
    func touch(_ id: SentenceID) { table?.touch(id) }

    private static func build(_ ids: [SentenceID]) -> SentenceIDTable {
        var built = SentenceIDTable(capacity: ids.count)
        for (slot, id) in ids.enumerated() { built.insert(id, row: Int32(slot)) }
        return built
    }
}
