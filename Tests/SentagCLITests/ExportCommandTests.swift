import Foundation
import Testing

/// `sentag export` end to end: the built binary on label files with a known answer.
@Suite struct ExportCommandTests {
    static let policies = ["adjudicated-majority", "majority", "unanimous", "annotator:bob"]
    static let labels = ["claim", "quote", "caption", "noise"]

    func export(_ scenario: ExportScenario, _ extra: [String] = [], out: String = "dataset") throws
        -> SentagBinary.Result
    {
        try SentagBinary.run(["export", ExportScenario.source, "--out", out] + extra, in: scenario.directory)
    }

    @Test(arguments: policies)
    func everyPolicyExportsWhatTheTableSays(policy: String) throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let result = try export(scenario, ["--policy", policy])
        #expect(result.status == 0, "\(result.transcript)")
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        let examples = try dataset.examples()
        var expectedReasons: [String: Int] = [:]
        for item in scenario.items {
            let (label, reason) = ExportScenario.expected(item.pattern, policy: policy)
            let example = examples[item.sentence.id.description]
            #expect(
                example?["label"] as? String == label, "\(item.pattern) under \(policy): \(String(describing: example))"
            )
            if let reason { expectedReasons[reason, default: 0] += 1 }
        }
        #expect(examples.count == scenario.items.count - expectedReasons.values.reduce(0, +), "\(examples.count)")
        let manifest = try dataset.manifest
        #expect(manifest["policy"] as? String == policy, "\(manifest)")
        let leftOut = try #require(manifest["left_out"] as? [String: Int], "\(manifest)")
        for (key, count) in leftOut where key != "total" {
            #expect(count == expectedReasons[key, default: 0], "left_out.\(key) under \(policy): \(leftOut)")
        }
        #expect(leftOut["total"] == expectedReasons.values.reduce(0, +), "\(leftOut)")
        #expect(manifest["items"] as? Int == scenario.items.count, "\(manifest)")
    }

    @Test func theAdjudicatedLabelWinsAndTiesAreCounted() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let result = try export(scenario)
        #expect(result.status == 0, "\(result.transcript)")
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        let examples = try dataset.examples()
        let overruled = try #require(scenario.items.first { $0.pattern == .overruled })
        let example = try #require(examples[overruled.sentence.id.description], "\(examples.keys)")
        #expect(example["label"] as? String == "quote", "the adjudication beats claim, claim, quote: \(example)")
        #expect(example["adjudicated"] as? Bool == true, "\(example)")
        #expect(
            example["votes"] as? [String: String] == ["alice": "claim", "bob": "claim", "carol": "quote"], "\(example)")
        #expect(abs((example["agreement"] as? Double ?? -1) - 1.0 / 3.0) < 1e-9, "\(example)")
        let ties = scenario.items.filter { $0.pattern == .tie }
        #expect(ties.allSatisfy { examples[$0.sentence.id.description] == nil }, "ties are left out")
        let leftOut = try #require(try dataset.manifest["left_out"] as? [String: Int])
        #expect(leftOut["tie"] == ties.count && ties.count > 0, "\(leftOut)")
        #expect(result.stdout.contains("tie \(ties.count)"), "\(result.transcript)")
    }

    @Test(arguments: ["jsonl", "spacy", "fasttext", "csv", "prodigy"])
    func everyFormatParsesBack(format: String) throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let result = try export(scenario, ["--format", format, "--seed", "5"])
        #expect(result.status == 0, "\(result.transcript)")
        // The same examples in the same order as the jsonl export of the same seed.
        let reference = try export(scenario, ["--seed", "5"], out: "reference")
        #expect(reference.status == 0, "\(reference.transcript)")
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        let expected = ExportedDataset(directory: scenario.directory.appendingPathComponent("reference"))
        let textOf = Dictionary(
            uniqueKeysWithValues: scenario.items.map { ($0.sentence.id.description, $0.sentence.text) })
        for split in ["train", "dev", "test"] {
            let want = try expected.jsonLines("\(split).jsonl")
            switch format {
            case "jsonl":
                let lines = try dataset.jsonLines("\(split).jsonl")
                #expect(lines.count == want.count, "\(split)")
                for line in lines {
                    for key in ["id", "doc", "text", "label", "split", "votes", "agreement"] {
                        #expect(line[key] != nil, "\(key) missing: \(line)")
                    }
                    #expect(line["split"] as? String == split, "\(line)")
                    #expect(line["text"] as? String == textOf[line["id"] as! String], "\(line)")
                }
            case "spacy":
                let lines = try dataset.jsonLines("\(split).jsonl")
                #expect(lines.count == want.count, "\(split)")
                for (line, reference) in zip(lines, want) {
                    #expect(Set(line.keys) == ["text", "cats", "meta"], "\(line)")
                    let cats = try #require(line["cats"] as? [String: Double], "\(line)")
                    #expect(Set(cats.keys) == Set(Self.labels), "\(cats)")
                    #expect(
                        cats.values.filter { $0 == 1.0 }.count == 1 && cats.values.allSatisfy { $0 == 0 || $0 == 1 },
                        "\(cats)")
                    #expect(cats[reference["label"] as! String] == 1.0, "\(line) vs \(reference)")
                    let meta = try #require(line["meta"] as? [String: Any], "\(line)")
                    #expect(
                        meta["id"] as? String == reference["id"] as? String
                            && meta["doc"] as? String == reference["doc"] as? String, "\(meta)")
                    #expect(line["text"] as? String == reference["text"] as? String, "\(line)")
                }
            case "fasttext":
                let text = try dataset.text("\(split).txt")
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(text.isEmpty || text.hasSuffix("\n"), "\(text)")
                #expect(lines.count == want.count, "one line per example in \(split): \(text)")
                for (line, reference) in zip(lines, want) {
                    let prefix = "__label__\(reference["label"] as! String) "
                    #expect(line.hasPrefix(prefix), "\(line)")
                    let folded = (reference["text"] as! String).split(whereSeparator: { $0.isWhitespace }).joined(
                        separator: " ")
                    #expect(line.dropFirst(prefix.count) == folded, "\(line)")
                }
            case "csv":
                let rows = ExportedDataset.parseCSV(try dataset.text("\(split).csv"))
                #expect(
                    rows.first == ["id", "doc", "index", "text", "label", "label_id", "split", "votes", "agreement"],
                    "\(rows.first ?? [])")
                #expect(rows.count == want.count + 1, "\(split): \(rows.count) rows")
                for (row, reference) in zip(rows.dropFirst(), want) {
                    #expect(row.count == 9, "\(row)")
                    #expect(
                        row[0] == reference["id"] as? String && row[3] == reference["text"] as? String,
                        "\(row) vs \(reference)")
                    #expect(row[4] == reference["label"] as? String && row[6] == split, "\(row)")
                    #expect(Int(row[5]) == reference["label_id"] as? Int, "\(row)")
                    let votes = try JSONSerialization.jsonObject(with: Data(row[7].utf8)) as? [String: String]
                    #expect(votes == reference["votes"] as? [String: String], "\(row)")
                }
            case "prodigy":
                let lines = try dataset.jsonLines("\(split).jsonl")
                #expect(lines.count == want.count, "\(split)")
                for (line, reference) in zip(lines, want) {
                    #expect(
                        line["answer"] as? String == "accept"
                            && line["accept"] as? [String] == [reference["label"] as! String], "\(line)")
                    for key in ["_input_hash", "_task_hash"] {
                        let hash = try #require(line[key] as? Int, "\(key): \(line)")
                        #expect(Int(Int32.min)...Int(Int32.max) ~= hash, "\(key) \(hash)")
                    }
                    let options = try #require(line["options"] as? [[String: String]], "\(line)")
                    #expect(options.map { $0["id"] } == Self.labels, "\(options)")
                    #expect((line["meta"] as? [String: Any])?["id"] as? String == reference["id"] as? String, "\(line)")
                }
            default:
                Issue.record("no check for \(format)")
            }
        }
        let manifest = try dataset.manifest
        #expect(manifest["format"] as? String == format, "\(manifest)")
    }

    @Test func theSameSeedGivesByteIdenticalFiles() throws {
        let scenario = try ExportScenario(documents: 40)
        defer { scenario.remove() }
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        let files = ["train.jsonl", "dev.jsonl", "test.jsonl", "manifest.json", "README.md"]
        #expect(try export(scenario, ["--seed", "7"]).status == 0)
        let first = try files.map { try dataset.bytes($0) }
        let again = try export(scenario, ["--seed", "7"])
        #expect(again.status == 0, "\(again.transcript)")
        for (name, bytes) in zip(files, first) {
            #expect(try dataset.bytes(name) == bytes, "\(name) changed between two runs with seed 7")
        }
        #expect(try export(scenario, ["--seed", "8"]).status == 0)
        #expect(try dataset.bytes("train.jsonl") != first[0], "seeds 7 and 8 gave the same train split")
    }

    @Test(arguments: [0, 1, 2, 3] as [UInt64])
    func noDocumentIsInTwoSplits(seed: UInt64) throws {
        let scenario = try ExportScenario(documents: 30)
        defer { scenario.remove() }
        let result = try export(scenario, ["--seed", "\(seed)", "--split", "60/20/20"])
        #expect(result.status == 0, "\(result.transcript)")
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        var splitOf: [String: String] = [:]
        var counts: [String: Int] = [:]
        for (_, example) in try dataset.examples() {
            let doc = example["doc"] as! String
            let split = example["split"] as! String
            #expect(example["file"] as? String == split, "\(example)")
            #expect(splitOf[doc] == nil || splitOf[doc] == split, "\(doc) is in \(splitOf[doc]!) and \(split)")
            splitOf[doc] = split
            counts[split, default: 0] += 1
        }
        #expect(Set(splitOf.values) == ["train", "dev", "test"], "\(counts)")
        let manifest = try dataset.manifest
        let splits = try #require(manifest["splits"] as? [String: [String: Any]], "\(manifest)")
        for (name, summary) in splits {
            #expect(summary["examples"] as? Int == counts[name, default: 0], "\(name): \(summary)")
            let labels = try #require(summary["labels"] as? [String: Int])
            #expect(labels.values.reduce(0, +) == counts[name, default: 0], "\(name): \(labels)")
            #expect(summary["documents"] as? Int == Set(splitOf.filter { $0.value == name }.keys).count, "\(summary)")
        }
    }

    @Test func tooFewDocumentsIsAWarning() throws {
        let scenario = try ExportScenario(documents: 2)
        defer { scenario.remove() }
        let result = try export(scenario)
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            result.stderr.contains("warning: only 2 documents") && result.stderr.contains("dev and test are empty"),
            "\(result.transcript)")
        let manifest = try ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset")).manifest
        #expect((manifest["warnings"] as? [String])?.count == 1, "\(manifest)")
    }

    @Test func dropAndMinVotesLeaveTheirItemsOut() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let result = try export(scenario, ["--drop", "noise", "--drop", "caption", "--format", "spacy"])
        #expect(result.status == 0, "\(result.transcript)")
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        let lines = try ["train", "dev", "test"].flatMap { try dataset.jsonLines("\($0).jsonl") }
        for line in lines {
            #expect((line["cats"] as? [String: Double]).map { Set($0.keys) } == ["claim", "quote"], "\(line)")
        }
        let manifest = try dataset.manifest
        let dropped = scenario.items.filter { $0.pattern == .single || $0.pattern == .settledTie }.count
        #expect((manifest["left_out"] as? [String: Int])?["dropped_label"] == dropped, "\(manifest)")
        #expect(manifest["labels"] as? [String] == ["claim", "quote"], "\(manifest)")

        let strict = try export(scenario, ["--min-votes", "3"])
        #expect(strict.status == 0, "\(strict.transcript)")
        let examples = try dataset.examples()
        for item in scenario.items {
            let (label, _) = ExportScenario.expected(item.pattern, policy: "adjudicated-majority", minVotes: 3)
            #expect(examples[item.sentence.id.description]?["label"] as? String == label, "\(item.pattern)")
        }
        let below = scenario.items.filter { $0.pattern == .single || $0.pattern == .tie }.count
        #expect((try dataset.manifest["left_out"] as? [String: Int])?["below_min_votes"] == below)
    }

    @Test func softCarriesTheVoteDistribution() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let result = try export(scenario, ["--soft"])
        #expect(result.status == 0, "\(result.transcript)")
        let examples = try ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset")).examples()
        let majority = try #require(scenario.items.first { $0.pattern == .majority })
        let soft = try #require(examples[majority.sentence.id.description]?["soft"] as? [String: Double])
        #expect(soft.count == 4 && soft["caption"] == 0 && soft["noise"] == 0, "\(soft)")
        #expect(abs(soft["quote"]! - 2.0 / 3.0) < 1e-9 && abs(soft["claim"]! - 1.0 / 3.0) < 1e-9, "\(soft)")
        let csv = try export(scenario, ["--soft", "--format", "csv"], out: "csv")
        #expect(csv.status == 0, "\(csv.transcript)")
        let header = ExportedDataset.parseCSV(
            try ExportedDataset(directory: scenario.directory.appendingPathComponent("csv")).text("train.csv")
        ).first
        #expect(header?.suffix(4) == ["soft_claim", "soft_quote", "soft_caption", "soft_noise"], "\(header ?? [])")
    }

    /// The manifest's checksums are what coreutils' `sha256sum` computes for the files written.
    @Test func theManifestsChecksumsAreSha256sums() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let result = try export(scenario, ["--seed", "3"])
        #expect(result.status == 0, "\(result.transcript)")
        let dataset = scenario.directory.appendingPathComponent("dataset")
        let manifest = try ExportedDataset(directory: dataset).manifest
        let sums = try #require(manifest["sha256"] as? [String: String], "\(manifest)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = sums.keys.sorted()
        process.currentDirectoryURL = dataset
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var expected: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            expected[String(parts[1])] = String(parts[0])
        }
        #expect(sums.count >= 4 && sums == expected, "\(sums) vs \(expected)")
    }

    @Test func theManifestChecksumsMatchSha256sumAndTheCardExists() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let result = try export(scenario, ["--format", "csv"])
        #expect(result.status == 0, "\(result.transcript)")
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        let manifest = try dataset.manifest
        let sums = try #require(manifest["sha256"] as? [String: String], "\(manifest)")
        #expect(
            Set(sums.keys) == ["train.csv", "dev.csv", "test.csv", "README.md", "config.cfg", "to_docbin.py"], "\(sums)"
        )
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"] + sums.keys.sorted()
        process.currentDirectoryURL = dataset.directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(sums[String(parts[1])] == String(parts[0]), "\(line) vs \(sums)")
        }
        let version = try SentagBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(manifest["sentag_version"] as? String == version, "\(manifest)")
        #expect(manifest["annotators"] as? [String] == ["alice", "bob", "carol"], "\(manifest)")
        #expect(manifest["adjudicators"] as? [String] == ["dana"], "\(manifest)")
        #expect(manifest["seed"] as? Int == 0 && manifest["split"] as? String == "80/10/10", "\(manifest)")
        let agreement = try #require(manifest["agreement"] as? [String: Any], "\(manifest)")
        #expect(
            agreement["percent_agreement"] is Double && agreement.keys.contains("krippendorff_alpha"), "\(agreement)")
        let card = try dataset.text("README.md")
        #expect(card.contains("adjudicated-majority") && card.contains("| train |"), "\(card)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dataset.directory.path).sorted()
                == ["README.md", "config.cfg", "dev.csv", "manifest.json", "test.csv", "to_docbin.py", "train.csv"])
    }

    @Test func aPreviousExportIsReplacedWhole() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        #expect(try export(scenario, ["--format", "csv"]).status == 0)
        let again = try export(scenario, ["--format", "jsonl"])
        #expect(again.status == 0, "\(again.transcript)")
        let entries = try FileManager.default.contentsOfDirectory(
            atPath: scenario.directory.appendingPathComponent("dataset").path)
        #expect(
            entries.sorted() == [
                "README.md", "config.cfg", "dev.jsonl", "manifest.json", "test.jsonl", "to_docbin.py", "train.jsonl",
            ], "\(entries)")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: scenario.directory.path)
        #expect(siblings.sorted() == ["Annotations", "corpus", "dataset"], "no temporaries left: \(siblings)")
    }

    // MARK: - Errors

    @Test func runtimeProblemsAreClearErrorsWithStatus1() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let cases: [([String], String)] = [
            (["--policy", "annotator:zed"], "no journal for annotator 'zed'; known: alice, bob, carol, dana"),
            (["--drop", "opinion"], "--drop opinion: no such label"),
            (["--policy", "unanimous", "--drop", "claim", "--drop", "noise"], "nothing to export"),
            (["--annotations", "Nowhere"], "Nowhere: no such annotations folder"),
            (["--out", "Annotations"], "Annotations holds '"),
        ]
        for (arguments, message) in cases {
            let result = try SentagBinary.run(
                ["export", ExportScenario.source, "--out", "dataset"] + arguments, in: scenario.directory)
            #expect(result.status == 1, "\(arguments): \(result.transcript)")
            #expect(
                result.stderr.hasPrefix("error: ") && result.stderr.contains(message),
                "\(arguments): \(result.transcript)")
        }
        #expect(!FileManager.default.fileExists(atPath: scenario.directory.appendingPathComponent("dataset").path))
    }

    /// Issue 8: a warning naming file, line and label, not a stop; a record that is not a
    /// sentence of the sources is counted as orphaned and never exported.
    @Test func aLabelOutsideTheLabelSetIsAWarningAndOrphansAreCounted() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let path = scenario.annotations.appendingPathComponent("bob.jsonl")
        var text = try String(contentsOf: path, encoding: .utf8)
        let lineCount = text.split(separator: "\n").count
        text +=
            #"{"id":"00000000000000ff","doc":"x","index":0,"start":0,"end":1,"text":"x","label":"opinion","annotator":"bob","time":"2026-11-21T14:03:05.120Z"}"#
            + "\n"
        try text.write(to: path, atomically: false, encoding: .utf8)
        text +=
            #"{"id":"00000000000000fe","doc":"evil/../doc","index":0,"start":0,"end":11,"text":"HACKED TEXT","label":"claim","annotator":"bob","time":"2026-11-21T14:03:05.120Z"}"#
            + "\n"
        try text.write(to: path, atomically: false, encoding: .utf8)
        let result = try SentagBinary.run(
            ["export", ExportScenario.source, "--out", "dataset"], in: scenario.directory)
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            result.stderr.contains(
                "Annotations/bob.jsonl:\(lineCount + 1): warning: label 'opinion' is not in the label set"),
            "\(result.transcript)")
        let dataset = ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset"))
        let manifest = try dataset.manifest
        #expect(manifest["orphaned"] as? Int == 1, "\(manifest)")
        #expect(try !dataset.text("train.jsonl").contains("HACKED"), "the record's text is never exported")
    }

    @Test(arguments: [
        ["--split", "80/10"], ["--split", "70/20/20"], ["--split", "-10/60/50"], ["--format", "parquet"],
        ["--soft", "--format", "fasttext"], ["--min-votes", "0"], ["--seed", "-1"],
    ])
    func badUsageIsStatus64(arguments: [String]) throws {
        let scenario = try ExportScenario(documents: 1)
        defer { scenario.remove() }
        let result = try SentagBinary.run(
            ["export", ExportScenario.source, "--out", "dataset"] + arguments, in: scenario.directory)
        #expect(result.status == 64, "\(arguments): \(result.transcript)")
    }

    @Test func helpDoesNotMentionTheTestHook() throws {
        let result = try SentagBinary.run(["export", "--help"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stdout.contains("--policy") && !result.stdout.contains("PAUSE"), "\(result.stdout)")
    }
}
