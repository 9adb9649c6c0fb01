/// What a labeling session asks about suggestions: its only seam to the model in the loop.
///
/// `ModelSuggestions` provides them in `sentag label`; review `--suspects` gives the model's
/// alternatives. A session without a provider shows none, as before.
///
/// The session asks for the suggestion of a sentence once, when it shows it, and keeps what it
/// got: what the screen shows, what Enter on an empty line accepts and what the record's
/// `suggested` says are the same thing. Every call is on the session's thread; a provider that
/// works in the background hands its results over inside these calls.
public protocol SuggestionProvider: AnyObject {
    /// The suggestion for the sentence at a corpus position, or nil (none yet, off, or withheld:
    /// an overlap item of a plan is blind).
    func suggestion(at position: Int) -> SessionSuggestion?

    /// Messages to show once each: why there are no suggestions yet when the session starts,
    /// and that they start when they do; empty when there is nothing new to say.
    func takeNotices() -> [String]

    /// A record at `position` was stored: `label` is the label the annotator gave (nil for an
    /// undo or a retraction, which teach nothing), `consensus` the sentence's consensus label
    /// now (`ConsensusLabels.label(of:in:)`), both label-set indexes.
    func recorded(position: Int, label: Int?, consensus: Int?)

    /// `:similar`: the sentences with a consensus label most similar to the one at `position`.
    func similar(to position: Int, count: Int) -> SimilarAnswer
}
