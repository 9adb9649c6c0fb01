/// One labeled sentence found similar to a query, with its cosine similarity.
public struct SimilarExample: Equatable, Sendable {
    /// The identifier the sentence was added to the index with.
    public var item: Int
    public var similarity: Double

    public init(item: Int, similarity: Double) {
        self.item = item
        self.similarity = similarity
    }
}
