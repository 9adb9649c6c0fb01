import Foundation
import Testing

/// `sentag stats` end to end on the seeds.
@Suite struct StatsCommandTests {
    @Test func progressOfTwoAnnotatorsOnTheSeeds() throws {
        let folder = try SentagBinary.temporaryDirectory()
        let sentences = try AgreementCommandTests.labelFiles(["alice", "bob"], into: folder)
        // A record of a sentence that no longer exists (its article was edited).
        let orphan =
            #"{"id":"00000000000000aa","doc":"000_e4828ba10e424886","index":99,"start":0,"end":5,"text":"Edited away.","label":"claim","annotator":"bob","time":"2026-11-21T15:00:00.000Z"}"#
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("bob.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data((orphan + "\n").utf8))
        try handle.close()

        let json = try SentagBinary.run(["stats", "seeds", "--json", "--annotations", folder.path])
        #expect(json.status == 0, "\(json.transcript)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["sentences"] as? Int == sentences.count, "\(json.stdout)")
        let annotators = try #require(object["annotators"] as? [[String: Any]])
        #expect(annotators.map { $0["name"] as? String } == ["alice", "bob"], "\(annotators)")
        let alice = annotators[0]
        let expectedAlice = sentences.indices.filter { $0 % 3 != 0 }.count
        #expect(alice["decisions"] as? Int == expectedAlice, "\(alice)")
        #expect((alice["labels_per_minute"] as? Double ?? 0) > 0, "\(alice)")
        #expect(alice["first"] as? String == "2026-11-21T14:00:01.000Z", "\(alice)")
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == 5, "\(documents)")
        let overlap = try #require(object["overlap"] as? [String: Int])
        #expect(overlap.values.reduce(0, +) == sentences.count, "\(overlap)")
        let orphaned = try #require(object["orphaned"] as? [String: Any])
        #expect(orphaned["records"] as? Int == 1, "\(orphaned)")
        let listed = try #require((orphaned["list"] as? [[String: Any]])?.first)
        #expect(listed["text"] == nil && (listed["file"] as? String)?.hasSuffix("bob.jsonl") == true, "\(listed)")
        #expect(listed["index"] as? Int == 99, "JSON keeps the 0-based index: \(listed)")

        let text = try SentagBinary.run(["stats", "--annotations", folder.path])
        #expect(text.status == 0, "\(text.transcript)")
        for expected in [
            "Progress", "Annotators", "labels/min", "Documents", "Overlap", "Orphaned records: 1", "Edited away.",
            "  000_e4828ba10e424886:100  claim",  // 1-based, as everywhere a person reads it (issue 10)
        ] {
            #expect(text.stdout.contains(expected), "missing '\(expected)' in\n\(text.stdout)")
        }
    }

    @Test func badSourcesAndFlagsExitWithTheRightStatus() throws {
        let missing = try SentagBinary.run(["stats", "no-such-folder"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: "), "\(missing.transcript)")
        let flag = try SentagBinary.run(["stats", "--idle-minutes", "0"])
        #expect(flag.status == 64, "\(flag.transcript)")
        let empty = try SentagBinary.temporaryDirectory()
        let none = try SentagBinary.run(["stats", "--annotations", empty.path])
        #expect(none.status == 0 && none.stdout.contains("No label files yet"), "\(none.transcript)")
    }

    /// An adjudicator (carol) is listed apart, and someone whose every label was undone (dave)
    /// gets no pace.
    @Test func adjudicatorsApartAndNoPaceWithoutDecisions() throws {
        let folder = try SentagBinary.temporaryDirectory()
        let sentences = try AgreementCommandTests.labelFiles(["alice", "bob"], into: folder)
        var carol = ""
        var dave = ""
        for (n, sentence) in sentences.prefix(6).enumerated() {
            var record = sentence
            record["label"] = "claim"
            record["annotator"] = "carol"
            record["adjudicated"] = true
            record["time"] = "2026-11-22T10:00:\(10 + n).000Z"
            carol += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
            record["annotator"] = "dave"
            record["adjudicated"] = nil
            dave += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
            record["label"] = NSNull()
            record["time"] = "2026-11-22T10:01:\(10 + n).000Z"
            dave += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
        }
        try carol.write(to: folder.appendingPathComponent("carol.jsonl"), atomically: true, encoding: .utf8)
        try dave.write(to: folder.appendingPathComponent("dave.jsonl"), atomically: true, encoding: .utf8)

        let text = try SentagBinary.run(["stats", "--annotations", folder.path])
        #expect(text.status == 0, "\(text.transcript)")
        #expect(text.stdout.contains("3 annotators, 1 adjudicator"), "\(text.stdout)")
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let adjudicatorHeader = try #require(lines.firstIndex { $0.hasPrefix("Adjudicators") }, "\(text.stdout)")
        #expect(
            lines[adjudicatorHeader + 1].hasPrefix("  carol") && lines[adjudicatorHeader + 1].contains(" 6 "),
            "\(text.stdout)")
        #expect(!lines[..<adjudicatorHeader].contains { $0.hasPrefix("  carol") }, "\(text.stdout)")
        let daveRow = try #require(lines.first { $0.hasPrefix("  dave ") }, "\(text.stdout)")
        #expect(daveRow.split(separator: " ").contains("-") && !daveRow.contains("."), "\(daveRow)")

        let json = try SentagBinary.run(["stats", "--json", "--annotations", folder.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let annotators = try #require(object["annotators"] as? [[String: Any]], "\(json.stdout)")
        #expect(annotators.map { $0["name"] as? String } == ["alice", "bob", "dave"], "\(annotators)")
        #expect(annotators[2]["labels_per_minute"] is NSNull, "\(annotators[2])")
        let adjudicators = try #require(object["adjudicators"] as? [[String: Any]], "\(json.stdout)")
        #expect(adjudicators.map { $0["name"] as? String } == ["carol"], "\(adjudicators)")
        #expect(adjudicators.first?["adjudications"] as? Int == 6, "\(adjudicators)")
    }
}
