import SentagKit
import Testing

/// Pace and attention: the median time per sentence, and quick decisions on long sentences.
@Suite struct AnnotatorPaceTests {
    let long = String(repeating: "word ", count: 30) + "end."
    var corpus: Corpus {
        Corpus(documents: [
            Document(
                id: "doc",
                text: ["Short one.", long, long + " Again.", "Tiny.", long + " Three."].joined(separator: "\n"),
                origin: "doc.txt")
        ])
    }

    func record(_ position: Int, ms: Int?, run: Bool = false) -> AnnotationRecord {
        AnnotationRecord(
            sentence: corpus.sentences[position], label: "claim", annotator: "alice",
            time: Timestamp(millisecondsSince1970: 1_800_000_000_000 + Int64(position) * 1000), ms: ms, run: run)
    }

    @Test func medianAndPossiblyUnreadDecisions() throws {
        var journal = JournalDecisions(annotator: "alice")
        // 0: short, quick (fine); 1: long, 400 ms (unread); 2: long, 5 s; 3: no ms; 4: a run follower.
        let records = [
            record(0, ms: 300), record(1, ms: 400), record(2, ms: 5000), record(3, ms: nil),
            record(4, ms: 0, run: true),
        ]
        for (i, record) in records.enumerated() {
            journal.apply(record, at: RecordPosition(line: Int64(i + 1), offset: Int64(i) * 300))
        }
        let view = DecisionView(table: DecisionTable(journals: [journal]), labelSet: .default, corpus: corpus)
        let paces = AnnotatorPace.compute(view: view)
        let alice = try #require(paces.first)
        #expect(alice.timed == 3 && alice.medianSeconds == 0.4, "\(alice)")
        #expect(
            alice.fast.map(\.index) == [1] && alice.fast[0].characters == long.unicodeScalars.count, "\(alice.fast)")
        let strict = AnnotatorPace.compute(view: view, floor: .init(seconds: 10, characters: 5))
        #expect(strict[0].fast.map(\.index) == [0, 1, 2], "\(strict[0].fast)")
    }

    @Test func theStatsReportShowsPaceAndListsTheQuickDecisions() throws {
        var journal = JournalDecisions(annotator: "alice")
        journal.apply(record(1, ms: 200), at: RecordPosition(line: 1, offset: 0))
        let view = DecisionView(table: DecisionTable(journals: [journal]), labelSet: .default, corpus: corpus)
        var stats = AnnotationStats.compute(view: view)
        stats.addQuality(view: view, gold: nil)
        let text = stats.text()
        #expect(
            text.contains("Pace and attention (possibly unread: under 1 s on a sentence over 100 characters)"),
            "\(text)")
        #expect(text.contains("alice: doc:2 (0.2 s, \(long.unicodeScalars.count) chars)"), "\(text)")
        let json = String(decoding: stats.jsonLine, as: UTF8.self)
        #expect(
            json.contains(
                #""pace":{"floor":{"seconds":1,"characters":100},"annotators":{"alice":{"median_seconds":0.2,"timed":1,"possibly_unread":1,"list":[{"#
            ), "\(json)")
        #expect(json.contains(#""gold":null"#), "\(json)")
    }
}
