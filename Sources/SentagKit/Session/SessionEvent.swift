/// What the session tells the loop to show after a line; the loop renders, the session never
/// prints.
public enum SessionEvent: Equatable, Sendable {
    /// The session began: how much is queued and how much was decided before.
    case started(queued: Int, decided: Int, total: Int)
    /// A resumed session starts at `at` (`DOC:N`), the first sentence without a decision; `last`
    /// is where the latest decision in force is. `earlier`: `at` comes before `last` in the
    /// queue's order (it was skipped or undone); nil when the order says nothing (a shuffle).
    case resuming(at: String, last: String, earlier: Bool?)
    /// Draw the current sentence (`LabelingSession.view()`).
    case show
    /// Records were appended: `count` sentences got `label`; `place` is `DOC:N` or `DOC:N–M`.
    case saved(label: String, count: Int, place: String)
    /// The last step was undone (`count` sentences at `place`; `label` was the decision on the
    /// one shown again); `restored` is the label it has again, nil when it is unlabeled again.
    case undone(label: String, count: Int, restored: String?, place: String)
    /// Information, not a problem: "note kept", "nothing to undo".
    case message(String)
    /// A line that could not be used; nothing was recorded.
    case problem(String)
    case help
    case stats(SessionStats)
    /// `:guide`, or `:guide LABEL` for one section; the loop fetches and shows the text.
    case guide(section: String?)
    /// The queue moved past the last sentence of a document.
    case documentDone(DocumentSummary)
    /// `:instant`: the loop switches single-keystroke mode on or off.
    case toggleInstant
    /// `:similar`: sentences with a consensus label like the one on screen, most similar first.
    case similar([SimilarSentence])
    /// The queue is exhausted; the session waits for `u`, `b`, `:goto`, `:find` or `:quit`.
    case finished
    /// The store handed out more work (a team pool's next unit): `added` sentences at the end of
    /// the queue.
    case queueExtended(added: Int)
    case quit
}
