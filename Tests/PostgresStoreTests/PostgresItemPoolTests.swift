import Foundation
import PostgresStore
import Testing

/// Single-annotation items taken from a shared pool: each item to exactly one annotator, and a
/// taker never waits for another.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresItemPoolTests {
    static let items = (0..<300).map { String(format: "%016x", $0 * 7919) }

    func pool(_ database: ScratchDatabase, annotators: [String]) throws -> PostgresItemPool {
        let connection = try database.connect()
        for annotator in annotators { try PostgresRecordTable(connection).register(annotator: annotator) }
        return PostgresItemPool(connection, plan: "plan-1")
    }

    @Test func itemsAreTakenInPoolOrderAndFillingTwiceAddsNothing() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let pool = try pool(database, annotators: ["alice", "bob"])
        #expect(try pool.fill(Self.items) == 300)
        #expect(try pool.fill(Self.items) == 0)
        #expect(try pool.fill(["extra"]) == 1)
        #expect(try pool.take(3, for: "alice") == Array(Self.items[0..<3]))
        #expect(try pool.take(2, for: "bob") == Array(Self.items[3..<5]))
        #expect(try pool.counts() == .init(free: 296, taken: 5))
        #expect(try pool.release([Self.items[1]]) == 1)
        #expect(try pool.items(takenBy: "alice") == [Self.items[0], Self.items[2]])
        #expect(try pool.take(1, for: "bob") == [Self.items[1]], "a released item is next")
        #expect(
            try PostgresItemPool(pool.connection, plan: "plan-2").take(5, for: "alice") == [],
            "another plan's pool is empty")
    }

    /// While one session's claim is uncommitted, another takes the next items at once instead
    /// of waiting (a 2 s statement timeout would fail it) or taking the same ones.
    @Test func aTakerSkipsItemsAnotherIsClaiming() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let first = try pool(database, annotators: ["alice", "bob"])
        try first.fill(Self.items)
        let second = PostgresItemPool(try database.connect(), plan: "plan-1")
        try second.connection.execute("SET statement_timeout = '2s'")
        try first.connection.execute("BEGIN")
        let claimed = try first.take(3, for: "alice")
        #expect(try second.take(3, for: "bob") == Array(Self.items[3..<6]))
        try first.connection.execute("ROLLBACK")
        #expect(claimed == Array(Self.items[0..<3]))
        #expect(
            try second.take(4, for: "bob") == Array(Self.items[0..<3]) + [Self.items[6]],
            "the rolled-back claim is free again")
    }

    /// Eight sessions drain a pool of 300 in batches of 3, all at once: every item is taken by
    /// exactly one annotator.
    @Test func concurrentTakersNeverCollide() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let annotators = (0..<8).map { "annotator\($0)" }
        try pool(database, annotators: annotators).fill(Self.items)
        let uri = database.uri
        let results = ConcurrentWorkers.run(8) { worker -> [String] in
            let pool = PostgresItemPool(try PostgresConnection(uri), plan: "plan-1")
            var taken: [String] = []
            while true {
                let batch = try pool.take(3, for: annotators[worker])
                if batch.isEmpty { return taken }
                taken += batch
            }
        }
        let taken = try results.map { try $0.get() }
        let all = taken.flatMap { $0 }
        #expect(all.count == 300 && Set(all) == Set(Self.items), "\(all.count) taken, \(Set(all).count) distinct")
        let owners = PostgresItemPool(try database.connect(), plan: "plan-1")
        for (worker, items) in taken.enumerated() {
            #expect(
                try owners.items(takenBy: annotators[worker])
                    == items.sorted { Self.items.firstIndex(of: $0)! < Self.items.firstIndex(of: $1)! })
        }
    }
}
