import Foundation
import PostgresStore
import SentagKit
import Testing

/// A plan's single-annotation units handed out from the database's shared pool through the store
/// interface (`singleUnits`): the next free unit to whoever asks, never one unit to two.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresRoutingTests {
    static let units = (0..<10).map { "doc\($0)" }

    static func request(_ annotator: String, more: Int, units: [String] = units) -> SingleUnitRequest {
        // The plan's fixed shares are what a folder would use; the pool ignores them.
        SingleUnitRequest(
            plan: "plan-1", annotator: annotator, units: units,
            fixedShare: units.enumerated().filter { $0.offset % 2 == (annotator == "alice" ? 0 : 1) }.map(\.element),
            more: more)
    }

    @Test func aFastAnnotatorTakesTheNextUnitsWhileASlowOneHoldsOnlyWhatItTook() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try PostgresJournalStore(uri: PostgresURI(database.uri), cache: .some(nil))
        #expect(try store.singleUnits(Self.request("alice", more: 1)) == ["doc0"])
        var bob: [String] = []
        for _ in 0..<12 { bob = try store.singleUnits(Self.request("bob", more: 1)) }
        #expect(bob == Array(Self.units[1...]), "bob took every unit alice did not hold")
        #expect(try store.singleUnits(Self.request("alice", more: 0)) == ["doc0"])
        #expect(try store.singleUnits(Self.request("alice", more: 3)) == ["doc0"], "the pool is dry")
        // What was claimed stays claimed in a new session (a new store, a new connection).
        let again = try PostgresJournalStore(uri: PostgresURI(database.uri), cache: .some(nil))
        #expect(try again.singleUnits(Self.request("bob", more: 0)) == bob)
        // Claiming registers no journal.
        #expect(try store.annotators() == [])
    }

    @Test func manyAnnotatorsAtOnceFillThePoolOnceAndNeverShareAUnit() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let uri = database.uri
        let units = (0..<400).map { "unit-\($0)" }
        let results = ConcurrentWorkers.run(20) { worker in
            let store = try PostgresJournalStore(uri: PostgresURI(uri), cache: .some(nil))
            var held: [String] = []
            while true {
                let now = try store.singleUnits(Self.request("a\(worker)", more: 1 + worker % 3, units: units))
                if now.count == held.count { return held }
                held = now
            }
        }
        let held = try results.map { try $0.get() }
        let all = held.flatMap { $0 }
        #expect(all.count == units.count && Set(all) == Set(units), "every unit handed out exactly once")
        #expect(held.allSatisfy { !$0.isEmpty }, "\(held.map(\.count))")
        let rows = try database.connect().execute("SELECT count(*) FROM sentag.pool_items").scalar
        #expect(rows == "400", "the pool was filled once")
    }
}
