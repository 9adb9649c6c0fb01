import Foundation
import SentagKit

/// Label files with a known answer for every policy, written into a fresh folder.
///
/// alice, bob and carol vote; dana adjudicates. Each sentence follows one of six patterns (by
/// document and position), and `expected` gives, by hand, what each policy must make of it.
/// The corpus is a JSONL source, `corpus/documents.jsonl`, one sentence per line (the export
/// takes texts from the corpus); some texts hold quotes, commas, tabs and non-ASCII, for the
/// formats to carry.
struct ExportScenario {
    enum Pattern: Int, CaseIterable {
        /// claim, claim, claim
        case unanimous
        /// quote, quote, claim
        case majority
        /// claim, quote (two votes)
        case tie
        /// claim, quote, caption; dana adjudicates caption
        case settledTie
        /// noise (alice alone)
        case single
        /// claim, claim, quote; dana adjudicates quote
        case overruled
    }

    struct Item {
        var sentence: Sentence
        var pattern: Pattern
    }

    let directory: URL
    private(set) var items: [Item] = []

    var annotations: URL { directory.appendingPathComponent("Annotations") }
    /// The SOURCE argument, relative to `directory`.
    static let source = "corpus/documents.jsonl"

    /// `documents` documents of 3 to 9 sentences.
    init(documents: Int = 16) throws {
        directory = try SentagBinary.temporaryDirectory()
        try FileManager.default.createDirectory(at: annotations, withIntermediateDirectories: true)
        var lines: [String: [UInt8]] = [:]
        var clock: Int64 = 1_795_000_000_000
        func write(_ sentence: Sentence, _ label: String, _ annotator: String, adjudicated: Bool = false) {
            clock += 1000
            let record = AnnotationRecord(
                sentence: sentence, label: label, annotator: annotator,
                time: Timestamp(millisecondsSince1970: clock), adjudicated: adjudicated,
                votes: adjudicated ? ["alice": "claim"] : nil)
            lines[annotator, default: []].append(contentsOf: record.jsonLine)
        }
        let awkward = [
            "He said, \"yes, and no\" — then left.", "A tab,\tand a comma.", "Zürich: 40% rise; “quoted”.",
            "Plain sentence.",
        ]
        var source: [UInt8] = []
        for d in 0..<documents {
            let doc = String(format: "doc%02d_%x", d, d * 2_654_435_761 % 65_536)
            let lines = (0..<(3 + (d * 5) % 7)).map { i in
                i % 3 == 1 ? "\(doc)/\(i): \(awkward[(d + i) % awkward.count])" : "Sentence \(i) of \(doc)."
            }
            source += JSONWriter.line { writer in
                writer.beginObject()
                writer.field("id", doc)
                writer.field("text", lines.joined(separator: "\n"))
                writer.endObject()
            }
        }
        let sourceURL = directory.appendingPathComponent(Self.source)
        try FileManager.default.createDirectory(
            at: sourceURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(source).write(to: sourceURL)
        let corpus = try Corpus.load([sourceURL.path])
        for (d, range) in corpus.documentRanges.enumerated() {
            for position in range {
                let sentence = corpus.sentences[position]
                let i = sentence.index
                let pattern = Pattern(rawValue: (d * 7 + i) % 6)!
                items.append(Item(sentence: sentence, pattern: pattern))
                switch pattern {
                case .unanimous:
                    for name in ["alice", "bob", "carol"] { write(sentence, "claim", name) }
                case .majority:
                    write(sentence, "quote", "alice")
                    write(sentence, "quote", "bob")
                    write(sentence, "claim", "carol")
                case .tie:
                    write(sentence, "claim", "alice")
                    write(sentence, "quote", "bob")
                case .settledTie:
                    write(sentence, "claim", "alice")
                    write(sentence, "quote", "bob")
                    write(sentence, "caption", "carol")
                    write(sentence, "caption", "dana", adjudicated: true)
                case .single:
                    write(sentence, "noise", "alice")
                case .overruled:
                    write(sentence, "claim", "alice")
                    write(sentence, "claim", "bob")
                    write(sentence, "quote", "carol")
                    write(sentence, "quote", "dana", adjudicated: true)
                }
            }
        }
        for (annotator, bytes) in lines {
            try Data(bytes).write(to: annotations.appendingPathComponent("\(annotator).jsonl"))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// What a policy makes of a pattern: the label, or the manifest key of the reason it is left out.
    static func expected(_ pattern: Pattern, policy: String, minVotes: Int = 1) -> (label: String?, reason: String?) {
        let votes: Int
        switch pattern {
        case .unanimous, .majority, .settledTie, .overruled: votes = 3
        case .tie: votes = 2
        case .single: votes = 1
        }
        let adjudicated = pattern == .settledTie || pattern == .overruled
        if policy == "adjudicated-majority" && adjudicated {
            return (pattern == .settledTie ? "caption" : "quote", nil)
        }
        if votes < minVotes { return (nil, "below_min_votes") }
        switch (policy, pattern) {
        case (_, .unanimous): return ("claim", nil)
        case (_, .single) where policy == "annotator:bob": return (nil, "not_labeled_by_annotator")
        case (_, .single): return ("noise", nil)
        case ("unanimous", _): return (nil, "not_unanimous")
        case ("annotator:bob", .majority): return ("quote", nil)
        case ("annotator:bob", .tie), ("annotator:bob", .settledTie): return ("quote", nil)
        case ("annotator:bob", .overruled): return ("claim", nil)
        case (_, .majority): return ("quote", nil)
        case (_, .tie), (_, .settledTie): return (nil, "tie")
        case (_, .overruled): return ("claim", nil)
        }
    }
}

/// Reading back what an export wrote.
struct ExportedDataset {
    let directory: URL

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }

    var manifest: [String: Any] {
        get throws { try JSONSerialization.jsonObject(with: bytes("manifest.json")) as! [String: Any] }
    }

    /// The objects of a JSON-lines file; every line must load.
    func jsonLines(_ name: String) throws -> [[String: Any]] {
        try text(name).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "not an object: \(line)"])
            }
            return object
        }
    }

    /// Every example of a jsonl export by id, each with the split file it was found in.
    func examples() throws -> [String: [String: Any]] {
        var all: [String: [String: Any]] = [:]
        for split in ["train", "dev", "test"] {
            for var object in try jsonLines("\(split).jsonl") {
                object["file"] = split
                all[object["id"] as! String] = object
            }
        }
        return all
    }

    /// RFC 4180: CRLF-separated records, fields quoted with `"` (doubled inside) when needed.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" && characters.first == "\n" {
                characters.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
