import Dispatch

/// Everything the decision table knows about one annotator's journal: the current votes, the
/// current adjudications, their notes and undo histories, the summary, and the lines skipped.
///
/// Built by reading the journal's records in order (`ingest`), or from a checkpoint and then the
/// records after it; a session adds its own records with `apply` as it appends them. Knows no
/// corpus and no label set: labels and documents are the names the records use, interned;
/// whether they fit the project is for the views (`DecisionView`). That is what lets the state
/// be checkpointed once and reused by every command, whatever sources it is given.
public struct JournalDecisions: Sendable {
    public let annotator: String
    /// Label names used by the records, in order of first use.
    public var labelNames: [String] { labels.names }
    /// Document ids used by the records, in order of first use.
    public var docNames: [String] { docs.names }
    public internal(set) var votes: DecisionLane
    public internal(set) var adjudications: DecisionLane
    public internal(set) var summary: JournalSummary
    /// The first `warningLimit` lines skipped, and how many there were in all.
    public internal(set) var warnings: [Diagnostic]
    public internal(set) var warningCount: Int
    /// How far the journal was read.
    public internal(set) var mark: JournalMark
    /// True when the state includes a last line that has no newline yet (it may still be being
    /// written), which the mark does not cover: such a state is never checkpointed.
    public internal(set) var readsPastMark: Bool
    var labels: NameInterner
    var docs: NameInterner

    /// Skipped lines kept with their reasons (the rest are counted).
    public static let warningLimit = 100

    public init(annotator: String) {
        self.annotator = annotator
        votes = DecisionLane()
        adjudications = DecisionLane()
        summary = JournalSummary()
        warnings = []
        warningCount = 0
        mark = .start
        readsPastMark = false
        labels = NameInterner()
        docs = NameInterner()
    }

    /// The lane of votes or of adjudications.
    public func lane(adjudicated: Bool) -> DecisionLane { adjudicated ? adjudications : votes }

    /// The label name of a vote; nil for no decision.
    public func labelName(_ vote: CurrentVote) -> String? { vote.label >= 0 ? labels.names[Int(vote.label)] : nil }

    /// The label suggested when a vote was made (its record's `suggested`); nil when none was.
    public func suggestedName(_ vote: CurrentVote) -> String? {
        vote.suggested >= 0 ? labels.names[Int(vote.suggested)] : nil
    }

    /// Reads one line of the journal: a valid record is applied, anything else becomes a warning.
    ///
    /// `describe` names the position for the warning.
    public mutating func ingest(
        _ line: UnsafeBufferPointer<UInt8>, at position: RecordPosition, describe: (RecordPosition) -> String
    ) {
        apply(Self.prepare(line, journal: annotator), line: line, at: position, describe: describe)
    }

