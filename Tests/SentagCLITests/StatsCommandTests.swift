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
}
