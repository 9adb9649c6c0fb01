/// A planned line: what it means and the records that must be on disk before it takes effect.
///
/// Made by `LabelingSession.plan`, carried out by `LabelingSession.apply`.
public struct SessionStep: Sendable {
    public let line: String
    /// Nil when the line was not understood, or answered a question.
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
        /// `positions` get `label` (the first is the one on screen); `shortfall`: the run asked
        /// for more sentences than the document has left.
        case decide(positions: [Int], label: Int, shortfall: Int?)
        /// A run reaching sentences not on screen: ask before labeling them.
        case ask(question: String, label: Int, count: Int)
        /// The answer to `ask` was not yes.
        case cancelRun
        /// Undo one step: per sentence, newest first, the label it had before the undo.
        case undo([(position: Int, label: String)])
        case amend(position: Int)
        case pendingNote(position: Int, String)
        case pendingFlag(position: Int, Bool)
        case back
        case skip
        case goto(Int)
        case help
        case stats
        case guide(String?)
        case context(Int?)
        case instant
        case similar([SimilarSentence])
        case quit
    }
}
