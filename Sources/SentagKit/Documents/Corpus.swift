/// The sentences of a set of documents, in document order, with lookups by id and position.
///
/// Built once per command; every lookup afterwards is O(1) (a dictionary by id, an array of
/// per-document ranges), so nothing in a labeling session grows with the corpus.
public struct Corpus: Sendable {
    public let documents: [Document]
    /// All sentences: document order, then sentence order.
    public let sentences: [Sentence]
    /// For each document (same order as `documents`), the positions of its sentences.
    public let documentRanges: [Range<Int>]
    /// For each sentence position, the index of its document.
    private let documentOfSentence: [Int32]
    /// Sentence id → position; a Fibonacci-hashed table, several times faster than `Dictionary`
    /// for ids that are already 64-bit hashes (resuming on a million-line label file looks up
    /// every line).
    private let positionByID: SentenceIDTable
    private let documentIndexByID: [String: Int]
    /// `RecordFingerprint` of each sentence, to tell a record that still matches its sentence.
    private let fingerprints: [UInt64]

    public init(documents: [Document], segmenter: SentenceSegmenter = SentenceSegmenter()) {
        var sentences: [Sentence] = []
        var ranges: [Range<Int>] = []
        var documentOfSentence: [Int32] = []
        ranges.reserveCapacity(documents.count)
        for (docIndex, document) in documents.enumerated() {
            let start = sentences.count
            sentences.append(contentsOf: Sentence.sentences(of: document, segmenter: segmenter))
            ranges.append(start..<sentences.count)
            documentOfSentence.append(contentsOf: repeatElement(Int32(docIndex), count: sentences.count - start))
        }
        var positionByID = SentenceIDTable(capacity: sentences.count)
        for (position, sentence) in sentences.enumerated() where positionByID.row(of: sentence.id) == nil {
            positionByID.insert(sentence.id, row: Int32(position))
        }
        var documentIndexByID: [String: Int] = [:]
        for (index, document) in documents.enumerated() { documentIndexByID[document.id] = index }
        self.documents = documents
        self.sentences = sentences
        self.documentRanges = ranges
        self.documentOfSentence = documentOfSentence
        self.positionByID = positionByID
        self.documentIndexByID = documentIndexByID
        self.fingerprints = sentences.map(RecordFingerprint.of)
    }

    /// Reads and segments the sources.
    public static func load(
        _ sources: [String], cache: (any StoreCache)? = nil, segmenter: SentenceSegmenter = SentenceSegmenter()
    ) throws(SourceError) -> Corpus {
        Corpus(documents: try DocumentLoader.load(sources), segmenter: segmenter)
    }

    public var count: Int { sentences.count }

    /// The position (index into `sentences`) of the sentence with this id.
    public func position(of id: SentenceID) -> Int? { positionByID.row(of: id).map(Int.init) }

    /// The index into `documents` of the document holding the sentence at `position`.
    public func documentIndex(ofSentenceAt position: Int) -> Int { Int(documentOfSentence[position]) }

    /// The `RecordFingerprint` of the sentence at `position`.
    public func fingerprint(at position: Int) -> UInt64 { fingerprints[position] }

    /// The index into `documents` of the document with this id.
    public func documentIndex(of documentID: String) -> Int? { documentIndexByID[documentID] }
}
