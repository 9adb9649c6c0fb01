/// A planned line: what it means and the records that must be on disk before it takes effect.
///
/// Made by `LabelingSession.plan`, carried out by `LabelingSession.apply`.
public struct SessionStep: Sendable {
    public let line: String
    /// Nil when the line was not understood.
    public let command: SessionCommand?
    let action: Action
    /// Append (and fsync) these, in order, before `apply`.
    public let records: [AnnotationRecord]

    init(line: String, command: SessionCommand?, action: Action, records: [AnnotationRecord] = []) {
        self.line = line
        self.command = command
        self.action = action
        self.records = records
    }

    enum Action: Sendable {
        case none
        case reject(String)
        case inform(String)
        case decide(positions: [Int], label: Int, note: String?, flag: Bool, shortfall: Int?)
        /// Undo one step: per sentence, newest first, the label it had before the undo.
        case undo([(position: Int, label: String)])
        case amend(position: Int, label: Int, note: String?, flag: Bool)
        case pendingNote(String)
        case pendingFlag(Bool)
        case back
        case skip
        case goto(Int)
        case help
        case stats
        case guide
        case context
        case similar([SimilarSentence])
        case quit
    }
}
