/// What `u` undoes, in a lane of one journal: the decisions still in force, newest on top, each
/// with the state it replaced, so undo restores the earlier label instead of erasing.
///
/// Replaying a journal rebuilds it (a decision pushes; a record written by undo, or a
/// retraction, pops), so undo works the same after a restart. A run (`n 3`) is one group: its
/// records after the first carry `"run": true` and are undone together.
///
/// Entries are (slot, serial); a slot's newest serial is its live entry, and an entry whose slot
/// has moved on (a retraction that did not come from the top) is stale and skipped. Every
/// operation is amortized O(1). Only the newest `limit` entries are kept: undoing further back
/// than that is not something an annotator does, and the history must not grow with the journal.
struct UndoHistory: Sendable {
    struct Entry: Sendable {
        var slot: Int32
        var serial: Int32
        /// The slot's live serial before this entry, restored when it is popped.
        var previousSerial: Int32
        /// Part of the same step as the entry below it.
        var joinsPrevious: Bool
        var previous: CurrentVote
        var previousNote: String?
    }

    static let limit = 10_000

    private(set) var entries: [Entry] = []
    /// Per slot, the serial of its live entry; 0 when none.
    private(set) var liveSerial: [Int32] = []
    private(set) var nextSerial: Int32 = 1

    init() {}

    init(entries: [Entry], liveSerial: [Int32], nextSerial: Int32) {
        self.entries = entries
        self.liveSerial = liveSerial
        self.nextSerial = nextSerial
    }

    mutating func addSlot() { liveSerial.append(0) }

    /// A decision on `slot` replaced `previous`.
    mutating func push(slot: Int, previous: CurrentVote, previousNote: String?, joinsPrevious: Bool) {
        let serial = nextSerial
        nextSerial &+= 1
        entries.append(
            Entry(
                slot: Int32(slot), serial: serial, previousSerial: liveSerial[slot], joinsPrevious: joinsPrevious,
                previous: previous, previousNote: previousNote))
        liveSerial[slot] = serial
        if entries.count > 2 * Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }

    /// An undo (or a retraction) of `slot`: pops its entry when it is on top; otherwise the
    /// slot's entries go stale.
    mutating func undo(slot: Int) {
        if let top = entries.last, Int(top.slot) == slot, top.serial == liveSerial[slot] {
            entries.removeLast()
            liveSerial[slot] = top.previousSerial
        } else {
            liveSerial[slot] = nextSerial
            nextSerial &+= 1
        }
        dropStale()
    }

    private func isLive(_ entry: Entry) -> Bool { liveSerial[Int(entry.slot)] == entry.serial }

    private mutating func dropStale() {
        while let top = entries.last, !isLive(top) { entries.removeLast() }
    }

    /// The step `u` would undo now, newest first: one entry, or a whole run.
    func lastStep() -> [Entry] {
        var step: [Entry] = []
        var i = entries.count - 1
        while i >= 0 {
            let entry = entries[i]
            i -= 1
            guard isLive(entry) else { continue }
            step.append(entry)
            if !entry.joinsPrevious { break }
        }
        return step
    }
}
