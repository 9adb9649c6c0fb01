import Foundation
import PostgresStore
import SentagKit
import Testing

/// Journals in the database: records kept as written, numbered 1, 2, 3… per annotator without
/// a duplicate or a gap, also under concurrent appends, and one session per annotator.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresRecordTableTests {
    static func record(_ n: Int, _ label: String = "claim", annotator: String = "alice") -> String {
        #"{"id":"\#(String(format: "%016x", n))","doc":"d","index":\#(n),"start":0,"end":1,"text":"t","label":"\#(label)","annotator":"\#(annotator)","time":"2026-11-21T14:03:05.120Z"}"#
    }

    func read(_ table: PostgresRecordTable, _ annotator: String, after seq: Int64 = 0) throws -> [(Int64, String)] {
        var records: [(Int64, String)] = []
        try table.forEachRecord(annotator: annotator, after: seq) { seq, row in records.append((seq, row[1] ?? "")) }
        return records
    }

    @Test func recordsReadBackExactlyAsWrittenInOrder() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let table = PostgresRecordTable(try database.connect())
        try table.register(annotator: "alice")
        let odd = #"{ "id" : "00000000000000ff", "text":"tab\t \"quoted\" é 😀 \u00e9", "label":null,"x":1.50 , "x":2}"#
        let written = [Self.record(1), odd, Self.record(2, "quote")]
        let seqs = try written.map { try table.append($0, annotator: "alice") }
        #expect(seqs == [1, 2, 3])
        let back = try read(table, "alice")
        #expect(back.map(\.0) == [1, 2, 3] && back.map(\.1) == written, "\(back)")
        #expect(try read(table, "alice", after: 2).map(\.1) == [Self.record(2, "quote")], "the tail after a checkpoint")
        #expect(try table.journals() == [.init(annotator: "alice", lastSeq: 3)])
    }

    @Test func aBadRecordIsRefusedAndLeavesNoGap() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let table = PostgresRecordTable(try database.connect())
        try table.register(annotator: "alice")
        try table.append(Self.record(1), annotator: "alice")
        for bad in [#"{"id":"truncated"#, "[1,2]", "not json"] {
            #expect(throws: PostgresError.self, "\(bad)") { try table.append(bad, annotator: "alice") }
        }
        #expect(throws: PostgresError.self) { try table.append([Self.record(2), "{"], annotator: "alice") }
        #expect(try table.append(Self.record(3), annotator: "alice") == 2)
        #expect(try read(table, "alice").map(\.0) == [1, 2])
    }

    @Test func appendingNeedsARegisteredValidAnnotator() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let table = PostgresRecordTable(try database.connect())
        #expect(throws: PostgresError.annotatorNotRegistered(uri: database.uri, annotator: "bob")) {
            try table.append(Self.record(1), annotator: "bob")
        }
        #expect(throws: StoreError.badAnnotatorName("../bob")) { try table.register(annotator: "../bob") }
        let first = try table.register(annotator: "bob")
        #expect(try table.register(annotator: "bob") == first, "registering twice changes nothing")
        #expect(first & ~0xFFFF_FFFF == PostgresSchema.lockNamespace)
    }

    @Test func batchesAndCopiesContinueTheNumbering() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let table = PostgresRecordTable(try database.connect())
        try table.register(annotator: "alice")
        #expect(try table.append([Self.record(1), Self.record(2), Self.record(3)], annotator: "alice") == 1...3)
        let bulk = (4...20_003).map { Self.record($0) }
        #expect(try table.bulkAppend(bulk, annotator: "alice") == 4...20_003)
        #expect(try table.bulkAppend([String](), annotator: "alice") == nil)
        #expect(try table.append(Self.record(20_004), annotator: "alice") == 20_004)
        let back = try read(table, "alice")
        #expect(back.map(\.0) == Array(1...20_004))
        #expect(back.map(\.1) == (1...20_004).map { Self.record($0) })
        #expect(try table.journals() == [.init(annotator: "alice", lastSeq: 20_004)])
    }

    /// Six sessions append to one annotator's journal at once (single records, batches and
    /// COPY), and a seventh to another: every record gets its own number, with no gap, and
    /// each session's records keep their order.
    @Test func concurrentAppendsGetDistinctGaplessNumbers() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let setup = PostgresRecordTable(try database.connect())
        try setup.register(annotator: "alice")
        try setup.register(annotator: "bob")
        let uri = database.uri
        let results = ConcurrentWorkers.run(7) { worker -> [Int64] in
            let table = PostgresRecordTable(try PostgresConnection(uri))
            let annotator = worker == 6 ? "bob" : "alice"
            var seqs: [Int64] = []
            for round in 0..<30 {
                let n = worker * 1000 + round * 10
                switch round % 3 {
                case 0: seqs.append(try table.append(Self.record(n, annotator: annotator), annotator: annotator))
                case 1:
                    let range = try table.append([Self.record(n), Self.record(n + 1)], annotator: annotator)
                    seqs += range.map(Array.init) ?? []
                default:
                    let range = try table.bulkAppend([Self.record(n), Self.record(n + 1)], annotator: annotator)
                    seqs += range.map(Array.init) ?? []
                }
            }
            return seqs
        }
        var alice: [Int64] = []
        for (worker, result) in results.enumerated() {
            let seqs = try result.get()
            #expect(seqs == seqs.sorted() && seqs.count == 50, "worker \(worker): \(seqs)")
            if worker < 6 { alice += seqs } else { #expect(seqs == Array(1...50)) }
        }
        #expect(alice.sorted() == Array(1...300), "no duplicate, no gap")
        let stored = try read(setup, "alice").map(\.0)
        #expect(stored == Array(1...300))
        #expect(
            try setup.journals() == [.init(annotator: "alice", lastSeq: 300), .init(annotator: "bob", lastSeq: 50)])
    }

    /// One session per annotator: the journal's advisory lock, taken by a second session, is
    /// refused with the holder's description; another annotator is not blocked.
    @Test func oneSessionPerAnnotator() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let first = PostgresRecordTable(try database.connect(applicationName: "sentag label alice"))
        let second = PostgresRecordTable(try database.connect())
        let alice = try first.register(annotator: "alice")
        let bob = try second.register(annotator: "bob")
        #expect(alice != bob)
        #expect(try first.connection.tryAdvisoryLock(alice))
        #expect(try second.connection.tryAdvisoryLock(try second.lockKey(annotator: "alice")) == false)
        let holder = try second.connection.advisoryLockHolder(alice) ?? ""
        #expect(holder.contains("(sentag label alice)"), "\(holder)")
        #expect(try second.connection.tryAdvisoryLock(bob))
        first.connection.close()
        #expect(
            try eventually { try second.connection.tryAdvisoryLock(alice) }, "released when the holder's session ended")
    }
}
