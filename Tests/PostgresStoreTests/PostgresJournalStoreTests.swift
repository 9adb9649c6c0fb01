import Foundation
import SentagKit
import Testing

@testable import PostgresStore

/// The PostgreSQL store behind the store interface: records, positions and marks, the lock,
/// append-only journals, a lost connection, and the checkpoint that spares re-reading.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresJournalStoreTests {
    static func record(_ n: Int, _ label: String?, time: Int64 = 1_795_269_785_120) -> AnnotationRecord {
        AnnotationRecord(
            sentence: Sentence(id: SentenceID(rawValue: UInt64(n)), doc: "d", index: n, start: 0, end: 1, text: "t"),
            label: label, annotator: "alice", time: Timestamp(millisecondsSince1970: time))
    }

    static func line(_ record: AnnotationRecord) -> String {
        String(decoding: record.jsonLine.dropLast(), as: UTF8.self)
    }

    static func open(_ database: ScratchDatabase, cache: (any StoreCache)? = nil) throws -> PostgresJournalStore {
        try PostgresJournalStore(uri: PostgresURI(database.uri), cache: .some(cache))
    }

    /// Every record of a journal as the store hands it over.
    static func lines(_ store: any JournalStore, _ annotator: String = "alice") throws -> [(String, RecordPosition)] {
        var lines: [(String, RecordPosition)] = []
        try store.forEachRecord(annotator) { bytes, position in
            lines.append((String(decoding: bytes, as: UTF8.self), position))
        }
        return lines
    }

    @Test func appendsRecordsThatReadBackInOrderWithPositionsAndMarks() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try Self.open(database)
        let written = [Self.record(1, "claim"), Self.record(2, "noise"), Self.record(3, "noise"), Self.record(1, nil)]
        do {
            let journal = try store.openJournal("alice", command: "test")
            #expect(try journal.append([written[0]]) == [RecordPosition(line: 1, offset: 1)])
            #expect(try journal.append(Array(written[1...2])).map(\.offset) == [2, 3])
            try journal.append([written[3]])
            journal.close()
            // A journal opened without a record is no journal yet, as with a folder.
            try store.openJournal("bob", command: "test").close()
        }
        #expect(try store.annotators() == ["alice"])
        let lines = try Self.lines(store)
        #expect(lines.map(\.0) == written.map(Self.line), "\(lines)")
        #expect(lines.map(\.1) == (1...4).map { RecordPosition(line: Int64($0), offset: Int64($0)) }, "\(lines)")
        #expect(store.describe(lines[2].1, of: "alice") == "\(database.uri)#alice:3")

        let mark = try store.readJournal("alice", after: nil) { _ in }
        #expect(mark.offset == 4 && mark.lines == 4, "\(mark)")
        #expect(store.isCurrent(mark, of: "alice"))
        #expect(try store.readJournal("alice", after: mark) { _ in Issue.record("read past the mark") } == mark)
        let journal = try store.openJournal("alice", command: "test")
        try journal.append([Self.record(4, "quote")])
        journal.close()
        var tail: [RecordPosition] = []
        let end = try store.forEachRecord("alice", after: mark) { _, position in tail.append(position) }
        #expect(tail == [RecordPosition(line: 5, offset: 5)] && end.lines == 5, "\(tail) \(end)")
        #expect(store.isCurrent(mark, of: "alice") && store.isCurrent(end, of: "alice"))

        let again = try store.readRecords("alice", at: [Int64(3), 1, 99].map { RecordPosition(line: $0, offset: $0) })
        #expect(again.map { $0.map { String(decoding: $0, as: UTF8.self) } } == [lines[2].0, lines[0].0, nil])
        let table = try DecisionTableLoader(store: store).load()
        #expect(table.journal("alice")?.votes.decisionCount == 3, "\(table.journals.map(\.annotator))")
    }

    @Test func aMarkIsNoLongerCurrentOnceTheDatabaseIsEmptiedOrReplaced() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try Self.open(database)
        func fill(_ labels: [String]) throws {
            let journal = try store.openJournal("alice", command: "test")
            defer { journal.close() }
            for (n, label) in labels.enumerated() { try journal.append([Self.record(n, label)]) }
        }
        func recreate() throws {
            let connection = try database.connect()
            try connection.execute("DROP SCHEMA sentag CASCADE")
            try PostgresSchema.current.initialize(connection)
        }
        try fill(["claim", "quote", "noise"])
        let mark = try store.readJournal("alice", after: nil) { _ in }
        #expect(store.isCurrent(mark, of: "alice"))
        try recreate()
        #expect(!store.isCurrent(mark, of: "alice"), "emptied")
        try fill(["claim", "quote", "caption"])
        #expect(!store.isCurrent(mark, of: "alice"), "replaced by other records")
        try recreate()
        try fill(["claim", "quote", "noise"])
        #expect(store.isCurrent(mark, of: "alice"), "the same records again: what was read still holds")
        #expect(store.isCurrent(.start, of: "alice") && !store.isCurrent(mark, of: "bob"))
    }

    @Test func journalsAreAppendOnlyInTheDatabase() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try Self.open(database)
        let journal = try store.openJournal("alice", command: "test")
        try journal.append([Self.record(1, "claim")])
        journal.close()
        let connection = try database.connect()
        for statement in [
            "UPDATE sentag.records SET record = '{}'", "DELETE FROM sentag.records", "TRUNCATE sentag.records",
        ] {
            #expect {
                try connection.execute(statement)
            } throws: { error in
                "\(error)".contains("sentag.records is append-only: records are never changed or removed")
            }
        }
        #expect(try Self.lines(store).count == 1)
    }

    @Test func oneSessionPerAnnotatorAndTheNextGetsInAtOnce() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try Self.open(database)
        let first = try store.openJournal("alice", command: "sentag label")
        #expect {
            _ = try store.openJournal("alice", command: "sentag label")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(database.uri)#alice is in use by server process ")
                && text.contains("(sentag label [") && text.hasSuffix("(one session per annotator)")
        }
        let bob = try store.openJournal("bob", command: "sentag label")
        first.close()
        let started = Date()
        let second = try store.openJournal("alice", command: "sentag label")
        #expect(Date().timeIntervalSince(started) < 1, "the lock was released on close, not when the server noticed")
        try second.append([Self.record(1, "claim")])
        second.close()
        bob.close()
    }

    /// Ends the appender's server process, as a server restart or a network cut would.
    static func cutConnection(_ database: ScratchDatabase, of command: String) throws {
        let admin = try database.connect()
        let ended = try admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1",
            [command + " [%"]
        ).rows.count
        #expect(ended == 1)
        let gone = try eventually {
            try admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE $1", [command + " [%"]
            ).scalar == "0"
        }
        #expect(gone)
    }

    @Test func aConnectionLostWhileIdleIsRecoveredByTheNextAppend() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try Self.open(database)
        let journal = try store.openJournal("alice", command: "idle-test")
        try journal.append([Self.record(1, "claim")])
        try Self.cutConnection(database, of: "idle-test")
        #expect(try journal.append([Self.record(2, "quote")]).map(\.offset) == [2])
        // It holds the lock again.
        #expect(throws: StoreError.self) { _ = try store.openJournal("alice", command: "idle-test") }
        journal.close()
        #expect(try Self.lines(store).map(\.0) == [Self.record(1, "claim"), Self.record(2, "quote")].map(Self.line))
    }

    @Test func readsGoOnOverANewConnectionWhenTheServerEndedAnIdleOne() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try PostgresJournalStore(
            uri: PostgresURI(database.uri), applicationName: "pool-test", cache: .some(nil))
        let journal = try store.openJournal("alice", command: "test")
        try journal.append([Self.record(1, "claim")])
        journal.close()
        #expect(try store.annotators() == ["alice"])
        let admin = try database.connect()
        try admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pool-test'")
        #expect(
            try eventually {
                try admin.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pool-test'").scalar
                    == "0"
            })
        #expect(try store.annotators() == ["alice"])
        #expect(try Self.lines(store).count == 1)
    }

    @Test func ofTwoWritersWhoReadTheSamePlanOnlyOneReplacesIt() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let uri = database.uri
        let results = ConcurrentWorkers.run(8) { worker in
            let store = try PostgresJournalStore(uri: PostgresURI(uri), cache: .some(nil))
            return try store.replaceDocument(.plan, expecting: nil, with: Array("plan \(worker)".utf8))
        }
        let won = try results.map { try $0.get() }
        #expect(won.filter { $0 }.count == 1, "\(won)")
        let store = try Self.open(database)
        let winner = try #require(won.firstIndex(of: true))
        #expect(try store.readDocument(.plan) == Array("plan \(winner)".utf8))
        #expect(try store.replaceDocument(.plan, expecting: Array("plan \(winner)".utf8), with: Array("next".utf8)))
        #expect(try !store.replaceDocument(.plan, expecting: Array("plan \(winner)".utf8), with: Array("late".utf8)))
        #expect(store.documentLocation(.plan) == "\(uri)#plan.json")
    }

    /// The one unknowable case, a COMMIT whose answer was lost, made deterministic: the records
    /// are stored (or not) behind the appender's back, and it is told its last append is
    /// unconfirmed, then the connection is cut.
    @Test(arguments: [
        (stored: true, retyped: "claim", expected: ["claim"]),
        (stored: false, retyped: "claim", expected: ["claim"]),
        (stored: true, retyped: "quote", expected: ["claim", "quote"]),
    ])
    func anUnconfirmedAppendIsSettledFromTheJournal(stored: Bool, retyped: String, expected: [String]) throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try Self.open(database)
        let journal = try #require(try store.openJournal("alice", command: "lost-test") as? PostgresJournalAppender)
        let sent = Self.record(7, "claim", time: 1_000)
        if stored { try PostgresRecordTable(try database.connect()).append(Self.line(sent), annotator: "alice") }
        journal.unconfirmed = ([sent], [Array(Self.line(sent).utf8)])
        try Self.cutConnection(database, of: "lost-test")
        let positions = try journal.append([Self.record(7, retyped, time: 2_000)])
        journal.close()
        let labels = try Self.lines(store).map { try AnnotationRecord(jsonLine: $0.0).label ?? "null" }
        #expect(labels == expected)
        #expect(positions.map(\.offset) == [Int64(expected.count)], "\(positions)")
        // The decision that was stored first keeps its own time.
        #expect(
            try AnnotationRecord(jsonLine: try Self.lines(store)[0].0).time.millisecondsSince1970
                == (stored ? 1_000 : 2_000))
    }

    @Test func aJournalSomeoneElseAppendedToWhileDisconnectedTakesNoMore() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try Self.open(database)
        let journal = try store.openJournal("alice", command: "stale-test")
        try journal.append([Self.record(1, "claim")])
        try Self.cutConnection(database, of: "stale-test")
        try PostgresRecordTable(try database.connect()).append(Self.line(Self.record(2, "noise")), annotator: "alice")
        for _ in 0..<2 {
            #expect {
                try journal.append([Self.record(3, "quote")])
            } throws: { error in
                "\(error)".contains(
                    "the journal changed while the connection was down (records 2 to 2 were added by another session)")
            }
        }
        journal.close()
        #expect(try Self.lines(store).count == 2)
    }

    @Test func theDecisionTableStartsFromItsCheckpointAndReadsOnlyTheTail() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentag-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = CacheFolder(path: folder)
        let store = try Self.open(database, cache: cache)
        let journal = try store.openJournal("alice", command: "test")
        for n in 0..<50 { try journal.append([Self.record(n, n % 2 == 0 ? "claim" : "quote")]) }
        let first = try DecisionTableLoader(store: store, checkpointAfterLines: 10).load()
        #expect(first.journal("alice")?.votes.decisionCount == 50)
        #expect(cache.read("checkpoints/alice.journal") != nil, "a checkpoint after 50 records")

        for n in 50..<55 { try journal.append([Self.record(n, "noise")]) }
        let counting = CountingStore(store)
        let second = try DecisionTableLoader(store: counting, checkpointAfterLines: 10).load()
        #expect(counting.recordsRead == 5, "only the tail after the checkpoint")
        #expect(second.journal("alice")?.votes.decisionCount == 55)
        journal.close()
        let connection = try database.connect()
        try connection.execute("DROP SCHEMA sentag CASCADE")
        try PostgresSchema.current.initialize(connection)
        let replaced = try store.openJournal("alice", command: "test")
        for n in 0..<60 { try replaced.append([Self.record(n, "caption")]) }
        replaced.close()
        let recounting = CountingStore(store)
        let third = try DecisionTableLoader(store: recounting, checkpointAfterLines: 10).load()
        #expect(recounting.recordsRead == 60, "a replaced database is read from the start")
        #expect(third.journal("alice")?.votes.decisionCount == 60)
    }
}

