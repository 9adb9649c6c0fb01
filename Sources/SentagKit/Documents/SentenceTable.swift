/// The sentences of several documents in flat arrays: spans, ids, fingerprints, and how many
/// sentences each document has.
///
/// What the corpus keeps and the segmentation cache stores, so a cached corpus of a million
/// sentences is a few array copies, not an allocation per document.
public struct SentenceTable: Equatable, Sendable {
    /// Per document, its number of sentences.
    public private(set) var counts: [Int] = []
    public private(set) var spans: [SentenceSpan] = []
    public private(set) var ids: [SentenceID] = []
    public private(set) var fingerprints: [UInt64] = []

    public init() {}

    init(counts: [Int], spans: [SentenceSpan], ids: [SentenceID], fingerprints: [UInt64]) {
        self.counts = counts
        self.spans = spans
        self.ids = ids
        self.fingerprints = fingerprints
    }

    /// The sentences of `documents`, segmented.
    public init(segmenting documents: [Document], with segmenter: SentenceSegmenter = SentenceSegmenter()) {
        for document in documents { append(DocumentSegmentation(document, segmenter: segmenter)) }
    }

    public var documentCount: Int { counts.count }
    public var sentenceCount: Int { ids.count }

    public mutating func append(_ segmentation: DocumentSegmentation) {
        counts.append(segmentation.ids.count)
        spans += segmentation.spans
        ids += segmentation.ids
        fingerprints += segmentation.fingerprints
    }

    public mutating func append(_ other: SentenceTable) {
        if counts.isEmpty {
            self = other
            return
        }
        counts += other.counts
        spans += other.spans
        ids += other.ids
        fingerprints += other.fingerprints
    }

    /// Whether every span of document `index` (whose sentences start at `first`) fits a text of
    /// `length` UTF-8 bytes.
    func fits(document index: Int, first: Int, length: Int) -> Bool {
        spans[first..<(first + counts[index])].allSatisfy {
            $0.utf8Start >= 0 && $0.utf8Start <= $0.utf8End && $0.utf8End <= length
        }
    }
}
