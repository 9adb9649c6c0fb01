import Foundation
import Testing

@testable import SentagKit

/// The one decoder, the one rule for the current decision, undo, and checkpoints.
@Suite struct RecordDecoderTests {
    static let valid =
        #"{"id":"000000000000000a","doc":"d","index":0,"start":0,"end":1,"text":"t","label":"claim","annotator":"alice","time":"2026-11-21T14:03:05.120Z""#

    static func verdict(_ line: String, journal: String? = "alice") -> String {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            switch RecordDecoder.decode(buffer, journal: journal) {
            case .success: "ok"
            case .failure(let problem): problem.description
            }
        }
    }

    @Test(arguments: [
        (#","note":5}"#, #""note" is not a string"#),
        (#","votes":{"bob":42}}"#, #""votes" is not an object of annotator names to labels"#),
        (#","votes":{"../x":"claim"}}"#, #""votes" is not an object of annotator names to labels"#),
        (#","ms":-3}"#, #""ms" is -3"#),
        (#","flag":"yes"}"#, #""flag" is not true or false"#),
        (#","suggested":"Claim"}"#, #""suggested" 'Claim' is not a label name"#),
        (#","label":"quote"}"#, #""label" appears twice"#),
        ("}", "ok"),
        (#","undo":true,"run":false,"x-extra":[1,2]}"#, "ok"),
    ])
    func optionalKeysAreCheckedToo(_ tail: String, _ expected: String) {
        let verdict = Self.verdict(Self.valid + tail)
        #expect(verdict.hasPrefix(expected), "\(verdict)")
    }

    @Test(arguments: [
        (#""index":0"#, #""index":-5"#, #""index" is -5; it must be a whole number"#),
        (#""index":0"#, #""index":1e400"#, #""index" is 1e400"#),
        (#""index":0"#, #""index":1.5"#, #""index" is 1.5"#),
        (#""start":0,"end":1"#, #""start":9,"end":1"#, #""start" (9) is after "end" (1)"#),
        (#""label":"claim""#, #""label":"Clam!""#, #""label" 'Clam!' is not a label name"#),
        (#""label":"claim""#, #""label":7"#, #""label" is not a string"#),
        (#""annotator":"alice""#, #""annotator":"bob""#, "the record is by 'bob', but this is the journal of 'alice'"),
        (#""annotator":"alice""#, #""annotator":"../evil""#, #""annotator" '../evil' is not a valid annotator name"#),
        (#""id":"000000000000000a""#, #""id":"xyz""#, #""id" 'xyz' is not 16 hex digits"#),
        (#""doc":"d""#, #""doc":"""#, #""doc" is not a document id"#),
        (#""time":"2026-11-21T14:03:05.120Z""#, #""time":"yesterday""#, #""time" 'yesterday' is not"#),
        (#""text":"t""#, #""text":"a\u0007b""#, "ok"),
        (#""text":"t""#, "\"text\":\"a\u{1B}[2Jb\"", "a raw control character"),
        (#""text":"t""#, #""text":"\ud800""#, #""text" is not a valid string"#),
    ])
    func requiredKeysAreCheckedForTypeAndRange(_ from: String, _ to: String, _ expected: String) {
        let verdict = Self.verdict(Self.valid.replacingOccurrences(of: from, with: to) + "}")
        #expect(verdict.hasPrefix(expected) || verdict.contains(expected), "\(verdict)")
    }

    @Test func invalidUTF8AnywhereIsRefused() {
        var bytes = Array((Self.valid + "}").utf8)
        let text = bytes.firstIndex(of: UInt8(ascii: "t"))!
        bytes.insert(contentsOf: [0xC3, 0x28], at: text + 10)
        let verdict = bytes.withUnsafeBufferPointer { RecordDecoder.decode($0) }
        guard case .failure(.invalidUTF8) = verdict else {
            Issue.record("\(verdict)")
            return
        }
    }

    @Test func aRecordReadsBackFieldForField() throws {
        let record = AnnotationRecord(
            id: SentenceID(rawValue: 42), doc: "d/ü", index: 3, start: 5, end: 9, text: "a \"b\"\n", label: "quote",
            annotator: "alice", time: Timestamp(millisecondsSince1970: 1_795_269_785_120), note: "n", flag: true,
            suggested: "claim", ms: 1200, session: "s1", adjudicated: true, votes: ["bob": "claim", "carol": "quote"],
            undo: true, run: true, extra: [("x", "[1,2]")])
        let again = try AnnotationRecord(jsonLine: String(decoding: record.jsonLine.dropLast(), as: UTF8.self))
        #expect(again == record, "\(again)")
    }
}

@Suite struct JournalDecisionsTests {
    typealias F = SessionFixture

    @Test func theLatestLineIsTheDecisionAndNullRetracts() {
        let table = F.table(of: [
            F.record(0, "claim"), F.record(1, "quote"), F.record(0, "noise"), F.record(1, nil),
            F.record(2, "caption", flag: true, note: "hm"),
        ])
        let alice = table.journals[0]
        #expect(alice.votes.decisionCount == 2)
        let zero = F.corpus.sentences[0].id
        #expect(alice.votes.vote(of: zero).flatMap(alice.labelName) == "noise")
        #expect(alice.votes.vote(of: F.corpus.sentences[1].id) == nil)
        #expect(alice.votes.note(of: F.corpus.sentences[2].id) == "hm")
        #expect(alice.summary.records == 5 && alice.summary.retractions == 1, "\(alice.summary)")
    }

    @Test func badLinesAreWarningsWithTheirLineAndReadingGoesOn() {
        let good = String(decoding: F.record(0, "claim").jsonLine.dropLast(), as: UTF8.self)
        let table = F.table(
            of: [F.record(0, "claim")],
            extraLines: ["", "not json", #"{"id":"000000000000000b","label":"claim"}"#, String(good.prefix(40))])
        let alice = table.journals[0]
        #expect(
            alice.warnings.map(\.location) == ["alice.jsonl:3", "alice.jsonl:4", "alice.jsonl:5"], "\(alice.warnings)")
        #expect(alice.warnings[1].message == #"no "doc" key; line skipped"#, "\(alice.warnings[1])")
        #expect(alice.warnings[2].description.hasPrefix("alice.jsonl:5: warning: truncated"), "\(alice.warnings[2])")
    }

    /// Issue 10: undo restores what the undone decision replaced, and a run is one step.
    @Test func undoRestoresTheEarlierLabelAndARunIsOneStep() {
        var session = F.started()
        _ = session.handle(":goto 1", at: F.at(1))
        _ = session.handle("c", at: F.at(2))
        _ = session.handle(":goto 1", at: F.at(3))
        _ = session.handle("n", at: F.at(4))
        let (records, events) = session.handle("u", at: F.at(5))
        #expect(records.count == 1 && records[0].label == "claim" && records[0].undo, "\(records)")
        #expect(events.first == .undone(label: "noise", count: 1, restored: "claim", place: "alpha:1"), "\(events)")
        #expect(session.ledger.label(at: 0) == 0)
        _ = session.handle(":goto 1", at: F.at(6))
        let (none, asked) = session.handle("q 3", at: F.at(7))
        #expect(none.isEmpty && asked.isEmpty, "the third sentence is not on screen: asked first")
        let (run, _) = session.handle("y", at: F.at(7))
        #expect(run.map(\.run) == [false, true, true], "\(run)")
        let (undoRun, undoEvents) = session.handle("u", at: F.at(8))
        #expect(undoRun.count == 3 && undoRun.map(\.label) == [nil, nil, "claim"], "\(undoRun)")
        #expect(
            undoEvents.first == .undone(label: "quote", count: 3, restored: "claim", place: "alpha:1–3"),
            "\(undoEvents)")
        #expect((0..<3).map { session.ledger.label(at: $0) } == [0, nil, nil])
    }

    @Test func undoHistoryIsTheSameAfterReadingTheJournalBack() {
        var session = F.started()
        var records: [AnnotationRecord] = []
        for (second, line) in ["c", "q", "n 2", ":goto 1", "p", "u"].enumerated() {
            records += session.handle(line, at: F.at(Double(second))).records
        }
        // Read back, as after a restart: the next `u` undoes the same step as in the session.
        let restarted = F.session(table: F.table(of: records))
        var live = session
        var again = restarted
        let (fromLive, _) = live.handle("u", at: F.at(20))
        let (fromDisk, _) = again.handle("u", at: F.at(20))
        #expect(fromLive.map(\.id) == fromDisk.map(\.id) && fromLive.map(\.label) == fromDisk.map(\.label))
        #expect(fromLive.count == 2, "the run 'n 2' is next: \(fromLive)")
    }

    @Test func aCheckpointReadsBackToTheSameState() throws {
        var records: [AnnotationRecord] = []
        var session = F.started()
        for (second, line) in ["c", "b", ":note why", "q 2", "u", "n", ":flag"].enumerated() {
            records += session.handle(line, at: F.at(Double(second) * 7)).records
        }
        let journal = F.table(of: records, extraLines: ["garbage"]).journals[0]
        let bytes = journal.checkpoint()
        let copy = try #require(JournalDecisions(checkpoint: bytes, annotator: "alice"))
        #expect(copy.votes.ids == journal.votes.ids && copy.votes.votes == journal.votes.votes)
        #expect(copy.labelNames == journal.labelNames && copy.docNames == journal.docNames)
        #expect(copy.summary == journal.summary && copy.warnings == journal.warnings)
        #expect(copy.votes.lastStep().map(\.id) == journal.votes.lastStep().map(\.id))
        #expect(copy.votes.note(of: F.corpus.sentences[0].id) == "why")
        // Another annotator's, damaged or truncated: not a checkpoint.
        #expect(JournalDecisions(checkpoint: bytes, annotator: "bob") == nil)
        var damaged = bytes
        damaged[damaged.count / 2] ^= 0xFF
        #expect(JournalDecisions(checkpoint: damaged, annotator: "alice") == nil)
        #expect(JournalDecisions(checkpoint: Array(bytes.prefix(40)), annotator: "alice") == nil)
    }
}

/// Checkpoints in a folder: used when the journal still starts with what they cover, the
/// records after them read on top, ignored otherwise; never needed for the right answer.
@Suite struct DecisionTableLoaderTests {
    static func write(_ dir: TemporaryDirectory, _ records: [AnnotationRecord], append: Bool = false) throws {
        let path = dir.file("alice.jsonl")
        var bytes = append ? Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()) : []
        for record in records { bytes += record.jsonLine }
        try dir.write("alice.jsonl", bytes)
    }

    static func records(_ range: Range<Int>, _ label: String) -> [AnnotationRecord] {
        range.map { FolderStoreTests.record($0, label) }
    }

    @Test func aCheckpointPlusTheTailGivesWhatAFullReadGives() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.write(dir, Self.records(0..<50, "claim"))
        let store = FolderStore(path: dir.path)
        let loader = DecisionTableLoader(store: store, checkpointAfterLines: 10)
        _ = try loader.load()
        #expect(store.cache?.read("checkpoints/alice.journal") != nil, "a checkpoint was written")
        try Self.write(dir, Self.records(40..<60, "quote"), append: true)
        let warm = try loader.load().journal("alice")
        let cold = DecisionTableLoader(store: FolderStore(path: dir.path), checkpointAfterLines: .max)
        try FileManager.default.removeItem(atPath: dir.file(".sentag"))
        let full = try cold.load().journal("alice")
        #expect(warm?.votes.votes.map(\.label) == full?.votes.votes.map(\.label))
        #expect(warm?.votes.votes.map(\.position) == full?.votes.votes.map(\.position))
        #expect(warm?.summary == full?.summary && warm?.mark == full?.mark)
    }

    @Test func aJournalRewrittenUnderTheCheckpointIsReadFromTheStart() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.write(dir, Self.records(0..<50, "claim"))
        let loader = DecisionTableLoader(store: FolderStore(path: dir.path), checkpointAfterLines: 10)
        _ = try loader.load()
        // Same length, other content (a hand edit, a rebase): the checkpoint must not be used.
        try Self.write(dir, Self.records(0..<50, "noise"))
        let table = try loader.load()
        let alice = try #require(table.journal("alice"))
        #expect(Set(alice.votes.votes.compactMap(alice.labelName)) == ["noise"], "\(alice.labelNames)")
    }

    /// Labels of the first 100 records of 200 changed to "noise" with the length kept, so only
    /// bytes far before the journal's end differ.
    static func editedEarlyRecords(_ dir: TemporaryDirectory) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for (n, record) in Self.records(0..<200, "claim").enumerated() {
            let line = String(decoding: record.jsonLine, as: UTF8.self)
            bytes += Array((n < 100 ? line.replacing("claim", with: "noise") : line).utf8)
        }
        let before = try #require(FileManager.default.contents(atPath: dir.file("alice.jsonl")))
        #expect(before.count == bytes.count && before.suffix(8192) == Data(bytes.suffix(8192)))
        return bytes
    }

    @Test(arguments: [false, true])
    func aJournalEditedFarFromItsEndIsReadFromTheStart(byRename: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.write(dir, Self.records(0..<200, "claim"))
        let loader = DecisionTableLoader(store: FolderStore(path: dir.path), checkpointAfterLines: 10)
        _ = try loader.load()
        let edited = try Self.editedEarlyRecords(dir)
        if byRename {
            // An editor, `sed -i`, git: a new file renamed over the journal.
            try Data(edited).write(to: URL(fileURLWithPath: dir.file("alice.jsonl")), options: .atomic)
        } else {
            let handle = try #require(FileHandle(forWritingAtPath: dir.file("alice.jsonl")))
            try handle.write(contentsOf: edited)
            try handle.close()
        }
        let warm = try #require(try loader.load().journal("alice"))
        try FileManager.default.removeItem(atPath: dir.file(".sentag"))
        let cold = try #require(try loader.load().journal("alice"))
        let labels = warm.votes.votes.compactMap(warm.labelName)
        let noise = labels.filter { $0 == "noise" }.count
        #expect(labels == cold.votes.votes.compactMap(cold.labelName), "\(noise) noise labels")
        #expect(noise == 100)
    }

    @Test func aDamagedCheckpointIsRebuiltSilently() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.write(dir, Self.records(0..<50, "claim"))
        let store = FolderStore(path: dir.path)
        _ = try DecisionTableLoader(store: store, checkpointAfterLines: 10).load()
        try dir.write(".sentag/checkpoints/alice.journal", "not a checkpoint")
        let table = try DecisionTableLoader(store: store, checkpointAfterLines: 10).load()
        #expect(table.journal("alice")?.votes.decisionCount == 50)
        #expect(store.cache?.read("checkpoints/alice.journal")?.count ?? 0 > 100, "rewritten")
    }

    @Test func anUnfinishedLastLineIsReadButNeverCheckpointed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var bytes: [UInt8] = []
        for record in Self.records(0..<20, "claim") { bytes += record.jsonLine }
        bytes += FolderStoreTests.record(99, "quote").jsonLine.dropLast()
        try dir.write("alice.jsonl", bytes)
        let store = FolderStore(path: dir.path)
        let table = try DecisionTableLoader(store: store, checkpointAfterLines: 10).load()
        #expect(table.journal("alice")?.votes.decisionCount == 21)
        #expect(table.journal("alice")?.readsPastMark == true)
        #expect(store.cache?.read("checkpoints/alice.journal") == nil)
    }
}

/// The undo history keeps the newest steps in a ring: whatever the pushes, undos and stale
/// retractions before, undoing step by step gives what an unbounded history gives (for as many
/// steps as the ring holds).
@Suite struct UndoHistoryRingTests {
    /// The same rules on an unbounded array, as plainly as possible.
    struct Reference {
        var stack: [(id: SentenceID, serial: Int, previousSerial: Int)] = []
        var live: [SentenceID: Int] = [:]
        var next = 1

        mutating func decide(_ id: SentenceID) {
            stack.append((id, next, live[id] ?? 0))
            live[id] = next
            next += 1
        }

        mutating func undo(_ id: SentenceID) {
            if let top = stack.last, top.id == id, top.serial == live[id] {
                stack.removeLast()
                live[id] = top.previousSerial
            } else {
                live[id] = next
                next += 1
            }
            while let top = stack.last, live[top.id] != top.serial { stack.removeLast() }
        }

        var top: SentenceID? { stack.last?.id }
    }

    @Test func theRingUndoesWhatAnUnboundedHistoryUndoes() {
        var lane = DecisionLane()
        var reference = Reference()
        var random = SplitMix64(seed: 3)
        var decided = CurrentVote.none
        decided.label = 0
        for _ in 0..<30_000 {
            let id = SentenceID(rawValue: UInt64(random.next(below: 3_000)))
            switch random.next(below: 10) {
            case 0:
                // A retraction of any sentence, on top or not (a hand edit, an old journal).
                lane.apply(id: id, vote: .none, note: nil, isUndo: false, joinsPrevious: false)
                reference.undo(id)
            case 1, 2:
                guard let top = reference.top else { continue }
                lane.apply(id: top, vote: .none, note: nil, isUndo: true, joinsPrevious: false)
                reference.undo(top)
            default:
                lane.apply(id: id, vote: decided, note: nil, isUndo: false, joinsPrevious: false)
                reference.decide(id)
            }
        }
        for step in 0..<2_000 {
            let top = lane.lastStep().first?.id
            #expect(
                top == reference.top, "step \(step): \(String(describing: top)) vs \(String(describing: reference.top))"
            )
            guard let id = reference.top, top == id else { break }
            lane.apply(id: id, vote: .none, note: nil, isUndo: true, joinsPrevious: false)
            reference.undo(id)
        }
    }
}
