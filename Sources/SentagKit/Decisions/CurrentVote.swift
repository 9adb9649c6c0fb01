/// One annotator's decision on one sentence as the decision table keeps it: 56 bytes, no
/// `String`, so a table of millions of decisions is a few flat arrays.
///
/// Labels and documents are indexes into the journal's interned names
/// (`JournalDecisions.labelNames`, `docNames`); a note lives beside the lane, by slot.
public struct CurrentVote: Equatable, Sendable, BitwiseCopyable {
    /// Index into the journal's `labelNames`; -1 when there is no decision (never made, or
    /// retracted).
    public var label: Int32
    /// The label suggested when it was made, or -1.
    public var suggested: Int32
    /// Milliseconds spent on the sentence, or -1.
    public var ms: Int32
    /// The record's `index` (the sentence's position in its document, from 0), for messages.
    public var index: Int32
    /// Index into the journal's `docNames`.
    public var doc: Int32
    public var flagged: Bool
    public var hasNote: Bool
    /// A record of a run (`n 3`) after its first: labeled with the first, not timed on its own
    /// (its `ms` is 0), so pace checks leave it out.
    public var run: Bool = false
    /// `time`, in milliseconds since 1970.
    public var time: Int64
    /// `RecordFingerprint` of the record's doc, index, start, end and text, to tell whether the
    /// record still matches the corpus sentence with its id.
    public var fingerprint: UInt64
    /// Where the record is in the journal.
    public var position: RecordPosition

    /// No decision.
    public static let none = CurrentVote(
        label: -1, suggested: -1, ms: -1, index: -1, doc: -1, flagged: false, hasNote: false, time: 0, fingerprint: 0,
        position: RecordPosition(line: 0, offset: 0))

    public var isDecision: Bool { label >= 0 }
}