    /// Reads a batch of lines: decoded and hashed on several threads when the batch is large
    /// (`prepare` is pure), then applied in order on this one.
    ///
    /// `scratch` is reused from batch to batch (a fresh buffer per batch cost more in page
    /// faults than the decoding).
    public mutating func ingest(
        _ batch: JournalBatch, scratch: inout [PreparedRecord], describe: (RecordPosition) -> String
    ) {
        let count = batch.count
        let workers = count >= 512 ? min(ProcessorCount.active, 8) : 1
        let annotator = self.annotator
        if scratch.count < count { scratch = [PreparedRecord](repeating: PreparedRecord(status: .blank), count: count) }
        scratch.withUnsafeMutableBufferPointer { buffer in
            let slots = PreparedSlots(buffer: buffer, batch: batch)
            let share = (count + workers - 1) / workers
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in (worker * share)..<min(count, (worker + 1) * share) {
                    slots.buffer[i] = Self.prepare(slots.batch.record(i), journal: annotator)
                }
            }
        }
        // In blocks, touching the next block's table entries before applying this one, so their
        // cache misses overlap instead of coming one per line (1.5 s of 10M lines at 1M ids).
        let block = 16
        touch(scratch, 0..<min(count, block))
        var start = 0
        while start < count {
            let end = min(count, start + block)
            touch(scratch, end..<min(count, end + block))
            for i in start..<end {
                apply(scratch[i], line: batch.record(i), at: batch.positions[i], describe: describe)
            }
            start = end
        }
    }

    private func touch(_ prepared: [PreparedRecord], _ range: Range<Int>) {
        for i in range where prepared[i].status == .record {
            if prepared[i].adjudicated {
                adjudications.touch(prepared[i].id)
            } else {
                votes.touch(prepared[i].id)
            }
        }
    }

    /// A line decoded and hashed, ready to apply: the part of reading that needs no state.
    ///
    /// Plain values only (a problem is decoded again when it is reported), so a batch of them is
    /// cheap to make and to read.
    public struct PreparedRecord: BitwiseCopyable {
        enum Status: UInt8 { case blank, record, problem }
        var status: Status
        var id: SentenceID = SentenceID(rawValue: 0)
        var label: Field = .none
        var suggested: Field = .none
        var doc: Field = .none
        var note: Field = .none
        var index: Int32 = 0
        var ms: Int32 = -1
        var time: Int64 = 0
        var fingerprint: UInt64 = 0
        var flagged = false
        var adjudicated = false
        var undo = false
        var run = false

        /// A string field: its bytes in the line (start < 0: absent), escapes, and its hash.
        struct Field: BitwiseCopyable {
            var start: Int32
            var end: Int32
            var hasEscapes: Bool
            var hash: UInt64

            static let none = Field(start: -1, end: -1, hasEscapes: false, hash: 0)

            init(start: Int32, end: Int32, hasEscapes: Bool, hash: UInt64) {
                self.start = start
                self.end = end
                self.hasEscapes = hasEscapes
                self.hash = hash
            }

            init(_ field: DecodedRecord.Field?, in line: UnsafeBufferPointer<UInt8>, hashed: Bool) {
                guard let field else {
                    self = .none
                    return
                }
                self.init(
                    start: Int32(field.range.lowerBound), end: Int32(field.range.upperBound),
                    hasEscapes: field.hasEscapes,
                    hash: hashed ? DecodedRecord.withBytes(field, in: line) { XXHash64.hash($0) } : 0)
            }

            var decoded: DecodedRecord.Field? {
                start < 0 ? nil : DecodedRecord.Field(range: Int(start)..<Int(end), hasEscapes: hasEscapes)
            }
        }
    }

    static func prepare(_ line: UnsafeBufferPointer<UInt8>, journal: String) -> PreparedRecord {
        if isBlank(line) { return PreparedRecord(status: .blank) }
        guard case .success(let record) = RecordDecoder.decode(line, journal: journal) else {
            return PreparedRecord(status: .problem)
        }
        var prepared = PreparedRecord(status: .record)
        prepared.id = record.id
        prepared.label = .init(record.label, in: line, hashed: true)
        prepared.suggested = .init(record.suggested, in: line, hashed: true)
        prepared.doc = .init(record.doc, in: line, hashed: true)
        prepared.note = .init(record.note, in: line, hashed: false)
        prepared.index = Int32(clamping: record.index)
        prepared.ms = record.ms.map { Int32(clamping: $0) } ?? -1
        prepared.time = record.time.millisecondsSince1970
        prepared.flagged = record.flag == true
        prepared.adjudicated = record.adjudicated
        prepared.undo = record.undo
        prepared.run = record.run
        prepared.fingerprint = DecodedRecord.withBytes(record.doc, in: line) { docBytes in
            DecodedRecord.withBytes(record.text, in: line) { textBytes in
                RecordFingerprint.of(
                    doc: docBytes, index: record.index, start: record.start, end: record.end, text: textBytes)
            }
        }
        return prepared
    }

    private mutating func apply(
        _ prepared: PreparedRecord, line: UnsafeBufferPointer<UInt8>, at position: RecordPosition,
        describe: (RecordPosition) -> String
    ) {
        switch prepared.status {
        case .blank:
            return
        case .problem:
            // Decoded again for its reason: rare, and it keeps the prepared records plain.
            if case .failure(let problem) = RecordDecoder.decode(line, journal: annotator) {
                warn(Diagnostic(location: describe(position), message: "\(problem); line skipped"))
            }
        case .record:
            func intern(_ field: PreparedRecord.Field, into names: inout NameInterner) -> Int32 {
                guard let decoded = field.decoded else { return -1 }
                return DecodedRecord.withBytes(decoded, in: line) { names.intern($0, hash: field.hash) }
            }
            let vote = CurrentVote(
                label: intern(prepared.label, into: &labels), suggested: intern(prepared.suggested, into: &labels),
                ms: prepared.ms, index: prepared.index, doc: intern(prepared.doc, into: &docs),
                flagged: prepared.flagged, hasNote: false, run: prepared.run, time: prepared.time,
                fingerprint: prepared.fingerprint, position: position)
            apply(
                id: prepared.id, vote: vote, note: prepared.note.decoded.map { DecodedRecord.string($0, in: line) },
                adjudicated: prepared.adjudicated, undo: prepared.undo, run: prepared.run)
        }
    }

    /// Applies a record this process has just appended at `position` (a session's decision).
    public mutating func apply(_ record: AnnotationRecord, at position: RecordPosition) {
        let vote = CurrentVote(
            label: record.label.map { labels.intern($0) } ?? -1,
            suggested: record.suggested.map { labels.intern($0) } ?? -1,
            ms: record.ms.map { Int32(clamping: $0) } ?? -1, index: Int32(clamping: record.index),
            doc: docs.intern(record.doc), flagged: record.flag == true, hasNote: false, run: record.run,
            time: record.time.millisecondsSince1970,
            fingerprint: RecordFingerprint.of(
                doc: record.doc, index: record.index, start: record.start, end: record.end, text: record.text),
            position: position)
        apply(
            id: record.id, vote: vote, note: record.note, adjudicated: record.adjudicated, undo: record.undo,
            run: record.run)
    }

    private mutating func apply(
        id: SentenceID, vote: CurrentVote, note: String?, adjudicated: Bool, undo: Bool, run: Bool
    ) {
        summary.records += 1
        if adjudicated { summary.adjudicationRecords += 1 }
        if vote.isDecision && !undo {
            summary.countLabeling(at: vote.time)
        } else if !vote.isDecision {
            summary.retractions += 1
        }
        if adjudicated {
            adjudications.apply(id: id, vote: vote, note: note, isUndo: undo, joinsPrevious: run)
        } else {
            votes.apply(id: id, vote: vote, note: note, isUndo: undo, joinsPrevious: run)
        }
    }

    mutating func warn(_ diagnostic: Diagnostic) {
        warningCount += 1
        if warnings.count < Self.warningLimit { warnings.append(diagnostic) }
    }

    @inline(__always)
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line where byte != 0x20 && byte != 0x09 { return false }
        return true
    }
}

/// Result slots the preparing threads fill; each index is written by exactly one thread.
///
/// The batch is only read.
private struct PreparedSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<JournalDecisions.PreparedRecord>
    let batch: JournalBatch
}
