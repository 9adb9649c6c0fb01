import Foundation
import Testing

/// `sentag agreement` end to end: the built binary on label files made from `sentag segment`'s
/// sentences (and on the cross-check fixtures), exit codes 0 / 1 / 64.
@Suite struct AgreementCommandTests {
    static let fixtures = SentagBinary.packageRoot.appendingPathComponent("Tests/SentagKitTests/Fixtures/agreement")

    /// Label files for `annotators` over the seeds' sentences: annotator n labels every sentence
    /// whose position is not a multiple of n + 3, mostly by a simple rule, sometimes otherwise.
    static func labelFiles(_ annotators: [String], into folder: URL) throws -> [[String: Any]] {
        let segment = try SentagBinary.run(["segment", "seeds", "--json"])
        let sentences = try segment.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let labels = ["claim", "quote", "caption", "noise"]
        for (n, name) in annotators.enumerated() {
            var lines = ""
            for (position, sentence) in sentences.enumerated() where position % (n + 3) != 0 {
                let text = sentence["text"] as! String
                var label = text.contains("\"") || text.contains("“") ? "quote" : text.count < 40 ? "noise" : "claim"
                if (position * 7 + n * 13) % 11 == 0 { label = labels[(position + n) % 4] }
                var record = sentence
                record["label"] = label
                record["annotator"] = name
                record["time"] = String(format: "2026-11-21T14:%02d:%02d.000Z", position / 60 % 60, position % 60)
                lines +=
                    String(
                        decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]),
                        as: UTF8.self) + "\n"
            }
            try lines.write(to: folder.appendingPathComponent("\(name).jsonl"), atomically: true, encoding: .utf8)
        }
        return sentences
    }

    @Test func jsonMatchesTheCrossCheckFixture() throws {
        let folder = Self.fixtures.appendingPathComponent("random-05")
        let result = try SentagBinary.run(["agreement", "--json", "--annotations", folder.path])
        #expect(result.status == 0, "\(result.transcript)")
        let actual = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json")))
                as? [String: Any])
        for key in ["items", "ratings", "fleiss_items"] {
            #expect(actual[key] as? Int == expected[key] as? Int, "\(key): \(result.stdout)")
        }
        for key in ["percent_agreement", "krippendorff_alpha", "fleiss_kappa", "gwet_ac1"] {
            let a = (actual[key] as? NSNumber)?.doubleValue
            let e = (expected[key] as? NSNumber)?.doubleValue
            #expect(
                (a == nil && e == nil) || (a != nil && e != nil && abs(a! - e!) <= 1e-9),
                "\(key): \(String(describing: a)) vs \(String(describing: e))")
        }
        // The fixture has a truncated line: a warning on stderr, with file and line.
        #expect(result.stderr.contains("frank.jsonl:") && result.stderr.contains(": warning: "), "\(result.transcript)")
    }

    @Test func textReportOnTheSeeds() throws {
        let folder = try SentagBinary.temporaryDirectory()
        _ = try Self.labelFiles(["alice", "bob", "carol"], into: folder)
        let result = try SentagBinary.run(["agreement", "--annotations", folder.path, "--bootstrap", "200"])
        #expect(result.status == 0, "\(result.transcript)")
        for expected in [
            "Agreement of 3 annotators (alice, bob, carol)", "Krippendorff's alpha", "Fleiss' kappa", "Gwet's AC1",
            "95% interval", "Cohen's kappa by pair", "Confusion of the weakest pair", "specific agreement", "Reading",
        ] {
            #expect(result.stdout.contains(expected), "missing '\(expected)' in\n\(result.stdout)")
        }
        #expect(!result.stdout.contains("\u{1B}["), "colour on a pipe:\n\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.transcript)")
    }

    @Test func bootstrapIsReproducibleForASeed() throws {
        let folder = try SentagBinary.temporaryDirectory()
        _ = try Self.labelFiles(["alice", "bob"], into: folder)
        let run = { (seed: String) in
            try SentagBinary.run([
                "agreement", "--json", "--annotations", folder.path, "--bootstrap", "300", "--seed", seed,
            ])
        }
        let (a, b, c) = (try run("5"), try run("5"), try run("6"))
        #expect(a.status == 0 && a.stdout == b.stdout, "\(a.transcript)\n\(b.transcript)")
        #expect(a.stdout != c.stdout, "\(c.transcript)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        let bootstrap = try #require(object["bootstrap"] as? [String: Any], "\(a.stdout)")
        #expect(bootstrap["seed"] as? Int == 5 && bootstrap["samples"] as? Int == 300, "\(bootstrap)")
    }

    @Test func disagreementsAreListedWithDocIndexAndVotes() throws {
        let folder = try SentagBinary.temporaryDirectory()
        _ = try Self.labelFiles(["alice", "bob"], into: folder)
        let result = try SentagBinary.run(["agreement", "--annotations", folder.path, "--disagreements"])
        #expect(result.status == 0, "\(result.transcript)")
        let section = try #require(result.stdout.components(separatedBy: "Disagreements (").last, "\(result.stdout)")
        #expect(section.contains("alice ") && section.contains(" · bob "), "\(section)")
        #expect(section.range(of: #"\n  [0-9a-f_]+:\d+  "#, options: .regularExpression) != nil, "\(section)")
    }

    /// Issue 10, item 1: a place `--disagreements` prints, typed into `:goto`, shows that very
    /// sentence, and the screen's header names it the same way.
    @Test func gotoTakesThePlacesTheDisagreementsPrint() throws {
        let folder = try SentagBinary.temporaryDirectory()
        _ = try Self.labelFiles(["alice", "bob"], into: folder)
        let report = try SentagBinary.run(["agreement", "--annotations", folder.path, "--disagreements"])
        let section = try #require(report.stdout.components(separatedBy: "Disagreements (").last, "\(report.stdout)")
        let lines = section.split(separator: "\n").map(String.init)
        let entries = lines.indices.filter { lines[$0].hasPrefix("  ") && !lines[$0].hasPrefix("      ") }
        for entry in entries.prefix(3) {
            let place = try #require(lines[entry].split(separator: " ").first.map(String.init))
            let text = lines[entry + 1].trimmingCharacters(in: .whitespaces)
            let empty = try SentagBinary.temporaryDirectory()
            let session = try SentagBinary.run(
                ["label", "seeds", "--annotations", empty.path, "--annotator", "zed"], input: ":goto \(place)\n",
                environment: ["COLUMNS": "2000"])
            #expect(session.stdout.contains("▸ \(text)\n"), "\(place): \(text)\n\(session.transcript)")
            #expect(session.stdout.contains("\n\(place) of "), "\(place)\n\(session.transcript)")
        }
        #expect(entries.count >= 3, "\(section)")
    }

    /// Issue 8: a warning naming file, line and label; the decision is not counted.
    @Test func aLabelOutsideTheSetIsAWarningNamingFileLineAndLabel() throws {
        let folder = try SentagBinary.temporaryDirectory()
        _ = try Self.labelFiles(["alice"], into: folder)
        let line =
            #"{"id":"00000000000000aa","doc":"d","index":0,"start":0,"end":5,"text":"Hi.","label":"opinion","annotator":"bob","time":"2026-11-21T15:00:00.000Z"}"#
        try (line + "\n").write(to: folder.appendingPathComponent("bob.jsonl"), atomically: true, encoding: .utf8)
        let result = try SentagBinary.run(["agreement", "--annotations", folder.path])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stderr.contains("bob.jsonl:1: warning: label 'opinion'"), "\(result.transcript)")
        #expect(result.stdout.hasPrefix("Agreement of 1 annotator (alice)"), "\(result.transcript)")
    }

    @Test func anUnreadableLineIsReportedAndSkipped() throws {
        let folder = try SentagBinary.temporaryDirectory()
        _ = try Self.labelFiles(["alice", "bob"], into: folder)
        let file = folder.appendingPathComponent("bob.jsonl")
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"00000000000000aa","doc":"d","ind"#.utf8))
        try handle.close()
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count
        let result = try SentagBinary.run(["agreement", "--json", "--annotations", folder.path])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stderr.contains("bob.jsonl:\(lines): warning: "), "\(result.transcript)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["skipped_lines"] as? Int == 1, "\(result.stdout)")
    }

    static let badInputs: [([String], Int32)] = [
        (["agreement", "--annotations", "no-such-folder"], 1),
        (
            ["agreement", "--annotations", "Tests/SentagKitTests/Fixtures/agreement/random-01", "--annotators", "zoe"],
            1
        ),
        (["agreement", "--annotators", "../etc"], 64),
        (["agreement", "--bootstrap", "-1"], 64),
        (["agreement", "--seed", "-1"], 64),
        (["agreement", "--no-such-flag"], 64),
    ]

    @Test(arguments: badInputs)
    func badInputExitsWithTheRightStatus(_ arguments: [String], _ status: Int32) throws {
        let result = try SentagBinary.run(arguments)
        #expect(result.status == status, "\(result.transcript)")
        if status == 1 { #expect(result.stderr.hasPrefix("error: "), "\(result.transcript)") }
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(result.transcript)")
    }

    @Test func aBadLabelsJSONIsAnError() throws {
        let folder = try SentagBinary.temporaryDirectory()
        _ = try Self.labelFiles(["alice"], into: folder)
        try #"{"labels":[]}"#.write(to: folder.appendingPathComponent("labels.json"), atomically: true, encoding: .utf8)
        let result = try SentagBinary.run(["agreement", "--annotations", folder.path])
        #expect(
            result.status == 1 && result.stderr.hasPrefix("error: ") && result.stderr.contains("labels.json"),
            "\(result.transcript)")
    }

    @Test func undefinedFiguresAreNullAndExplained() throws {
        let folder = Self.fixtures.appendingPathComponent("single-annotator")
        let json = try SentagBinary.run(["agreement", "--json", "--annotations", folder.path])
        #expect(json.status == 0, "\(json.transcript)")
        #expect(json.stdout.contains(#""krippendorff_alpha":null"#) && !json.stdout.contains("nan"), "\(json.stdout)")
        let text = try SentagBinary.run(["agreement", "--annotations", folder.path])
        #expect(
            text.stdout.contains("Krippendorff's alpha is undefined: there is only one annotator"), "\(text.stdout)")
    }
}
