import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Small corpora whose sentences are one per line, so tests never depend on where the
/// segmenter splits running prose.
enum SessionFixture {
    static let documents = [
        Document(
            id: "alpha", text: "Alpha one.\nAlpha two mentions Putin.\nAlpha three.\nAlpha four.", origin: "alpha.txt"),
        Document(id: "beta", text: "Beta one.\nBeta two.\nBeta three.", origin: "beta.txt"),
    ]

    static let corpus = Corpus(documents: documents)

    /// A time `seconds` after a fixed start.
    static func at(_ seconds: Double) -> Timestamp {
        Timestamp(millisecondsSince1970: 1_700_000_000_000 + Int64(seconds * 1000))
    }

    static func session(
        ledger: DecisionLedger? = nil, order: SessionQueue.Order = .document, seed: UInt64 = 1,
        filter: SessionQueue.Filter = .unlabeled, labelSet: LabelSet = .default, corpus: Corpus = corpus
    ) -> LabelingSession {
        let ledger = ledger ?? DecisionLedger(corpusCount: corpus.count, labelCount: labelSet.count)
        let queue = SessionQueue.labeling(
            corpusCount: corpus.count, ledger: ledger, order: order, seed: seed, filter: filter)
        return LabelingSession(
            corpus: corpus, labelSet: labelSet, queue: queue, ledger: ledger,
            recordMaker: AnnotatorRecordMaker(annotator: "alice"), sessionID: "test0001")
    }

    /// A started session.
    static func started(_ session: LabelingSession = session()) -> LabelingSession {
        var session = session
        _ = session.start(at: at(0))
        return session
    }

    /// The text of the sentence on screen.
    static func onScreen(_ session: LabelingSession) -> String? {
        session.current.map { session.corpus.sentences[$0].text }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() -> String {
        TestScratch.folder("session").path
    }

    /// Writes records as a label file and reads it back as an index.
    static func index(of records: [AnnotationRecord], extraLines: [String] = []) throws -> LabelFileIndex {
        let directory = temporaryDirectory()
        let path = directory + "/alice.jsonl"
        var bytes: [UInt8] = []
        for record in records { bytes += record.jsonLine }
        for line in extraLines { bytes += Array((line + "\n").utf8) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        return try LabelFileIndex(path: path)
    }

    static func record(_ position: Int, _ label: String?, flag: Bool? = nil, note: String? = nil, second: Double = 0)
        -> AnnotationRecord
    {
        AnnotationRecord(
            sentence: corpus.sentences[position], label: label, annotator: "alice", time: at(second), note: note,
            flag: flag)
    }
}
