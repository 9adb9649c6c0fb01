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
    /// `describe` names the position for the warning.
    public mutating func ingest(
        _ line: UnsafeBufferPointer<UInt8>, at position: RecordPosition, describe: (RecordPosition) -> String
    ) {
        if Self.isBlank(line) { return }
        switch RecordDecoder.decode(line, journal: annotator) {
        case .failure(let problem):
            warn(Diagnostic(location: describe(position), message: "\(problem); line skipped"))
        case .success(let record):
            let label = record.label.map { field in
                DecodedRecord.withBytes(field, in: line) { labels.intern($0) }
            }
            let suggested = record.suggested.map { field in
                DecodedRecord.withBytes(field, in: line) { labels.intern($0) }
            }
            let doc = DecodedRecord.withBytes(record.doc, in: line) { docs.intern($0) }
            let fingerprint = DecodedRecord.withBytes(record.doc, in: line) { docBytes in
                DecodedRecord.withBytes(record.text, in: line) { textBytes in
                    RecordFingerprint.of(
                        doc: docBytes, index: record.index, start: record.start, end: record.end, text: textBytes)
                }
            }
            let vote = CurrentVote(
                label: label ?? -1, suggested: suggested ?? -1, ms: record.ms.map { Int32(clamping: $0) } ?? -1,
                index: Int32(clamping: record.index), doc: doc, flagged: record.flag == true, hasNote: false,
                time: record.time.millisecondsSince1970, fingerprint: fingerprint, position: position)
            apply(
                id: record.id, vote: vote, note: record.note.map { DecodedRecord.string($0, in: line) },
                adjudicated: record.adjudicated, undo: record.undo, run: record.run)
        }
    }

    /// Applies a record this process has just appended at `position` (a session's decision).
    public mutating func apply(_ record: AnnotationRecord, at position: RecordPosition) {
        let vote = CurrentVote(
            label: record.label.map { labels.intern($0) } ?? -1,
            suggested: record.suggested.map { labels.intern($0) } ?? -1,
            ms: record.ms.map { Int32(clamping: $0) } ?? -1, index: Int32(clamping: record.index),
            doc: docs.intern(record.doc), flagged: record.flag == true, hasNote: false,
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
