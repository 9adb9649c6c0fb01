/// What the screen shows for the current sentence: everything the renderer needs, nothing else.
public struct SessionView: Equatable, Sendable {
    public var documentID: String
    /// `DOC:N`, as every message and report names the sentence.
    public var place: String
    /// 1-based position in the document, and the document's sentence count.
    public var sentenceNumber: Int
    public var sentencesInDocument: Int
    /// The article's headline (its first line with text), for the header.
    public var headline: String?
    /// Sentences in scope with a decision, and all sentences in scope.
    public var decided: Int
    public var total: Int
    /// The sentences shown before and after it (`:context N`), nearest last and first.
    public var before: [String]
    public var text: String
    public var after: [String]
    /// The current decision on this sentence, if any.
    public var currentLabel: String?
    public var flagged: Bool
    public var note: String?
    /// Extra lines a command adds (an adjudication session: the votes).
    public var details: [String]
    /// The label Enter on an empty line gives (a review: the majority), if any.
    public var proposal: String?
    /// The model's suggestion (or a duplicate's label) on screen; Enter on an empty line takes it.
    public var suggestion: SessionSuggestion?

    public init(
        documentID: String, place: String, sentenceNumber: Int, sentencesInDocument: Int, headline: String? = nil,
        decided: Int, total: Int, before: [String] = [], text: String, after: [String] = [],
        currentLabel: String? = nil, flagged: Bool = false, note: String? = nil, details: [String] = [],
        proposal: String? = nil
    ) {
        self.documentID = documentID
        self.place = place
        self.sentenceNumber = sentenceNumber
        self.sentencesInDocument = sentencesInDocument
        self.headline = headline
        self.decided = decided
        self.total = total
        self.before = before
        self.text = text
        self.after = after
        self.currentLabel = currentLabel
        self.flagged = flagged
        self.note = note
        self.details = details
        self.proposal = proposal
    }
}
