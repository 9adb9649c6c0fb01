import SentagKit

/// The constructed articles of `ModelClassifierTests` as a corpus (one sentence a line, so no
/// test depends on the segmenter), journals over it, and an in-memory cache.
enum ModelFixture {
    static let labels = ModelClassifierTests.labels

    /// Five articles of six sentences and the label of each sentence, in corpus order.
    static let articles: (documents: [Document], labels: [String]) = {
        let examples = ModelClassifierTests.constructed()
        var documents: [Document] = []
        for number in 0..<5 {
            let texts = examples.filter { $0.document == "doc\(number)" }.map(\.sentence.text)
            documents.append(
                Document(id: "doc\(number)", text: texts.joined(separator: "\n"), origin: "doc\(number).txt"))
        }
        return (documents, examples.map(\.label))
    }()

    static let corpus = Corpus(documents: articles.documents)

    /// A time `seconds` after a fixed start.
    static func at(_ seconds: Double) -> Timestamp { SessionFixture.at(seconds) }

    /// A journal of `annotator` with a decision per (corpus position, label) in order (a nil
    /// label retracts), `adjudicated` ones in the adjudication lane; times one second apart from
    /// `start`.
    static func journal(
        _ annotator: String, _ decisions: [(Int, String?)], adjudicated: Bool = false, start: Double = 0,
        corpus: Corpus = corpus, suggested: [Int: String] = [:]
    ) -> JournalDecisions {
        let records = decisions.enumerated().map { offset, decision in
            AnnotationRecord(
                sentence: corpus.sentences[decision.0], label: decision.1, annotator: annotator,
                time: at(start + Double(offset)), suggested: suggested[decision.0], adjudicated: adjudicated)
        }
        return SessionFixture.table(of: records, annotator: annotator).journals[0]
    }

    /// Every sentence of the constructed articles with its true label.
    static func truth(_ positions: Range<Int>) -> [(Int, String?)] {
        positions.map { ($0, articles.labels[$0]) }
    }

    static func view(_ journals: [JournalDecisions], corpus: Corpus = corpus, labelSet: LabelSet = .default)
        -> DecisionView
    {
        DecisionView(table: DecisionTable(journals: journals), labelSet: labelSet, corpus: corpus)
    }
}

/// A `StoreCache` in memory, counting writes.
final class MemoryCache: StoreCache {
    var files: [String: [UInt8]] = [:]
    var writes = 0

    func read(_ key: String) -> CacheBytes? { files[key].map(CacheBytes.init) }

    func write(_ key: String, _ bytes: [UInt8]) {
        files[key] = bytes
        writes += 1
    }
}
