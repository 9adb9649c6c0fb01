/// How much of one document has been labeled, in total and by each annotator.
public struct DocumentCoverage: Equatable, Sendable {
    public var doc: String
    public var sentences: Int
    /// Sentences with at least one current decision.
    public var labeled: Int
    /// Sentences each annotator has a current decision on (in the stats' annotator order).
    public var covered: [Int]

    public init(doc: String, sentences: Int, labeled: Int, covered: [Int]) {
        self.doc = doc
        self.sentences = sentences
        self.labeled = labeled
        self.covered = covered
    }
}
