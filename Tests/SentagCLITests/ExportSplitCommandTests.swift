import Foundation
import SentagKit
import Testing

/// Split warnings and `--stratify`, end to end (issue 10, item 15).
@Suite struct ExportSplitCommandTests {
    static let labels = ["claim", "quote", "caption", "noise"]

    /// One annotator's journal over documents (`corpus/docNN.txt`, one sentence a line) with the
    /// given examples per label: 30 news articles (claims, two quotes in every third), 6 photo
    /// galleries (4 captions, 2 claims), 4 boilerplate pages (8 noise), the rare labels in few
    /// documents.
    static func skewedCorpus() throws -> URL {
        var documents: [[Int]] = []
        for d in 0..<30 { documents.append([5 + (d * 7) % 12, d % 3 == 0 ? 2 : 0, 0, 0]) }
        for _ in 0..<6 { documents.append([2, 0, 4, 0]) }
        for _ in 0..<4 { documents.append([0, 0, 0, 8]) }
        let directory = try SentagBinary.temporaryDirectory()
        let annotations = directory.appendingPathComponent("Annotations")
        try FileManager.default.createDirectory(at: annotations, withIntermediateDirectories: true)
        let folder = directory.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (d, counts) in documents.enumerated() {
            let lines = (0..<counts.reduce(0, +)).map { "Sentence \($0) of \(String(format: "doc%02d", d))." }
            try (lines.joined(separator: "\n") + "\n").write(
                to: folder.appendingPathComponent(String(format: "doc%02d.txt", d)), atomically: true, encoding: .utf8)
        }
        let corpus = try Corpus.load([folder.path])
        var bytes: [UInt8] = []
        var clock: Int64 = 1_795_000_000_000
        for (d, counts) in documents.enumerated() {
            var index = 0
            for (k, count) in counts.enumerated() {
                for _ in 0..<count {
                    let sentence = corpus.sentences[corpus.documentRanges[d].lowerBound + index]
                    clock += 1000
                    bytes +=
                        AnnotationRecord(
                            sentence: sentence, label: labels[k], annotator: "alice",
                            time: Timestamp(millisecondsSince1970: clock)
                        ).jsonLine
                    index += 1
                }
            }
        }
        try Data(bytes).write(to: annotations.appendingPathComponent("alice.jsonl"))
        return directory
    }

    /// Σ over labels and splits of |the split's share of the label's examples − its ratio|, and
    /// the split of every document (failing the test when a document is in two).
    static func deviation(_ dataset: ExportedDataset, ratios: [String: Double]) throws -> Double {
        var counts: [String: [String: Int]] = [:]
        var totals: [String: Int] = [:]
        var splitOf: [String: String] = [:]
        for (_, example) in try dataset.examples() {
            let (doc, split, label) = (
                example["doc"] as! String, example["split"] as! String, example["label"] as! String
            )
            #expect(splitOf[doc] == nil || splitOf[doc] == split, "\(doc) is in \(splitOf[doc]!) and \(split)")
            splitOf[doc] = split
            counts[split, default: [:]][label, default: 0] += 1
            totals[label, default: 0] += 1
        }
        var sum = 0.0
        for (label, total) in totals {
            for (split, ratio) in ratios {
                sum += abs(Double(counts[split]?[label] ?? 0) / Double(total) - ratio)
            }
        }
        return sum
    }

