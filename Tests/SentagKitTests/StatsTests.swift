import Foundation
import SentagKit
import Testing

/// `AnnotationStats` over a corpus built in the test and label files written from its sentences
/// (whatever the segmenter makes of the text, the records use its ids).
@Suite struct StatsTests {
    let corpus = Corpus(documents: [
        Document(
            id: "alpha", text: "The first claim is here.\nA second line follows.\nAnd a third one.", origin: "alpha.txt"
        ),
        Document(id: "beta", text: "Beta has one sentence.\nAnd another.", origin: "beta.txt"),
    ])

    func record(_ sentence: Sentence, _ label: String?, by annotator: String, second: Int, adjudicated: Bool = false)
        -> LabelFolder.Line
    {
        .record(
            AnnotationRecord(
                sentence: sentence, label: label, annotator: annotator,
                time: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(second) * 1000),
                adjudicated: adjudicated))
    }

    @Test func countsDecisionsLabelsCoverageOverlapAndPace() throws {
        let s = corpus.sentences
        try #require(s.count >= 4, "the corpus needs a few sentences: \(s.map(\.text))")
        let folder = try LabelFolder()
        // alice: every sentence; the second changed, the third undone and made again; a pause of 20 minutes.
        try folder.append(
            "alice",
            [
                record(s[0], "claim", by: "alice", second: 0), record(s[1], "quote", by: "alice", second: 10),
                record(s[1], "claim", by: "alice", second: 20), record(s[2], "noise", by: "alice", second: 1220),
                record(s[2], nil, by: "alice", second: 1225),
            ] + s.indices.dropFirst(2).map { record(s[$0], "noise", by: "alice", second: 1230 + $0) })
        // bob: only the first document's first sentence.
        try folder.append("bob", [record(s[0], "claim", by: "bob", second: 5)])
        // judge: an adjudication only.
        try folder.append("judge", [record(s[1], "claim", by: "judge", second: 50, adjudicated: true)])
        let stats = try folder.stats(corpus: corpus)

        #expect(stats.annotators.map(\.name) == ["alice", "bob", "judge"], "\(stats.annotators.map(\.name))")
        let alice = stats.annotators[0]
        #expect(alice.decisions == s.count, "\(alice)")
        #expect(alice.labelCounts == [2, 0, 0, s.count - 2], "\(alice.labelCounts)")
        #expect(alice.retractions == 1 && alice.records == s.count + 3, "\(alice)")
        // Active: 10 + 10 (first session), 5 + 5 + … (after the pause: the undo and the rest).
        let times = [0, 10, 20, 1220] + s.indices.dropFirst(2).map { 1230 + $0 }
        let expectedActive = zip(times, times.dropFirst()).map { $1 - $0 }.filter { $0 <= 300 }.reduce(0, +)
        #expect(abs(alice.activeSeconds - Double(expectedActive)) < 1e-9, "\(alice.activeSeconds) vs \(expectedActive)")
        let gaps = zip(times, times.dropFirst()).filter { $1 - $0 <= 300 }.count
        #expect(abs((alice.labelsPerMinute ?? 0) - Double(gaps) / (Double(expectedActive) / 60)) < 1e-9, "\(alice)")
        #expect(
            alice.first == Timestamp(millisecondsSince1970: 1_790_000_000_000), "\(String(describing: alice.first))")
        let judge = stats.annotators[2]
        #expect(judge.decisions == 0 && judge.adjudications == 1 && judge.labelsPerMinute == nil, "\(judge)")

        #expect(stats.sentences == s.count)
        #expect(stats.overlap == [0, s.count - 1, 1, 0], "\(stats.overlap)")
        let first = corpus.documentRanges[0].count
        #expect(stats.documents.map(\.doc) == ["alpha", "beta"])
        #expect(stats.documents[0].covered == [first, 1, 0], "\(stats.documents[0])")
        #expect(stats.documents[1].labeled == s.count - first, "\(stats.documents[1])")
        #expect(stats.orphaned.isEmpty, "\(stats.orphaned)")
    }

    @Test func recordsOfEditedArticlesAreOrphanedAndListed() throws {
        let folder = try LabelFolder()
        let edited = Sentence(
            id: SentenceID(document: "alpha", text: "The first claim was here.", occurrence: 0), doc: "alpha", index: 0,
            start: 0, end: 25, text: "The first claim was here.")
        try folder.append(
            "alice",
            [
                record(corpus.sentences[0], "claim", by: "alice", second: 0),
                record(edited, "quote", by: "alice", second: 9),
            ])
        try folder.append("judge", [record(edited, "claim", by: "judge", second: 20, adjudicated: true)])
        let stats = try folder.stats(corpus: corpus)
        #expect(stats.orphaned.count == 2 && stats.orphanedItems == 1, "\(stats.orphaned)")
        let orphan = try #require(stats.orphaned.first)
        #expect(orphan.path.hasSuffix("alice.jsonl") && orphan.line == 2, "\(orphan)")
        #expect(
            orphan.text == "The first claim was here." && orphan.label == "quote" && !orphan.adjudicated, "\(orphan)")
        #expect(stats.orphaned[1].adjudicated && stats.orphaned[1].annotator == "judge", "\(stats.orphaned[1])")
        // Still counted as alice's decision.
        #expect(stats.annotators[0].decisions == 2, "\(stats.annotators[0])")
        let text = stats.text()
        #expect(text.contains("Orphaned records: 2"), "\(text)")
        #expect(text.contains("alice.jsonl:2"), "\(text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.jsonLine)) as? [String: Any])
        let orphaned = try #require(json["orphaned"] as? [String: Any])
        #expect(orphaned["records"] as? Int == 2 && (orphaned["list"] as? [Any])?.count == 2, "\(orphaned)")
    }

    @Test func noLabelFilesIsProgressZero() throws {
        let folder = try LabelFolder()
        let stats = try folder.stats(corpus: corpus)
        #expect(stats.annotators.isEmpty && stats.overlap == [corpus.count], "\(stats.overlap)")
        #expect(stats.text().contains("No label files yet"), "\(stats.text())")
        // Issue 10: a folder that does not exist is an error, not an empty report.
        #expect(throws: StoreError.self) { try ProjectSnapshot.read(FolderStore(path: folder.path + "/nope")) }
    }

    @Test func aLabelOutsideTheSetIsAWarningAndNotCounted() throws {
        let folder = try LabelFolder()
        try folder.append("alice", [record(corpus.sentences[0], "opinion", by: "alice", second: 0)])
        let stats = try folder.stats(corpus: corpus)
        #expect(stats.annotators.first?.decisions == 0, "\(stats.annotators)")
        #expect(try folder.project().warnings.first?.message.contains("'opinion'") == true)
    }

    @Test func paceCountsGapsWithinTheIdleLimitInWholeSeconds() {
        var gaps = GapHistogram()
        #expect(gaps.within(idleLimit: 300) == (0, 0))
        for milliseconds: Int64 in [0, 999, 1000, 1001, 299_999, 300_000, 300_001, 9_000_000] { gaps.add(milliseconds) }
        let within = gaps.within(idleLimit: 300)
        #expect(within.count == 6, "\(within)")
        #expect(abs(within.seconds - Double(0 + 999 + 1000 + 1001 + 299_999 + 300_000) / 1000) < 1e-9, "\(within)")
        #expect(gaps.within(idleLimit: 1).count == 3, "a gap of 1.001 s is over a 1 s limit")
    }
}
