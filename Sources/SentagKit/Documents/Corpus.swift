/// The sentences of a set of documents, in document order, with lookups by id and position.
///
/// Built once per command; every lookup afterwards is O(1). A sentence is kept as its span in
/// its document, its id and its fingerprint (32 bytes), not as a `String`: `sentences[i]`
/// slices the text when it is asked for, so a corpus of a million sentences costs the texts of
/// its documents and 32 MB, and loading it from the segmentation cache costs no allocation per
/// sentence.
public struct Corpus: Sendable {
    public let documents: [Document]
    /// For each document (same order as `documents`), the positions of its sentences.
    public let documentRanges: [Range<Int>]
    /// For each sentence position, the index of its document.
    private let documentOfSentence: [Int32]
    private let spans: [SentenceSpan]
    private let ids: [SentenceID]
    /// `RecordFingerprint` of each sentence, to tell a record that still matches its sentence.
    private let fingerprints: [UInt64]
    /// Sentence id → position; a Fibonacci-hashed table, several times faster than `Dictionary`
    /// for ids that are already 64-bit hashes (resuming on a million-line journal looks up
    /// every line).
    let positionByID: SentenceIDTable
    private let documentIndexByID: [String: Int]

    /// Segments `documents`.
    public init(documents: [Document], segmenter: SentenceSegmenter = SentenceSegmenter()) {
        self.init(documents: documents, sentences: SentenceTable(segmenting: documents, with: segmenter))
    }

    /// The corpus of `documents` whose sentences are `sentences` (one count per document).
    public init(documents: [Document], sentences table: SentenceTable) {
        self.init(documents: documents, sentences: table, index: nil)
    }

    /// The same, with the id index saved by an earlier load of the same sentences (nil: build it).
    init(documents: [Document], sentences table: SentenceTable, index: SentenceIDTable?) {
        precondition(documents.count == table.documentCount, "one sentence count per document")
        let total = table.sentenceCount
        var ranges: [Range<Int>] = []
        var documentOfSentence: [Int32] = []
        documentOfSentence.reserveCapacity(total)
        ranges.reserveCapacity(documents.count)
        var start = 0
        for (index, count) in table.counts.enumerated() {
            ranges.append(start..<(start + count))
            documentOfSentence.append(contentsOf: repeatElement(Int32(index), count: count))
            start += count
        }
        var positionByID: SentenceIDTable
        if let index, index.count <= total {
            positionByID = index
        } else {
            positionByID = SentenceIDTable(capacity: total)
            for (position, id) in table.ids.enumerated() where positionByID.row(of: id) == nil {
                positionByID.insert(id, row: Int32(position))
            }
        }
        var documentIndexByID: [String: Int] = [:]
        documentIndexByID.reserveCapacity(documents.count)
        for (index, document) in documents.enumerated() { documentIndexByID[document.id] = index }
        self.documents = documents
        self.documentRanges = ranges
        self.documentOfSentence = documentOfSentence
        self.spans = table.spans
        self.ids = table.ids
        self.fingerprints = table.fingerprints
        self.positionByID = positionByID
        self.documentIndexByID = documentIndexByID
    }

    /// Reads and segments the sources; with a cache, an unchanged source file is not segmented
    /// again (`SegmentationCache`).
    public static func load(
        _ sources: [String], cache: (any StoreCache)? = nil, segmenter: SentenceSegmenter = SentenceSegmenter()
    ) throws(SourceError) -> Corpus {
        try SegmentationCache(cache: cache, sources: sources).load(segmenter: segmenter)
    }

    public var count: Int { ids.count }

    /// The sentences, made on demand from the documents' texts.
    public var sentences: Sentences { Sentences(corpus: self) }

    /// The id of the sentence at `position`.
    public func id(at position: Int) -> SentenceID { ids[position] }

    /// The position (index into `sentences`) of the sentence with this id.
    public func position(of id: SentenceID) -> Int? { positionByID.row(of: id).map(Int.init) }

    /// For each of `ids`, its position (-1: not in the corpus) and the corpus's fingerprint there.
    ///
    /// In two tight loops, so the lookups' cache misses overlap (`DecisionView` resolves a lane at
    /// a time this way instead of one lookup per decision).
    func places(of ids: [SentenceID]) -> (positions: [Int32], fingerprints: [UInt64]) {
        let positions = ids.map { positionByID.row(of: $0) ?? -1 }
        let found = positions.map { $0 >= 0 ? fingerprints[Int($0)] : 0 }
        return (positions, found)
    }

    /// The index into `documents` of the document holding the sentence at `position`.
    public func documentIndex(ofSentenceAt position: Int) -> Int { Int(documentOfSentence[position]) }

    /// The length of the sentence at `position`, in Unicode scalars (`end - start`).
    public func length(at position: Int) -> Int { spans[position].end - spans[position].start }

    /// The `RecordFingerprint` of the sentence at `position`.
    public func fingerprint(at position: Int) -> UInt64 { fingerprints[position] }

    /// The index into `documents` of the document with this id.
    public func documentIndex(of documentID: String) -> Int? { documentIndexByID[documentID] }

    /// The sentence at `position`, its text sliced from its document.
    func sentence(at position: Int) -> Sentence {
        let document = Int(documentOfSentence[position])
        let span = spans[position]
        let text = documents[document].text
        let utf8 = text.utf8
        // A text read on demand from a file that changed since is empty: never slice past it.
        let length = utf8.count
        let lower = utf8.index(utf8.startIndex, offsetBy: min(span.utf8Start, length))
        let upper = utf8.index(lower, offsetBy: max(0, min(span.utf8End, length) - min(span.utf8Start, length)))
        return Sentence(
            id: ids[position], doc: documents[document].id, index: position - documentRanges[document].lowerBound,
            start: span.start, end: span.end, text: String(text[lower..<upper]))
    }

    /// The sentences of a corpus as a collection: `corpus.sentences[position]`.
    public struct Sentences: RandomAccessCollection, Sendable {
        let corpus: Corpus
        public var startIndex: Int { 0 }
        public var endIndex: Int { corpus.count }
        public subscript(position: Int) -> Sentence { corpus.sentence(at: position) }
    }
}
