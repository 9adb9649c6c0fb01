import Foundation
import Testing

/// A team project for `sentag plan`: a corpus of documents whose sentences are one per line,
/// and an annotations folder, in a temporary root (`root/corpus`, `root/Annotations`); commands
/// run in the root, as a team member would run them in their checkout.
struct PlanFixture {
    let root: URL
    var annotations: String { root.appendingPathComponent("Annotations").path }

    /// `documents` documents of 4 to 15 sentences (a fixed pattern), in `root/corpus`.
    init(documents: Int = 24, root: URL? = nil) throws {
        self.root = try root ?? SentagBinary.temporaryDirectory()
        let corpus = self.root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for d in 0..<documents {
            let count = 4 + (d * 7) % 12
            let text = (0..<count).map { "Article \(d) says thing number \($0 + 1) here." }.joined(separator: "\n")
            try (text + "\n").write(
                to: corpus.appendingPathComponent(String(format: "doc%02d.txt", d)), atomically: true, encoding: .utf8)
        }
    }

    /// A fixture over an existing checkout (its corpus and annotations come from git).
    static func at(_ root: URL) -> PlanFixture {
        PlanFixture(existing: root)
    }

    init(existing root: URL) {
        self.root = root
    }

    /// `sentag ARGS…` in the root.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> SentagBinary.Result {
        try SentagBinary.run(arguments, input: input, in: root)
    }

    /// `sentag label --annotator NAME` with `lines` piped in.
    @discardableResult
    func label(_ annotator: String, _ lines: [String]) throws -> SentagBinary.Result {
        try run(["label", "--annotator", annotator], input: lines.map { $0 + "\n" }.joined())
    }

    /// One item of `plan --queue NAME --json`.
    struct QueueItem: Equatable {
        var id: String
        var kind: String
        var done: Bool
    }

    func queue(_ annotator: String) throws -> [QueueItem] {
        let result = try run(["plan", "--queue", annotator, "--json"])
        #expect(result.status == 0, "\(result.transcript)")
        return try result.stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return QueueItem(
                id: object["id"] as? String ?? "", kind: object["kind"] as? String ?? "",
                done: object["done"] as? Bool ?? false)
        }
    }

    /// Labels the annotator's whole queue: `answer` gives the line for each item.
    @discardableResult
    func labelWholeQueue(_ annotator: String, answer: (QueueItem) -> String = { _ in "c" }) throws
        -> SentagBinary.Result
    {
        let items = try queue(annotator).filter { !$0.done }
        let result = try label(annotator, items.map(answer))
        #expect(result.status == 0, "\(result.transcript)")
        return result
    }

    /// The sentence ids of the corpus, in order.
    func corpusIDs() throws -> [String] {
        let result = try run(["segment", "corpus", "--json"])
        return try result.stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object["id"] as? String ?? ""
        }
    }

    /// Per sentence id, the annotators whose current decision (the latest line of their journal
    /// for the id, not a retraction, not an adjudication) is a label.
    func votes() throws -> [String: [String]] {
        var votes: [String: [String]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: annotations)) ?? []
        for name in names where name.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: annotations + "/" + name, encoding: .utf8)
            var latest: [String: String?] = [:]
            for line in text.split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                if object["adjudicated"] as? Bool == true { continue }
                latest[object["id"] as? String ?? ""] = object["label"] as? String
            }
            let annotator = String(name.dropLast(6))
            for (id, label) in latest where label != nil { votes[id, default: []].append(annotator) }
        }
        return votes
    }

    /// `sentag … --json` as a dictionary.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments)
        #expect(result.status == 0, "\(result.transcript)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.transcript)")
    }
}
