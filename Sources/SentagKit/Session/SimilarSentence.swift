/// What `:similar` answers.
public enum SimilarAnswer: Equatable, Sendable {
    case found([SimilarSentence])
    /// None can be shown; the message says why (blind item, nothing agreed yet, still indexing).
    case unavailable(String)
}

/// One sentence `:similar` shows: where it is, its consensus label, how similar, its text.
public struct SimilarSentence: Equatable, Sendable {
    public var place: String
    public var label: String
    /// Cosine similarity of the word unigrams and bigrams, in (0, 1].
    public var similarity: Double
    public var text: String

    public init(place: String, label: String, similarity: Double, text: String) {
        self.place = place
        self.label = label
        self.similarity = similarity
        self.text = text
    }
}