/// A store that counts the records it hands over, around another.
final class CountingStore: JournalStore {
    let base: any JournalStore
    private(set) var recordsRead = 0

    init(_ base: any JournalStore) {
        self.base = base
    }

    var location: String { base.location }
    var exists: Bool { base.exists }
    var readsConcurrently: Bool { false }
    var cache: (any StoreCache)? { base.cache }
    func annotators() throws(StoreError) -> [String] { try base.annotators() }
    func readJournal(_ annotator: String, after mark: JournalMark?, _ visit: (JournalBatch) -> Void)
        throws(StoreError) -> JournalMark
    {
        try base.readJournal(annotator, after: mark) { batch in
            recordsRead += batch.count
            visit(batch)
        }
    }
    func isCurrent(_ mark: JournalMark, of annotator: String) -> Bool { base.isCurrent(mark, of: annotator) }
    func readRecords(_ annotator: String, at positions: [RecordPosition]) throws(StoreError) -> [[UInt8]?] {
        try base.readRecords(annotator, at: positions)
    }
    func openJournal(_ annotator: String, command: String) throws(StoreError) -> any JournalAppender {
        try base.openJournal(annotator, command: command)
    }
    func describe(_ position: RecordPosition, of annotator: String) -> String {
        base.describe(position, of: annotator)
    }
    func journalLocation(_ annotator: String) -> String { base.journalLocation(annotator) }
    func readDocument(_ document: StoreDocument) throws(StoreError) -> [UInt8]? { try base.readDocument(document) }
    func writeDocument(_ document: StoreDocument, _ bytes: [UInt8]) throws(StoreError) {
        try base.writeDocument(document, bytes)
    }
}
