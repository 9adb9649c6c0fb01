/// What `u` undoes, in a lane of one journal: the decisions still in force, newest on top, each
/// with the state it replaced, so undo restores the earlier label instead of erasing.
///
/// Replaying a journal rebuilds it (a decision pushes; a record written by undo, or a
/// retraction, pops), so undo works the same after a restart. A run (`n 3`) is one group: its
/// records after the first carry `"run": true` and are undone together.
///
/// Entries are (slot, serial); a slot's newest serial is its live entry, and an entry whose slot
/// has moved on (a retraction that did not come from the top) is stale and skipped. Only the
/// newest `limit` entries are kept, in a ring: undoing further back than that is not something
/// an annotator does, and the history must not grow with the journal. Entries are plain values
/// (the replaced notes are kept apart, by serial), so replaying ten million lines pushes and
/// drops them at memory speed. Every operation is amortized O(1).
struct UndoHistory: Sendable {
    struct Entry: Sendable, BitwiseCopyable {
        var slot: Int32
        var serial: Int32
        /// The slot's live serial before this entry, restored when it is popped.
        var previousSerial: Int32
        /// Part of the same step as the entry below it.
        var joinsPrevious: Bool
        var previous: CurrentVote
    }

    static let limit = 10_000

    /// A ring of at most `limit` entries; `start` is the oldest, `count` how many.
    private var ring: [Entry] = []
    private var start = 0
    private(set) var count = 0
    /// The notes of the replaced decisions that had one, by the entry's serial.
    private(set) var previousNotes: [Int32: String] = [:]
    /// Per slot, the serial of its live entry; 0 when none.
    private(set) var liveSerial: [Int32] = []
    private(set) var nextSerial: Int32 = 1

    init() {}

    /// A history holding `entries` (oldest first) and the notes of some of them by serial.
    init(entries: [Entry], previousNotes: [Int32: String], liveSerial: [Int32], nextSerial: Int32) {
        ring = Array(entries.suffix(Self.limit))
        count = ring.count
        let kept = Set(ring.map(\.serial))
        self.previousNotes = previousNotes.filter { kept.contains($0.key) }
        self.liveSerial = liveSerial
        self.nextSerial = nextSerial
    }

    /// The entries, oldest first.
    var entries: [Entry] { (0..<count).map { ring[(start + $0) % ring.count] } }

    func previousNote(of entry: Entry) -> String? { previousNotes[entry.serial] }

    mutating func addSlot() { liveSerial.append(0) }

    @inline(__always)
    private func entry(_ i: Int) -> Entry { ring[(start + i) % ring.count] }

    /// A decision on `slot` replaced `previous` (and its note).
    mutating func push(slot: Int, previous: CurrentVote, previousNote: String?, joinsPrevious: Bool) {
        let serial = nextSerial
        nextSerial &+= 1
        let new = Entry(
            slot: Int32(slot), serial: serial, previousSerial: liveSerial[slot], joinsPrevious: joinsPrevious,
            previous: previous)
        if count < ring.count {
            // Room left by popped entries.
            ring[(start + count) % ring.count] = new
            count += 1
        } else if ring.count < Self.limit {
            // Still growing: the ring has not wrapped (start is 0).
            ring.append(new)
            count += 1
        } else {
            // Full: the oldest entry goes.
            if !previousNotes.isEmpty { previousNotes[ring[start].serial] = nil }
            ring[start] = new
            start = (start + 1) % ring.count
        }
        if let previousNote { previousNotes[serial] = previousNote }
        liveSerial[slot] = serial
    }

    /// An undo (or a retraction) of `slot`: pops its entry when it is on top; otherwise the
    /// slot's entries go stale.
    mutating func undo(slot: Int) {
        if count > 0, case let top = entry(count - 1), Int(top.slot) == slot, top.serial == liveSerial[slot] {
            removeTop()
            liveSerial[slot] = top.previousSerial
        } else {
            liveSerial[slot] = nextSerial
            nextSerial &+= 1
        }
        while count > 0, !isLive(entry(count - 1)) { removeTop() }
    }

    private mutating func removeTop() {
        if !previousNotes.isEmpty { previousNotes[entry(count - 1).serial] = nil }
        count -= 1
    }

    private func isLive(_ entry: Entry) -> Bool { liveSerial[Int(entry.slot)] == entry.serial }

    /// The step `u` would undo now, newest first: one entry, or a whole run.
    func lastStep() -> [Entry] {
        var step: [Entry] = []
        var i = count - 1
        while i >= 0 {
            let entry = self.entry(i)
            i -= 1
            guard isLive(entry) else { continue }
            step.append(entry)
            if !entry.joinsPrevious { break }
        }
        return step
    }
}
