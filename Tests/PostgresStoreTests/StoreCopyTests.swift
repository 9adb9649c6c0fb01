import Foundation
import PostgresStore
import SentagKit
import Testing

/// `StoreCopier` between a folder and a database: byte for byte and in order, idempotent, and
/// what it refuses.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct StoreCopyTests {
    /// Lines a hand or another tool may have written: key order, spacing, unknown keys, escapes,
    /// text outside ASCII, a record the decoder would warn about (still a JSON object).
    static let alice = [
        #"{"id":"0000000000000001","doc":"d","index":0,"start":0,"end":1,"text":"t","label":"claim","annotator":"alice","time":"2026-11-21T14:03:05.120Z"}"#,
        #"{ "label" : "quote", "id":"0000000000000002","doc":"d","index":1,"start":2,"end":3,"text":"tab\t \"q\" é 😀 \u00e9 \\","annotator":"alice","time":"2026-11-21T14:03:06.000Z","x":[1,{"y":null}],"n":1.50e3}"#,
        #"{"id":"0000000000000003","doc":"d","index":2,"start":4,"end":5,"text":"t","label":"noise","annotator":"alice","time":"2026-11-21T14:03:07.000Z","note":5}"#,
        #"{"id":"0000000000000001","doc":"d","index":0,"start":0,"end":1,"text":"t","label":null,"annotator":"alice","time":"2026-11-21T14:03:08.000Z","undo":true}"#,
    ]
    static let bob = [
        #"{"id":"0000000000000001","doc":"d","index":0,"start":0,"end":1,"text":"t","label":"noise","annotator":"bob","time":"2026-11-21T15:00:00.000Z"}"#
    ]

    struct Folder {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("sentag-copy-\(UUID())").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
        }

        func read(_ name: String) -> String? {
            (try? Data(contentsOf: URL(fileURLWithPath: path + "/" + name))).map { String(decoding: $0, as: UTF8.self) }
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static func copy(_ source: any JournalStore, _ target: any JournalStore, batchBytes: Int = 8 << 20) throws
        -> StoreCopier.Report
    {
        try StoreCopier(from: source, to: target, batchBytes: batchBytes).run()
    }

    static func summary(_ report: StoreCopier.Report) -> [String] {
        report.journals.map { "\($0.annotator) +\($0.copied) =\($0.alreadyThere) -\($0.skipped) \($0.failure ?? "ok")" }
    }

    @Test func aRoundTripGivesBackEveryLineByteForByteAndASecondCopyAddsNothing() throws {
        let source = try Folder()
        let back = try Folder()
        defer {
            source.remove()
            back.remove()
        }
        // A line cut short by a crash is not a record: left out, in every direction alike.
        try source.write(
            "alice.jsonl",
            Self.alice[0...1].joined(separator: "\n") + "\n{\"id\":\"00\n" + Self.alice[2...].joined(separator: "\n")
                + "\n")
        try source.write("bob.jsonl", Self.bob.joined(separator: "\n") + "\n")
        try source.write(
            "labels.json",
            #"{"labels":[{"name":"claim","key":"c"},{"name":"quote","key":"q"},{"name":"noise","key":"n"}]}"#)
        try source.write("GUIDELINES.md", "# Guidelines\n\né\n")
        let database = try ScratchDatabase()
        defer { database.drop() }
        let folder = FolderStore(path: source.path)
        let store = try PostgresJournalStore(uri: PostgresURI(database.uri), cache: .some(nil))

        let first = try Self.copy(folder, store, batchBytes: 100)
        #expect(Self.summary(first) == ["alice +4 =0 -1 ok", "bob +1 =0 -0 ok"])
        #expect(
            first.warnings.map(\.description) == [
                "\(source.path)/alice.jsonl:3: warning: not one JSON object; not copied"
            ])
        #expect(
            first.documents.map { "\($0.0.rawValue) \($0.1)" } == [
                "labels.json copied", "plan.json absent", "GUIDELINES.md copied",
            ])
        let second = try Self.copy(folder, store)
        #expect(Self.summary(second) == ["alice +0 =4 -1 ok", "bob +0 =1 -0 ok"])
        #expect(second.documents.map(\.1) == [.unchanged, .absent, .unchanged])

        var stored: [String] = []
        try store.forEachRecord("alice") { bytes, _ in stored.append(String(decoding: bytes, as: UTF8.self)) }
        #expect(stored == Self.alice)

        let third = try Self.copy(store, FolderStore(path: back.path))
        #expect(Self.summary(third) == ["alice +4 =0 -0 ok", "bob +1 =0 -0 ok"])
        #expect(back.read("alice.jsonl") == Self.alice.joined(separator: "\n") + "\n")
        #expect(back.read("bob.jsonl") == source.read("bob.jsonl"))
        #expect(back.read("labels.json") == source.read("labels.json"))
        #expect(back.read("GUIDELINES.md") == source.read("GUIDELINES.md"))
        #expect(
            Self.summary(try Self.copy(store, FolderStore(path: back.path))) == [
                "alice +0 =4 -0 ok", "bob +0 =1 -0 ok",
            ])

        // The source grew: only the new records go over, after the ones already there.
        let journal = try folder.openJournal("alice", command: "test")
        let more = try AnnotationRecord(jsonLine: Self.alice[0])
        try journal.append([more])
        journal.close()
        #expect(Self.summary(try Self.copy(folder, store)) == ["alice +1 =4 -1 ok", "bob +0 =1 -0 ok"])
        #expect(
            Self.summary(try Self.copy(store, FolderStore(path: back.path))) == [
                "alice +1 =4 -0 ok", "bob +0 =1 -0 ok",
            ])
        #expect(back.read("alice.jsonl")?.split(separator: "\n").count == 5)
    }

    @Test func aTargetJournalThatDivergedIsLeftAloneAndReported() throws {
        let source = try Folder()
        defer { source.remove() }
        try source.write("alice.jsonl", Self.alice.joined(separator: "\n") + "\n")
        try source.write("bob.jsonl", Self.bob.joined(separator: "\n") + "\n")
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try PostgresJournalStore(uri: PostgresURI(database.uri), cache: .some(nil))
        let table = PostgresRecordTable(try database.connect())
        try table.register(annotator: "alice")
        try table.append([Self.alice[0], Self.alice[2]], annotator: "alice")
        try table.register(annotator: "bob")
        try table.append([Self.bob[0], Self.bob[0]], annotator: "bob")

        let report = try Self.copy(FolderStore(path: source.path), store)
        #expect(
            Self.summary(report) == [
                "alice +0 =1 -0 \(database.uri)#alice differs from \(source.path) at record 2 (\(source.path)/alice.jsonl:2): the journals diverged, so nothing of it was copied; copy into another store, or compare the two by hand",
                "bob +0 =1 -0 \(database.uri)#bob holds 2 records, \(source.path) only 1: the journals diverged, so nothing of it was copied; copy into another store, or compare the two by hand",
            ])
        #expect(try table.journals().map(\.lastSeq) == [2, 2], "nothing appended")
    }

    @Test func aJournalInUseIsReportedAndTheOthersAreCopied() throws {
        let source = try Folder()
        defer { source.remove() }
        try source.write("alice.jsonl", Self.alice.joined(separator: "\n") + "\n")
        try source.write("bob.jsonl", Self.bob.joined(separator: "\n") + "\n")
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try PostgresJournalStore(uri: PostgresURI(database.uri), cache: .some(nil))
        let session = try store.openJournal("alice", command: "sentag label")
        defer { session.close() }
        let report = try Self.copy(FolderStore(path: source.path), store)
        #expect(report.journals.map(\.copied) == [0, 1])
        #expect(
            report.journals[0].failure?.contains("#alice is in use by server process") == true, "\(report.journals)")
    }
}
