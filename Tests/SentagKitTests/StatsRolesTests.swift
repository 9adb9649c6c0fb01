import Foundation
import SentagKit
import Testing

/// `sentag stats` keeps adjudicators apart from annotators and shows no pace without decisions.
@Suite struct StatsRolesTests {
    let corpus = Corpus(documents: [
        Document(id: "alpha", text: "One claim.\nA second line.\nAnd a third one.\nThe fourth.", origin: "alpha.txt")
    ])

    func record(_ n: Int, _ label: String?, by annotator: String, second: Int, adjudicated: Bool = false)
        -> LabelFolder.Line
    {
        .record(
            AnnotationRecord(
                sentence: corpus.sentences[n], label: label, annotator: annotator,
                time: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(second) * 1000),
                adjudicated: adjudicated))
    }

    /// alice labels everything; bob labels two and adjudicates one; judge adjudicates three, ten
    /// seconds apart (a pace the computation still finds); erin labels one and undoes it.
    func stats() throws -> AnnotationStats {
        let folder = try LabelFolder()
        try folder.append("alice", (0..<4).map { record($0, "claim", by: "alice", second: $0 * 5) })
        try folder.append(
            "bob",
            [
                record(0, "claim", by: "bob", second: 3), record(1, "quote", by: "bob", second: 9),
                record(1, "claim", by: "bob", second: 40, adjudicated: true),
            ])
        try folder.append(
            "judge", (0..<3).map { record($0, "claim", by: "judge", second: 100 + $0 * 10, adjudicated: true) })
        try folder.append("erin", [record(2, "noise", by: "erin", second: 7), record(2, nil, by: "erin", second: 8)])
        return try folder.stats(corpus: corpus)
    }

    @Test func adjudicatorsHaveTheirOwnSection() throws {
        let stats = try stats()
        #expect(
            stats.labelers.map(\.progress.name) == ["alice", "bob", "erin"], "\(stats.labelers.map(\.progress.name))")
        #expect(stats.adjudicators.map(\.name) == ["bob", "judge"], "\(stats.adjudicators.map(\.name))")
        let text = stats.text()
        #expect(text.contains("4 sentences labeled") || text.contains("of 4 sentences"), "\(text)")
        #expect(text.contains("3 annotators, 2 adjudicators"), "\(text)")
        let annotatorSection = try #require(text.components(separatedBy: "\nAdjudicators").first, "\(text)")
        #expect(!annotatorSection.contains("judge"), "judge among the annotators:\n\(text)")
        let adjudicatorSection = try #require(
            text.components(separatedBy: "\nAdjudicators").last?
                .components(separatedBy: "\nDocuments").first)
        #expect(adjudicatorSection.contains("  judge") && adjudicatorSection.contains("  bob"), "\(adjudicatorSection)")
        #expect(adjudicatorSection.contains("bob also labels"), "\(adjudicatorSection)")
        let documents = try #require(text.components(separatedBy: "\nDocuments").last?.split(separator: "\n").first)
        #expect(!documents.contains("judge") && documents.contains("erin"), "\(documents)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.jsonLine)) as? [String: Any])
        let annotators = try #require(json["annotators"] as? [[String: Any]])
        #expect(annotators.map { $0["name"] as? String } == ["alice", "bob", "erin"], "\(annotators)")
        let adjudicators = try #require(json["adjudicators"] as? [[String: Any]], "\(json.keys.sorted())")
        #expect(adjudicators.map { $0["name"] as? String } == ["bob", "judge"], "\(adjudicators)")
        #expect(adjudicators.map { $0["adjudications"] as? Int } == [1, 3], "\(adjudicators)")
        #expect(adjudicators.map { $0["also_labels"] as? Bool } == [true, false], "\(adjudicators)")
        let covered = try #require((json["documents"] as? [[String: Any]])?.first?["covered"] as? [String: Int])
        #expect(covered == ["alice": 4, "bob": 2, "erin": 0], "\(covered)")
    }

    @Test func noPaceWithoutDecisions() throws {
        let stats = try stats()
        let judge = try #require(stats.annotators.first { $0.name == "judge" })
        // The computation finds a pace in judge's three lines; the reports do not show it.
        #expect(judge.labelsPerMinute != nil && judge.shownLabelsPerMinute == nil, "\(judge)")
        let erin = try #require(stats.labelers.first { $0.progress.name == "erin" }?.progress)
        #expect(erin.decisions == 0 && erin.shownLabelsPerMinute == nil, "\(erin)")
        let text = stats.text()
        let erinRow = try #require(text.split(separator: "\n").first { $0.hasPrefix("  erin ") }, "\(text)")
        #expect(erinRow.contains(" - ") && !erinRow.contains("."), "\(erinRow)")
        #expect(text.contains("No pace without a current decision (-)."), "\(text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.jsonLine)) as? [String: Any])
        let rows = try #require(json["annotators"] as? [[String: Any]])
        #expect(rows.first { $0["name"] as? String == "erin" }?["labels_per_minute"] is NSNull, "\(rows)")
        #expect(rows.first { $0["name"] as? String == "alice" }?["labels_per_minute"] is Double, "\(rows)")
    }

    @Test func onlyAdjudicationsIsSaidSo() throws {
        let folder = try LabelFolder()
        try folder.append("judge", [record(0, "claim", by: "judge", second: 1, adjudicated: true)])
        let stats = try folder.stats(corpus: corpus)
        let text = stats.text()
        #expect(text.contains("0 annotators, 1 adjudicator") && text.contains("only adjudications"), "\(text)")
        #expect(!text.contains("Annotators  decisions"), "\(text)")
    }
}
