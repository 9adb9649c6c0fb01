import Foundation
import Testing

/// `suggest`, `check`, `duplicates`, suggestions in `label` and `review --suspects`, run through
/// the built binary on the seeds with the hand-made gold labels as journals.
@Suite struct ModelCommandTests {
    static let goldPath = SentagBinary.packageRoot.appendingPathComponent(
        "Tests/SentagKitTests/Fixtures/seeds-labeled/gold.jsonl"
    ).path

    /// The gold records of the seeds, as JSON objects.
    static var gold: [[String: Any]] {
        let text = (try? String(contentsOfFile: goldPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// A project folder with an annotations folder holding the journals given (annotator → records).
    struct Project {
        let root: URL
        var annotations: String { root.appendingPathComponent("annotations").path }

        init(_ journals: [String: [[String: Any]]], labels: String? = nil) throws {
            root = try SentagBinary.temporaryDirectory()
            try FileManager.default.createDirectory(
                atPath: root.appendingPathComponent("annotations").path, withIntermediateDirectories: true)
            for (annotator, records) in journals {
                let lines = try records.map { record -> String in
                    var record = record
                    record["annotator"] = annotator
                    return String(
                        decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]),
                        as: UTF8.self)
                }
                try (lines.joined(separator: "\n") + "\n").write(
                    toFile: annotations + "/\(annotator).jsonl", atomically: true, encoding: .utf8)
            }
            if let labels { try labels.write(toFile: annotations + "/labels.json", atomically: true, encoding: .utf8) }
        }

        /// `sentag ARGS --annotations <annotations>` in the package root (sources default to seeds).
        func run(_ arguments: [String], input: String? = nil) throws -> SentagBinary.Result {
            try SentagBinary.run(arguments + ["--annotations", annotations], input: input)
        }

        func records(_ annotator: String) throws -> [[String: Any]] {
            let text = try String(contentsOfFile: annotations + "/\(annotator).jsonl", encoding: .utf8)
            return try text.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
    }

    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
        }
    }

    /// Gold labels of the first four articles: enough of each class, the fifth left to suggest.
    static var firstFour: [[String: Any]] { gold.filter { !($0["doc"] as! String).hasPrefix("004") } }

    @Test func suggestListsTheSentencesWithoutAConsensusLabel() throws {
        let project = try Project(["gold": Self.firstFour])
        let result = try project.run(["suggest", "--json"])
        #expect(result.status == 0, "\(result.transcript)")
        let lines = try Self.objects(result.stdout)
        #expect(lines.count == 47, "the fifth article's 47 sentences\n\(result.transcript)")
        for line in lines {
            #expect(Set(line.keys) == ["id", "doc", "index", "label", "p"], "\(line)")
            let p = line["p"] as? Double ?? 0
            #expect((line["doc"] as? String)?.hasPrefix("004") == true && p > 0.25 && p <= 1, "\(line)")
        }
        let truth = Dictionary(uniqueKeysWithValues: Self.gold.map { ($0["id"] as! String, $0["label"] as! String) })
        let right = lines.filter { truth[$0["id"] as! String] == $0["label"] as? String }.count
        // Trained on four articles, on the fifth: 42 of 47 when written.
        #expect(right >= 38, "\(right) of 47 right")
        let again = try project.run(["suggest", "--json"])
        #expect(again.stdout == result.stdout, "the same store gives the same suggestions (the second from the cache)")
        let models = try FileManager.default.contentsOfDirectory(atPath: project.annotations + "/.sentag/models")
        #expect(models.count == 1, "\(models)")
        let all = try Self.objects(try project.run(["suggest", "--json", "--all"]).stdout)
        #expect(all.count == 168 && all.filter { $0["consensus"] != nil }.count == 121, "\(all.count)")
    }

