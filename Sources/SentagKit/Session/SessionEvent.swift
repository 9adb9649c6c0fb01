/// What the session tells the loop to show after a line; the loop renders, the session never
/// prints.
public enum SessionEvent: Equatable, Sendable {
    /// The session began: how much is queued and how much was decided before.
    case started(queued: Int, decided: Int, total: Int)
    /// Draw the current sentence (`LabelingSession.view()`).
    case show
    /// Records were appended: `count` sentences got `label`.
    case saved(label: String, count: Int)
    /// The last step was undone (`count` sentences; `label` was the decision on the one shown
    /// again); `restored` is the label it has again, nil when it is unlabeled again.
    case undone(label: String, count: Int, restored: String?)
    /// Information, not a problem: "note kept", "nothing to undo".
    case message(String)
    /// A line that could not be used; nothing was recorded.
    case problem(String)
    case help
    case stats(SessionStats)
    case guide
    /// `:similar`: sentences with a consensus label like the one on screen, most similar first.
    case similar([SimilarSentence])
    /// The queue is exhausted; the session waits for `u`, `b`, `:goto`, `:find` or `:quit`.
    case finished
    case quit
}

/// `:stats`: counts, pace and what is left. Times in milliseconds.
public struct SessionStats: Equatable, Sendable {
    public var labels: [String]
    /// Current decisions per label, over the sentences in scope.
    public var counts: [Int]
    /// Decisions per label made in this session.
    public var countsThisSession: [Int]
    public var decided: Int
    public var total: Int
    public var decisionsThisSession: Int
    public var elapsedMilliseconds: Int64

    public init(
        labels: [String], counts: [Int], countsThisSession: [Int], decided: Int, total: Int,
        decisionsThisSession: Int, elapsedMilliseconds: Int64
    ) {
        self.labels = labels
        self.counts = counts
        self.countsThisSession = countsThisSession
        self.decided = decided
        self.total = total
        self.decisionsThisSession = decisionsThisSession
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    public var left: Int { max(total - decided, 0) }

    /// Decisions per minute in this session; nil before the first decision and during the first
    /// half minute (too little to go on).
    public var perMinute: Double? {
        guard decisionsThisSession > 0, elapsedMilliseconds >= 30_000 else { return nil }
        return Double(decisionsThisSession) / (Double(elapsedMilliseconds) / 60_000)
    }

    /// Milliseconds left at this session's pace; nil without a pace.
    public var estimatedMillisecondsLeft: Int64? {
        guard let perMinute, perMinute > 0 else { return nil }
        return Int64((Double(left) / perMinute * 60_000).rounded())
    }
}

/// What the screen shows for the current sentence: everything the renderer needs, nothing else.
public struct SessionView: Equatable, Sendable {
    public var documentID: String
    /// 1-based position in the document, and the document's sentence count.
    public var sentenceNumber: Int
    public var sentencesInDocument: Int
    /// Sentences in scope with a decision, and all sentences in scope.
    public var decided: Int
    public var total: Int
    public var previous: String?
    public var text: String
    public var next: String?
    public var showsContext: Bool
    /// The current decision on this sentence, if any.
    public var currentLabel: String?
    public var flagged: Bool
    public var note: String?
    /// Extra lines a command adds (an adjudication session: the votes).
    public var details: [String]
    /// The suggestion on screen: Enter on an empty line accepts it.
    public var suggestion: SessionSuggestion?

    public init(
        documentID: String, sentenceNumber: Int, sentencesInDocument: Int, decided: Int, total: Int,
        previous: String?, text: String, next: String?, showsContext: Bool, currentLabel: String?,
        flagged: Bool, note: String?, details: [String]
    ) {
        self.documentID = documentID
        self.sentenceNumber = sentenceNumber
        self.sentencesInDocument = sentencesInDocument
        self.decided = decided
        self.total = total
        self.previous = previous
        self.text = text
        self.next = next
        self.showsContext = showsContext
        self.currentLabel = currentLabel
        self.flagged = flagged
        self.note = note
        self.details = details
    }
}
