/// The content hashes a plan compares corpora by: XXH64 over sentence ids, each as 8 bytes
/// little-endian, in corpus order (of a document, or of the whole corpus).
///
/// Sentence ids already hash a sentence's document, text and occurrence (SPEC.md), so two corpora
/// with the same ids in the same order are the same corpus for a plan, and the hash is computed
/// in about a millisecond per million sentences, without touching the texts.
public enum CorpusHash {
    /// The hash of the sentences of document `index` of `corpus`.
    public static func document(_ corpus: Corpus, _ index: Int) -> UInt64 {
        hash(corpus, corpus.documentRanges[index])
    }

    /// The hash of every sentence of `corpus`.
    public static func corpus(_ corpus: Corpus) -> UInt64 {
        hash(corpus, 0..<corpus.count)
    }

    /// The hash of ids given directly (tests, and documents known only by their ids).
    public static func ids(_ ids: [SentenceID]) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 8)
        for id in ids { append(id, to: &bytes) }
        return XXHash64.hash(bytes)
    }

    private static func hash(_ corpus: Corpus, _ range: Range<Int>) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 8)
        for position in range { append(corpus.id(at: position), to: &bytes) }
        return XXHash64.hash(bytes)
    }

    @inline(__always)
    private static func append(_ id: SentenceID, to bytes: inout [UInt8]) {
        var value = id.rawValue.littleEndian
        withUnsafeBytes(of: &value) { bytes.append(contentsOf: $0) }
    }

    /// 16 lowercase hex digits, as `plan.json` writes a hash.
    public static func hex(_ value: UInt64) -> String { SentenceID(rawValue: value).description }

    /// Parses 16 hex digits.
    public static func parse(_ text: String) -> UInt64? { SentenceID(text)?.rawValue }
}
