/// One annotator's current decisions on the sentences of a corpus, and the undo history.
///
/// Built once from the annotator's own label file (`LabelFileIndex`), then updated in memory
/// as the session appends records, so nothing in a session re-reads the file. Every update is
/// O(1); the arrays are indexed by corpus position.
///
/// Notes of decisions made before the session are not loaded up front (a label file can hold a
/// million lines); `existingNote(at:)` reads the one record back from the file when a decision
/// is amended or relabeled.
public struct DecisionLedger: Sendable {
    /// Label index per corpus position; -1 when the sentence has no current decision.
    private var labels: [Int16]
    private var flags: [Bool]
    /// Notes known without reading the file: those written in this session (nil value = none).
    private var knownNotes: [Int: String?] = [:]
    /// Per position, the entry of `index` holding its current decision when it came from the
    /// file; -1 otherwise.
    private var fileEntries: [Int32]
    private var index: LabelFileIndex?
    /// Decisions per label, over the positions in scope.
    public private(set) var countsByLabel: [Int]
    /// Positions in scope with a current decision.
    public private(set) var decidedInScope = 0
    private let scope: ProgressScope
    public private(set) var undo: UndoHistory
    /// Lines of the file whose label is not in the label set (the sentence counts as undecided).
    public private(set) var unknownLabelWarnings: [LabelFileWarning] = []

    /// Which positions progress counts: every sentence of the corpus, or a review queue.
    public enum ProgressScope: Sendable {
        case corpus(count: Int)
        case positions(Set<Int>)

        public var count: Int {
            switch self {
            case .corpus(let count): count
            case .positions(let set): set.count
            }
        }

        public func contains(_ position: Int) -> Bool {
            switch self {
            case .corpus(let count): position >= 0 && position < count
            case .positions(let set): set.contains(position)
            }
        }
    }

    /// An empty ledger: nobody decided anything yet.
    public init(corpusCount: Int, labelCount: Int, scope: ProgressScope? = nil) {
        labels = Array(repeating: -1, count: corpusCount)
        flags = Array(repeating: false, count: corpusCount)
        fileEntries = Array(repeating: -1, count: corpusCount)
        countsByLabel = Array(repeating: 0, count: labelCount)
        self.scope = scope ?? .corpus(count: corpusCount)
        undo = UndoHistory(count: corpusCount)
        index = nil
    }

    /// Replays a label file in order: decisions, re-decisions and retractions, so the current
    /// decision and the undo history are what they were when the file was last written.
    ///
    /// - Parameters:
    ///   - adjudicated: replay only adjudication lines (`sentag review`) or only the others.
    public init(
        index: LabelFileIndex, corpus: Corpus, labelSet: LabelSet, adjudicated: Bool = false,
        scope: ProgressScope? = nil
    ) {
        self.init(corpusCount: corpus.count, labelCount: labelSet.count, scope: scope)
        // Map the file's interned label names to the label set once.
        let mapping: [Int] = index.labelNames.map { labelSet.index(of: $0) ?? -1 }
        var unknown: [LabelFileWarning] = []
        for (entryIndex, entry) in index.entries.enumerated() where entry.adjudicated == adjudicated {
            guard let position = corpus.position(of: entry.id) else { continue }
            if entry.isRetraction {
                retract(position)
                continue
            }
            let label = mapping[Int(entry.label)]
            guard label >= 0 else {
                // A decision we cannot show: the sentence counts as undecided from here on.
                retract(position)
                if unknown.count < 1000 {
                    let name = index.labelNames[Int(entry.label)]
                    unknown.append(
                        LabelFileWarning(
                            path: index.path, line: Int(entry.line),
                            reason:
                                "label '\(name)' is not in the label set (\(labelSet.names.joined(separator: ", "))); the sentence counts as unlabeled"
                        ))
                }
                continue
            }
            record(position, label: label, flag: entry.flagged)
            fileEntries[position] = Int32(entryIndex)
        }
        self.index = index
        self.unknownLabelWarnings = unknown
    }

    public var scopeCount: Int { scope.count }
    public func inScope(_ position: Int) -> Bool { scope.contains(position) }

    /// The label index of the current decision, or nil.
    public func label(at position: Int) -> Int? {
        let value = labels[position]
        return value < 0 ? nil : Int(value)
    }

    public func isFlagged(_ position: Int) -> Bool { labels[position] >= 0 && flags[position] }

    /// The note on the current decision: from this session, else read back from the label file.
    public func existingNote(at position: Int) -> String? {
        guard labels[position] >= 0 else { return nil }
        if let known = knownNotes[position] { return known }
        let entry = fileEntries[position]
        guard entry >= 0, let index else { return nil }
        return (try? index.record(index.entries[Int(entry)]))?.note
    }

    /// Records a decision (new or replacing the previous one) and pushes it on the undo history.
    public mutating func decide(_ position: Int, label: Int, flag: Bool, note: String?) {
        record(position, label: label, flag: flag)
        knownNotes[position] = .some(note)
    }

    private mutating func record(_ position: Int, label: Int, flag: Bool) {
        let previous = labels[position]
        if scope.contains(position) {
            if previous >= 0 {
                countsByLabel[Int(previous)] -= 1
            } else {
                decidedInScope += 1
            }
            countsByLabel[label] += 1
        }
        labels[position] = Int16(label)
        flags[position] = flag
        fileEntries[position] = -1
        undo.push(position)
    }

    /// Removes the current decision (a `"label": null` line).
    public mutating func retract(_ position: Int) {
        let previous = labels[position]
        guard previous >= 0 else { return }
        if scope.contains(position) {
            countsByLabel[Int(previous)] -= 1
            decidedInScope -= 1
        }
        labels[position] = -1
        flags[position] = false
        if !knownNotes.isEmpty { knownNotes[position] = nil }
        fileEntries[position] = -1
        undo.retract(position)
    }
}

/// The order decisions were made in, for `u`, rebuilt from the label file after a restart.
///
/// A stack of (position, serial); a position's newest serial is its live entry, older ones are
/// stale and skipped when popped. Every operation is amortized O(1).
public struct UndoHistory: Sendable {
    private var stack: [(position: Int32, serial: Int32)] = []
    /// Per corpus position, the serial of its live entry; 0 when none.
    private var liveSerial: [Int32]
    private var nextSerial: Int32 = 1

    public init(count: Int = 0) {
        liveSerial = Array(repeating: 0, count: count)
    }

    mutating func push(_ position: Int) {
        let serial = nextSerial
        nextSerial &+= 1
        stack.append((Int32(position), serial))
        liveSerial[position] = serial
    }

    mutating func retract(_ position: Int) {
        liveSerial[position] = 0
        dropStale()
    }

    /// The position of the most recent decision still in force, if any.
    ///
    /// O(1): every change drops the stale entries from the top, so the top is always live.
    public var last: Int? { stack.last.map { Int($0.position) } }

    private mutating func dropStale() {
        while let top = stack.last, liveSerial[Int(top.position)] != top.serial { stack.removeLast() }
    }
}