    @Test(arguments: [0, 1, 2] as [UInt64])
    func stratifyBringsEveryLabelCloserToTheRatios(seed: UInt64) throws {
        let directory = try Self.skewedCorpus()
        let ratios = ["train": 0.6, "dev": 0.2, "test": 0.2]
        let arguments = ["export", "corpus", "--split", "60/20/20", "--seed", "\(seed)"]
        let plain = try SentagBinary.run(arguments + ["--out", "plain"], in: directory)
        let stratified = try SentagBinary.run(arguments + ["--out", "stratified", "--stratify"], in: directory)
        #expect(plain.status == 0 && stratified.status == 0, "\(plain.transcript)\n\(stratified.transcript)")
        let before = try Self.deviation(
            ExportedDataset(directory: directory.appendingPathComponent("plain")), ratios: ratios)
        let after = try Self.deviation(
            ExportedDataset(directory: directory.appendingPathComponent("stratified")), ratios: ratios)
        #expect(after < before, "seed \(seed): plain \(before), stratified \(after)")
        // Every split has every label: no warning about a missing one.
        #expect(!stratified.stderr.contains("has no example of"), "\(stratified.transcript)")
        let manifest = try ExportedDataset(directory: directory.appendingPathComponent("stratified")).manifest
        #expect(manifest["stratify"] as? Bool == true, "\(manifest)")
        #expect((manifest["command"] as? String)?.contains(" --stratify ") == true, "\(manifest)")
        #expect(
            try ExportedDataset(directory: directory.appendingPathComponent("plain")).manifest["stratify"] as? Bool
                == false)
    }

    @Test func stratifyIsReproducibleForASeed() throws {
        let directory = try Self.skewedCorpus()
        let dataset = ExportedDataset(directory: directory.appendingPathComponent("dataset"))
        let run = { (seed: String) throws -> [Data] in
            let result = try SentagBinary.run(
                ["export", "corpus", "--out", "dataset", "--stratify", "--seed", seed], in: directory)
            #expect(result.status == 0, "\(result.transcript)")
            return try ["train.jsonl", "dev.jsonl", "test.jsonl", "manifest.json"].map { try dataset.bytes($0) }
        }
        let first = try run("9")
        #expect(try run("9") == first, "the same seed gave other files")
        #expect(try run("10") != first, "seeds 9 and 10 gave the same split")
    }

    /// Three documents for 80/10/10 cannot come close: each part holds a third or so.
    @Test func aSplitOffItsShareOrWithoutALabelIsWarnedAboutOnStderrAndInTheManifest() throws {
        let scenario = try ExportScenario(documents: 3)
        defer { scenario.remove() }
        let result = try SentagBinary.run(["export", "corpus", "--out", "dataset"], in: scenario.directory)
        #expect(result.status == 0, "\(result.transcript)")
        let manifest = try ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset")).manifest
        let warnings = try #require(manifest["warnings"] as? [String], "\(manifest)")
        let shares = warnings.filter { $0.contains("of the examples") && $0.contains("asked for") }
        #expect(shares.count >= 2, "\(warnings)")
        #expect(shares.contains { $0.hasPrefix("train has ") && $0.contains("not the 80% asked for") }, "\(warnings)")
        for warning in warnings {
            #expect(result.stderr.contains("warning: \(warning)\n"), "'\(warning)' not on stderr:\n\(result.stderr)")
        }
        let card = try ExportedDataset(directory: scenario.directory.appendingPathComponent("dataset")).text(
            "README.md")
        #expect(card.contains("Warnings:\n\n- \(warnings[0])"), "\(card)")
    }

    @Test func aLabelMissingFromASplitIsNamed() throws {
        let directory = try Self.skewedCorpus()
        // Among seeds 0…19 of the plain splitter, some leave a label out of dev or test.
        var named: [String] = []
        for seed in 0..<20 {
            let result = try SentagBinary.run(
                ["export", "corpus", "--out", "dataset", "--split", "60/20/20", "--seed", "\(seed)"], in: directory)
            #expect(result.status == 0, "\(result.transcript)")
            named += result.stderr.split(separator: "\n").map(String.init).filter { $0.contains("has no example of") }
        }
        #expect(!named.isEmpty, "no seed left a label out of a split")
        #expect(
            named.allSatisfy {
                $0.hasPrefix("warning: ") && $0.contains("in the other splits)") && $0.contains("--stratify")
            },
            "\(named)")
    }
}
