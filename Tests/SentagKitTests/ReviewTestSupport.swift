import Foundation
import SentagKit

/// A small project for review tests: the `SessionFixture` corpus written as files (one sentence
/// a line), and label files with known ratings.
///
/// | position | sentence | ratings | |
/// | --- | --- | --- | --- |
/// | 0 | Alpha one. | alice claim, bob claim | agree |
/// | 1 | Alpha two mentions Putin. | alice quote (note), bob claim (unsure) | disagree |
/// | 2 | Alpha three. | alice caption | one rating |
/// | 3 | Alpha four. | alice noise, bob quote, judge noise | disagree, 3 ratings |
/// | 4 | Beta one. | alice claim, bob claim, judge claim | agree, 3 ratings |
/// | 5 | Beta two. | alice quote, bob caption | disagree |
/// | 6 | Beta three. | alice noise (bob's noise retracted) | one rating |
/// | – | Gamma one. (not in the sources) | alice claim, bob quote | disagree, outside |
///
/// judge is an annotator (positions 3 and 4) and has already adjudicated position 5 (caption).
struct ReviewProject {
    let directory: TemporaryDirectory
    var sources: [String] { [directory.file("corpus")] }
    var annotations: String { directory.file("Annotations") }
    let corpus: Corpus
    static let gamma = Sentence(
        id: SentenceID(document: "gamma", text: "Gamma one.", occurrence: 0), doc: "gamma", index: 0, start: 0,
        end: 10, text: "Gamma one.")

    private var clock: Int64 = 1_795_000_000_000

    init(ratings: Bool = true) throws {
        directory = try TemporaryDirectory()
        for document in SessionFixture.documents {
            try directory.write("corpus/\(document.id).txt", document.text + "\n")
        }
        try FileManager.default.createDirectory(
            atPath: directory.file("Annotations"), withIntermediateDirectories: true)
        corpus = try Corpus.load([directory.file("corpus")])
        guard ratings else { return }
        try rate("alice", [(0, "claim"), (1, "quote"), (2, "caption"), (3, "noise"), (4, "claim"), (5, "quote")])
        try write(
            "alice",
            [
                AnnotationRecord(
                    sentence: corpus.sentences[1], label: "quote", annotator: "alice",
                    time: tick(), note: "said by Putin?")
            ])
        try write("alice", [AnnotationRecord(sentence: Self.gamma, label: "claim", annotator: "alice", time: tick())])
        try write("alice", [record(6, "noise", "alice")])
        try rate("bob", [(0, "claim"), (1, "claim"), (3, "quote"), (4, "claim"), (5, "caption"), (6, "noise")])
        try write(
            "bob",
            [
                AnnotationRecord(
                    sentence: corpus.sentences[1], label: "claim", annotator: "bob",
                    time: tick(), flag: true)
            ])
        try write("bob", [record(6, nil, "bob")])
        try write("bob", [AnnotationRecord(sentence: Self.gamma, label: "quote", annotator: "bob", time: tick())])
        try rate("judge", [(3, "noise"), (4, "claim")])
        try adjudicate(5, "caption", votes: ["alice": "quote", "bob": "caption"])
    }

    mutating func tick() -> Timestamp {
        clock += 1000
        return Timestamp(millisecondsSince1970: clock)
    }

    mutating func record(_ position: Int, _ label: String?, _ annotator: String) -> AnnotationRecord {
        AnnotationRecord(sentence: corpus.sentences[position], label: label, annotator: annotator, time: tick())
    }

    mutating func rate(_ annotator: String, _ ratings: [(Int, String)]) throws {
        var records: [AnnotationRecord] = []
        for (position, label) in ratings { records.append(record(position, label, annotator)) }
        try write(annotator, records)
    }

    mutating func adjudicate(
        _ position: Int, _ label: String?, votes: [String: String]?, by adjudicator: String = "judge"
    )
        throws
    {
        try write(
            adjudicator,
            [
                AnnotationRecord(
                    sentence: corpus.sentences[position], label: label, annotator: adjudicator, time: tick(),
                    adjudicated: true, votes: votes)
            ])
    }

    var store: FolderStore { FolderStore(path: annotations) }

    /// Appends with the store's own appender (one at a time: it locks).
    func write(_ annotator: String, _ records: [AnnotationRecord]) throws {
        let journal = try store.openJournal(annotator, command: "test")
        defer { journal.close() }
        try journal.append(records)
    }

    /// The records of a journal, in order.
    func records(_ annotator: String) throws -> [AnnotationRecord] {
        var records: [AnnotationRecord] = []
        _ = try store.forEachRecord(annotator) { line, _ in
            if let record = try? AnnotationRecord(jsonLine: line) { records.append(record) }
        }
        return records
    }

    func prepare(
        _ criteria: ReviewCriteria = ReviewCriteria(), filter: ReviewFilter = .unsettled, adjudicator: String = "judge"
    ) throws -> ReviewSetup.Preparation {
        try ReviewSetup.prepare(
            .init(
                sources: sources, adjudicator: adjudicator, criteria: criteria, filter: filter, sessionID: "review01"),
            store: store)
    }

    /// A setup that must be ready.
    func ready(
        _ criteria: ReviewCriteria = ReviewCriteria(), filter: ReviewFilter = .unsettled, adjudicator: String = "judge"
    ) throws -> ReviewSetup {
        switch try prepare(criteria, filter: filter, adjudicator: adjudicator) {
        case .ready(let setup): return setup
        case .nothingToReview(let message): throw SentagFailure("expected a review, got: \(message)")
        }
    }
}