    @Test func aDamagedSavedModelIsIgnoredAndRebuilt() throws {
        let project = try Project(["gold": Self.firstFour])
        let first = try project.run(["suggest", "--json"])
        let folder = project.annotations + "/.sentag/models"
        let file = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder)).first!
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: file))
        let second = try project.run(["suggest", "--json"])
        #expect(second.status == 0 && second.stdout == first.stdout, "\(second.transcript)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) != bytes, "the damaged file was replaced")
    }

    @Test func tooFewLabelsAreAClearError() throws {
        let project = try Project(["gold": Self.gold.filter { ($0["doc"] as! String).hasPrefix("000") }])
        let result = try project.run(["suggest", "--json"])
        #expect(result.status == 1 && result.stdout.isEmpty, "\(result.transcript)")
        #expect(
            result.stderr.hasPrefix(
                "error: no model yet: suggestions start after 5 labels of each class (so far: claim 13, quote 7, caption 0, noise 0)"
            ), "\(result.transcript)")
        let check = try project.run(["check"])
        #expect(
            check.status == 0 && check.stdout.hasPrefix("the model's check is skipped: no model yet"),
            "\(check.transcript)")
    }

    @Test func aLabelSetOfOneLabelIsAClearError() throws {
        let project = try Project([:], labels: #"{"labels":[{"name":"claim","key":"c"}]}"#)
        let result = try project.run(["suggest"])
        #expect(result.status == 1, "\(result.transcript)")
        #expect(
            result.stderr
                == "error: the label set has 1 label (claim); a model needs at least two to choose between: add labels to labels.json\n",
            "\(result.transcript)")
    }

    @Test func aStoreOfAdjudicationsOnlyTrainsTheModel() throws {
        let adjudications = Self.firstFour.map { record -> [String: Any] in
            var record = record
            record["adjudicated"] = true
            return record
        }
        let project = try Project(["judge": adjudications])
        let result = try project.run(["suggest", "--json"])
        let suggested = try Self.objects(result.stdout)
        #expect(result.status == 0 && suggested.count == 47, "\(result.transcript)")
        let check = try project.run(["check", "--json"])
        #expect(check.status == 0, "\(check.transcript)")
        for line in try Self.objects(check.stdout) {
            #expect(line["annotator"] as? String == "judge" && line["adjudicated"] as? Bool == true, "\(line)")
        }
    }

    @Test func checkRanksFlippedLabelsFirst() throws {
        // alice relabels ten sentences, each with the label after the gold one.
        let labels = ["claim", "quote", "caption", "noise"]
        let flipped = stride(from: 3, to: 168, by: 17).map { index -> [String: Any] in
            var record = Self.gold[index]
            let label = record["label"] as! String
            record["label"] = labels[(labels.firstIndex(of: label)! + 1) % labels.count]
            return record
        }
        let project = try Project(["gold": Self.gold, "alice": flipped])
        let result = try project.run(["check", "--json"])
        #expect(result.status == 0, "\(result.transcript)")
        let lines = try Self.objects(result.stdout)
        for line in lines {
            #expect(Set(["id", "annotator", "label", "suggested", "score"]).isSubset(of: Set(line.keys)), "\(line)")
        }
        let scores = lines.map { $0["score"] as! Double }
        #expect(scores == scores.sorted(by: >), "\(scores)")
        let top = lines.prefix(20).filter { $0["annotator"] as? String == "alice" }.count
        // 9 of alice's 10 in the top 20 when written.
        #expect(top >= 8, "\(top) of alice's 10 flipped labels in the top 20\n\(result.stdout)")
        let text = try project.run(["check"])
        #expect(text.stdout.contains("current labels the model doubts"), "\(text.transcript)")
        #expect(text.stdout.contains("Step through them with 'sentag review --suspects"), "\(text.transcript)")
        // review --suspects: Enter accepts the model's alternative, as an adjudication.
        let review = try project.run(["review", "--suspects", "--adjudicator", "carol"], input: "\n:quit\n")
        #expect(review.status == 0 && review.stdout.contains("suggestion: "), "\(review.transcript)")
        let adjudication = try #require(try project.records("carol").first)
        #expect(adjudication["adjudicated"] as? Bool == true, "\(adjudication)")
        #expect(adjudication["suggested"] as? String == adjudication["label"] as? String, "\(adjudication)")
    }

    @Test func duplicatesOfTheSeeds() throws {
        let result = try SentagBinary.run(["duplicates", "--json"])
        #expect(result.status == 0, "\(result.transcript)")
        let lines = try Self.objects(result.stdout)
        #expect(lines.count == 2, "\(result.stdout)")
        #expect(lines.first?["kind"] as? String == "exact")
        #expect(lines.first?["ids"] as? [String] == ["53af70e333d61050", "213e3bd11e5ec6e4"], "\(result.stdout)")
        #expect(lines.last?["kind"] as? String == "near")
        #expect(lines.last?["ids"] as? [String] == ["e179b3c752b246cd", "fb0af1b64a2f0ff9"], "\(result.stdout)")
        let text = try SentagBinary.run(["duplicates"])
        #expect(
            text.stdout.hasSuffix("1 group of exact duplicates, 1 of near duplicates among 168 sentences\n"),
            "\(text.stdout)")
    }

    @Test func enterAcceptsTheSuggestionInLabel() throws {
        let project = try Project(["gold": Self.firstFour])
        let result = try project.run(["label", "--annotator", "alice"], input: "\nq\n:quit\n")
        #expect(result.status == 0 && result.stdout.contains("suggestion: claim (p "), "\(result.transcript)")
        let records = try project.records("alice")
        #expect(records.count == 2, "\(records)")
        #expect(
            records[0]["label"] as? String == "claim" && records[0]["suggested"] as? String == "claim", "\(records)")
        #expect(
            records[1]["label"] as? String == "quote" && records[1]["suggested"] as? String == "claim", "\(records)")
        let off = try project.run(["label", "--annotator", "bob", "--suggest", "off"], input: "\nc\n:quit\n")
        #expect(!off.stdout.contains("suggestion:"), "\(off.transcript)")
        let bob = try project.records("bob")
        #expect(bob.count == 1 && bob[0]["suggested"] == nil, "\(bob)")
        let uncertain = try project.run(["label", "--annotator", "carol", "--order", "uncertain"], input: ":quit\n")
        #expect(uncertain.stdout.contains("least certain first (--order uncertain)"), "\(uncertain.transcript)")
        #expect(!uncertain.stdout.contains("sentence 1 of 20 ·"), "not document order:\n\(uncertain.transcript)")
        let stats = try project.run(["stats"])
        #expect(
            stats.stdout.contains("alice: 2 of 2 decisions made with a suggestion on screen, 1 of them took it (50%)"),
            "\(stats.transcript)")
    }
}
