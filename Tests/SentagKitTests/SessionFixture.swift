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

    /// A session of "alice" over `corpus`, with the decisions of `table` (none when nil).
    static func session(
        table: DecisionTable? = nil, order: SessionQueue.Order = .document, seed: UInt64 = 1,
        filter: SessionQueue.Filter = .unlabeled, labelSet: LabelSet = .default, corpus: Corpus = corpus
    ) -> LabelingSession {
        let view = view(table, labelSet: labelSet, corpus: corpus)
        let ledger = DecisionLedger(view: view, journal: view.table.index(of: "alice")!, adjudicated: false)
        let queue = SessionQueue.labeling(
            corpusCount: corpus.count, ledger: ledger, order: order, seed: seed, filter: filter)
        return LabelingSession(
            decisions: view, annotator: "alice", queue: queue, ledger: ledger,
            recordMaker: AnnotatorRecordMaker(annotator: "alice"), sessionID: "test0001")
    }

    /// The view of `table` (with an "alice" journal) over `corpus`.
    static func view(_ table: DecisionTable?, labelSet: LabelSet = .default, corpus: Corpus = corpus) -> DecisionView {
        var table = table ?? DecisionTable()
        table.ensureJournal("alice")
        return DecisionView(table: table, labelSet: labelSet, corpus: corpus)
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

    /// A decision table with one journal holding `records` (then `extraLines`), read as the
    /// store would hand them over: lines numbered from 1.
    static func table(of records: [AnnotationRecord], extraLines: [String] = [], annotator: String = "alice")
        -> DecisionTable
    {
        var journal = JournalDecisions(annotator: annotator)
        let lines = records.map { Array($0.jsonLine.dropLast()) } + extraLines.map { Array($0.utf8) }
        var offset: Int64 = 0
        for (number, line) in lines.enumerated() {
            line.withUnsafeBufferPointer { bytes in
                journal.ingest(bytes, at: RecordPosition(line: Int64(number + 1), offset: offset)) {
                    "\(annotator).jsonl:\($0.line)"
                }
            }
            offset += Int64(line.count + 1)
        }
        return DecisionTable(journals: [journal])
    }

    static func record(_ position: Int, _ label: String?, flag: Bool? = nil, note: String? = nil, second: Double = 0)
        -> AnnotationRecord
    {
        AnnotationRecord(
            sentence: corpus.sentences[position], label: label, annotator: "alice", time: at(second), note: note,
            flag: flag)
    }
}
