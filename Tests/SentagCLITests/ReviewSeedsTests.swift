import Foundation
import Testing

/// Issue 5's "Done when", end to end on the real seeds: three annotators label every sentence by
/// driving `sentag label` through piped input, `sentag review` settles their disagreements, and
/// `sentag export` writes a dataset that loads as plain JSONL and in spaCy's shape.
@Suite struct ReviewSeedsTests {
    static let labels = ["claim", "quote", "caption", "noise"]
    static let keys = ["c", "q", "p", "n"]

    /// The label annotator `n` gives the sentence at position `i`: mostly the same rule, with
    /// bob differing on every 5th sentence and carol on every 7th.
    static func answer(_ annotator: String, _ i: Int) -> Int {
        switch annotator {
        case "bob" where i % 5 == 0: (i + 1) % 4
        case "carol" where i % 7 == 0: (i + 2) % 4
        default: i % 4
        }
    }

    @Test func labelReviewExportOnTheSeeds() throws {
        let root = try SentagBinary.temporaryDirectory()
        let seeds = SentagBinary.packageRoot.appendingPathComponent("seeds").path
        let annotations = root.appendingPathComponent("Annotations").path

        // The real sentence ids.
        let segment = try SentagBinary.run(["segment", seeds, "--json"])
        #expect(segment.status == 0, "\(segment.transcript)")
        let sentences = try segment.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
        }
        let count = sentences.count
        #expect(count > 100, "\(count) sentences in the seeds")

        // Three annotators label every sentence, in document order, through piped input.
        for name in ["alice", "bob", "carol"] {
            let lines = (0..<count).map { Self.keys[Self.answer(name, $0)] + "\n" }.joined()
            let result = try SentagBinary.run(
                ["label", seeds, "--annotations", annotations, "--annotator", name], input: lines, in: root)
            #expect(result.status == 0, "\(result.transcript)")
            #expect(result.stdout.contains("\(count) decisions this session"), "\(name): \(result.transcript)")
        }

        // The disagreements: every 5th or 7th sentence. dana gives each a label nobody voted for
        // (on a three-way split, the fourth one).
        let disputed = (0..<count).filter { $0 % 5 == 0 || $0 % 7 == 0 }
        let settled = Dictionary(uniqueKeysWithValues: disputed.map { ($0, ($0 + 3) % 4) })
        let review = try SentagBinary.run(
            ["review", seeds, "--annotations", annotations, "--adjudicator", "dana"],
            input: disputed.map { Self.keys[settled[$0]!] + "\n" }.joined(), in: root)
        #expect(review.status == 0, "\(review.transcript)")
        #expect(
            review.stdout.contains("\(disputed.count) sentences in the queue; 0 of \(disputed.count) adjudicated"),
            "\(review.transcript)")
        #expect(
            review.stdout.contains(
                "\(disputed.count) of \(disputed.count) disagreements settled by dana (100%), 0 left"),
            "\(review.transcript)")
        let danaFile = try String(contentsOfFile: annotations + "/dana.jsonl", encoding: .utf8)
        let adjudications = try danaFile.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
        }
        #expect(adjudications.count == disputed.count, "\(danaFile)")
        for (record, i) in zip(adjudications, disputed) {
            let votes = (record["votes"] as? [String: String]) ?? [:]
            let expectedVotes = Dictionary(
                uniqueKeysWithValues: ["alice", "bob", "carol"].map { ($0, Self.labels[Self.answer($0, i)]) })
            #expect(
                record["id"] as? String == sentences[i]["id"] as? String && record["adjudicated"] as? Bool == true
                    && votes == expectedVotes && record["label"] as? String == Self.labels[settled[i]!],
                "\(record)")
        }

        // Export as plain JSONL: every line parses; adjudicated items carry dana's label.
        let jsonlOut = root.appendingPathComponent("dataset").path
        let export = try SentagBinary.run(["export", seeds, "--out", jsonlOut, "--annotations", annotations], in: root)
        #expect(export.status == 0, "\(export.transcript)")
        var exported: [String: [String: Any]] = [:]
        for split in ["train", "dev", "test"] {
            let text = try String(contentsOfFile: jsonlOut + "/\(split).jsonl", encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(split): \(line)")
                for key in ["id", "doc", "text", "label", "split", "votes", "agreement"] {
                    #expect(object[key] != nil, "missing \(key): \(line)")
                }
                exported[object["id"] as! String] = object
            }
        }
        #expect(exported.count == count, "every sentence is exported: \(exported.count) of \(count)")
        for (i, sentence) in sentences.enumerated() {
            let id = sentence["id"] as! String
            guard let example = exported[id] else {
                Issue.record("sentence \(i) (\(id)) was not exported")
                continue
            }
            let label = settled[i].map { Self.labels[$0] } ?? Self.labels[i % 4]
            #expect(example["label"] as? String == label, "sentence \(i): \(example)")
            #expect(example["adjudicated"] as? Bool == (settled[i] != nil), "sentence \(i): \(example)")
            #expect(example["text"] as? String == sentence["text"] as? String, "sentence \(i): \(example)")
        }

        // Export in spaCy's shape: text, cats (every label 1.0 or 0.0), meta.
        let spacyOut = root.appendingPathComponent("spacy").path
        let spacy = try SentagBinary.run(
            ["export", seeds, "--out", spacyOut, "--annotations", annotations, "--format", "spacy"], in: root)
        #expect(spacy.status == 0, "\(spacy.transcript)")
        var spacyCount = 0
        for split in ["train", "dev", "test"] {
            let text = try String(contentsOfFile: spacyOut + "/\(split).jsonl", encoding: .utf8)
            for line in text.split(separator: "\n") {
                spacyCount += 1
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(split): \(line)")
                #expect(object["text"] is String, "\(line)")
                let cats = try #require(object["cats"] as? [String: Double], "\(line)")
                #expect(Set(cats.keys) == Set(Self.labels), "\(line)")
                #expect(
                    cats.values.allSatisfy { $0 == 0 || $0 == 1 } && cats.values.filter { $0 == 1 }.count == 1,
                    "\(line)")
                let meta = try #require(object["meta"] as? [String: Any], "\(line)")
                let id = try #require(meta["id"] as? String, "\(line)")
                #expect(meta["doc"] is String, "\(line)")
                let label = exported[id]?["label"] as? String ?? "?"
                #expect(cats[label] == 1.0, "\(line) should be \(label)")
            }
        }
        #expect(spacyCount == count, "\(spacyCount) spaCy lines for \(count) sentences")
        try? FileManager.default.removeItem(at: root)
    }
}
