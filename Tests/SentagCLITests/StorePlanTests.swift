import Foundation
import Testing

/// A team plan on a folder and on a database: on both, when everyone labels their whole queue,
/// every overlap item ends with exactly K votes and every other item with one; in the database
/// the single-annotation work comes from the shared pool, so whoever labels faster takes more.
@Suite(.enabled(if: TestDatabase.isEnabled, TestDatabase.skipReason))
struct StorePlanTests {
    typealias Project = StoreScenarioTests.Project

    /// `plan --status --json` as an object.
    static func status(_ project: Project) throws -> [String: Any] {
        let result = try project.run(["plan", "--status", "--json"])
        #expect(result.status == 0, "\(result.transcript)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func shares(_ status: [String: Any]) -> [String: [String: Int]] {
        let annotators = status["annotators"] as? [String: [String: Any]] ?? [:]
        return annotators.mapValues { share in share.compactMapValues { $0 as? Int } }
    }

    /// Plans seeds for alice and bob, then each labels their whole queue, alice first.
    static func play(_ project: Project) throws -> [String: Any] {
        let planned = try project.run(
            ["plan", project.seeds, "--annotators", "alice,bob", "--overlap", "0.2", "--k", "2"])
        #expect(planned.status == 0, "\(planned.transcript)")
        for (annotator, key) in [("alice", "c"), ("bob", "q")] {
            let result = try project.run(
                ["label", "--annotator", annotator], input: Array(repeating: key, count: 200) + [":quit"])
            #expect(result.status == 0, "\(result.transcript)")
        }
        return try status(project)
    }

    @Test func everyOverlapItemGetsKAnnotatorsAndTheFastOneTakesThePoolsWork() throws {
        let folder = try Project(database: false)
        let database = try Project(database: true)
        defer { database.remove() }
        let onFolder = try Self.play(folder)
        let onDatabase = try Self.play(database)
        for status in [onFolder, onDatabase] {
            let overlap = status["overlap_items"] as? Int ?? -1
            #expect(overlap > 0 && status["complete_overlap_items"] as? Int == overlap, "\(status)")
            let single = status["single_items"] as? Int ?? -1
            #expect(single > 0 && status["complete_single_items"] as? Int == single, "\(status)")
            #expect(status["sentences"] as? Int == 168 && status["k"] as? Int == 2, "\(status)")
        }
        for key in ["overlap_items", "single_items", "gold_items", "unassigned"] {
            #expect(onFolder[key] as? Int == onDatabase[key] as? Int, "\(key)")
        }
        // On the folder each labeled the plan's share; on the database alice, first, took every
        // single unit from the pool, and bob had only the overlap items left to label.
        let fixed = Self.shares(onFolder)
        let pooled = Self.shares(onDatabase)
        let single = onDatabase["single_items"] as? Int ?? 0
        let overlap = onDatabase["overlap_items"] as? Int ?? 0
        #expect(fixed["alice"]?["done"] == fixed["alice"]?["assigned"] && fixed["bob"]?["left"] == 0, "\(fixed)")
        #expect(pooled["alice"]?["done"] == single + overlap && pooled["alice"]?["left"] == 0, "\(pooled)")
        #expect(pooled["bob"]?["assigned"] == overlap && pooled["bob"]?["done"] == overlap, "\(pooled)")
        #expect((fixed["alice"]?["assigned"] ?? 0) < single + overlap, "\(fixed)")

        // Each annotator's records: every sentence labeled once per queue that held it.
        let records =
            try #require(database.database).records("alice").count
            + (try #require(database.database).records("bob").count)
        #expect(records == single + 2 * overlap, "\(records)")
    }

    @Test func aSecondAnnotatorWorkingAtTheSameTimeNeverGetsTheSameUnit() throws {
        let database = try Project(database: true)
        defer { database.remove() }
        let planned = try database.run(["plan", database.seeds, "--annotators", "alice,bob,carol"])
        #expect(planned.status == 0, "\(planned.transcript)")
        // Three sessions at once, each able to label everything, so the pool runs dry.
        let sessions = try [("alice", "c"), ("bob", "q"), ("carol", "n")].map { annotator, key in
            let process = try InteractiveProcess(
                ["label", "--annotator", annotator, "--annotations", database.annotations], in: database.root,
                environment: database.environment)
            for _ in 0..<170 { process.send(key) }
            process.send(":quit")
            return process
        }
        for process in sessions {
            #expect(process.wait() == 0, "\(process.output)")
        }
        let status = try Self.status(database)
        let shares = Self.shares(status)
        #expect(status["complete_single_items"] as? Int == 168, "\(status)")
        #expect(shares.values.map { $0["done"] ?? 0 }.reduce(0, +) == 168, "each sentence once: \(shares)")
        #expect(shares.values.filter { ($0["done"] ?? 0) > 0 }.count >= 2, "the work was shared: \(shares)")
    }
}
