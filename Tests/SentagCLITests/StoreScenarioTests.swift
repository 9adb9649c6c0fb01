import Foundation
import Testing

/// The same end-to-end scenario on a folder and on a PostgreSQL database, through the binary
/// only: label, undo across restarts, review, agreement, export, stats; the outputs compared.
///
/// Where a store is named in an output (the banner, the manifest's sources and command line),
/// the database's name is replaced by the folder's before comparing; everything else must be
/// the same byte for byte.
@Suite(.enabled(if: TestDatabase.isEnabled, TestDatabase.skipReason))
struct StoreScenarioTests {
    /// One project: the seeds, a folder for outputs, and the store under test.
    struct Project {
        let root: URL
        /// `--annotations`: a folder or a URI.
        let annotations: String
        let database: TestDatabase?
        var environment: [String: String] { ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path] }

        init(database: Bool) throws {
            root = try SentagBinary.temporaryDirectory()
            if database {
                let created = try TestDatabase()
                self.database = created
                annotations = created.uri
            } else {
                self.database = nil
                annotations = root.appendingPathComponent("Annotations").path
            }
        }

        func remove() { database?.drop() }

        var seeds: String { SentagBinary.packageRoot.appendingPathComponent("seeds").path }

        func run(_ arguments: [String], input: [String]? = nil) throws -> SentagBinary.Result {
            try SentagBinary.run(
                arguments + ["--annotations", annotations], input: input.map { $0.map { $0 + "\n" }.joined() },
                in: root, environment: environment)
        }

        /// The output with this store's name replaced by `other`'s, journals included.
        func normalized(_ text: String, as other: Project) -> String {
            guard database != nil else { return text }
            var text = text
            for name in ["alice", "bob", "carol", "judge"] {
                text = text.replacingOccurrences(
                    of: "\(annotations)#\(name)", with: other.annotations + "/\(name).jsonl")
            }
            return text.replacingOccurrences(of: "'\(annotations)'", with: other.annotations)
                .replacingOccurrences(of: annotations, with: other.annotations)
        }

        /// The exported files, each normalized as its store's name (`normalized`), with the
        /// manifest's checksum of the dataset card left out: the card names the store in the
        /// command that reproduces the dataset, so its checksum differs with the store.
        func exportedForComparison(_ folder: String, as other: Project) throws -> [String: String] {
            try exported(folder).mapValues { text in
                normalized(text, as: other).split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("    \"README.md\": ") }.joined(separator: "\n")
            }
        }

        /// The exported files, by name.
        func exported(_ folder: String) throws -> [String: String] {
            let url = root.appendingPathComponent(folder)
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                files[name] = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            }
            return files
        }
    }

    /// What the scenario types, session by session.
    static let sessions: [(annotator: String, lines: [String])] = [
        ("alice", ["c", "q", "n 2", "p", ":note boilerplate", "c", "q", "q", "c", "n", "c", "c", "q", ":flag", "c"]),
        ("alice", ["u", "u", "q", "p"]),
        ("bob", ["c", "c", "n", "n", "c", "q", "q", "p", "c", "n", "c", "q", "q", "c", "c", "n"]),
        ("carol", ["c", "q", "n", "n", "p", "q", "q", "p", "c"]),
    ]
    static let review = ["c", "q", ":note settled", "n", "p"]

    /// Runs the whole scenario on `project` and returns every output, by step.
    static func play(_ project: Project) throws -> [(step: String, result: SentagBinary.Result)] {
        var outputs: [(String, SentagBinary.Result)] = []
        for (index, session) in sessions.enumerated() {
            let result = try project.run(
                ["label", project.seeds, "--annotator", session.annotator], input: session.lines)
            outputs.append(("label #\(index + 1) (\(session.annotator))", result))
        }
        outputs.append(("review", try project.run(["review", project.seeds, "--adjudicator", "judge"], input: review)))
        outputs.append(("agreement --json", try project.run(["agreement", "--json"])))
        outputs.append(("agreement", try project.run(["agreement", "--bootstrap", "50"])))
        outputs.append(
            ("agreement --disagreements", try project.run(["agreement", "--disagreements", "--bootstrap", "0"])))
        outputs.append(("export", try project.run(["export", project.seeds, "--out", "dataset", "--seed", "3"])))
        outputs.append(("stats --json", try project.run(["stats", project.seeds, "--json"])))
        return outputs
    }

    /// The records of a journal without what differs from run to run (time, ms, session).
    static func decisions(_ lines: [String]) throws -> [String] {
        try lines.map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["time", "ms", "session"] { object.removeValue(forKey: key) }
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
        }
    }

    /// Stats JSON without the times of the decisions (each run labels at its own time).
    static func withoutTimes(_ json: String) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter {
                    !["first", "last", "labels_per_minute", "active_minutes", "pace"].contains($0.key)
                }
                .mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return String(
            decoding: try JSONSerialization.data(withJSONObject: strip(object), options: .sortedKeys), as: UTF8.self)
    }

    @Test func theScenarioGivesTheSameOutputsOnAFolderAndOnADatabase() throws {
        let folder = try Project(database: false)
        let database = try Project(database: true)
        defer { database.remove() }
        let onFolder = try Self.play(folder)
        let onDatabase = try Self.play(database)
        // The scenario does what it says: an undo across a restart, a review with decisions.
        #expect(onDatabase[1].result.stdout.contains("undid "), "\(onDatabase[1].result.transcript)")
        #expect(onDatabase[4].result.stdout.contains("settled by judge"), "\(onDatabase[4].result.transcript)")
        for ((step, expected), (_, actual)) in zip(onFolder, onDatabase) {
            #expect(expected.status == 0, "\(step) on the folder: \(expected.transcript)")
            #expect(
                actual.status == expected.status,
                "\(step): exit \(actual.status) on the database, \(expected.status) on the folder")
            if step == "stats --json" {
                #expect(try Self.withoutTimes(actual.stdout) == Self.withoutTimes(expected.stdout), "\(step)")
                continue
            }
            #expect(
                database.normalized(actual.stdout, as: folder) == expected.stdout,
                "\(step): the database printed\n\(actual.stdout)\nthe folder printed\n\(expected.stdout)")
            #expect(database.normalized(actual.stderr, as: folder) == expected.stderr, "\(step): \(actual.transcript)")
        }
        let exportedFromFolder = try folder.exportedForComparison("dataset", as: folder)
        let exportedFromDatabase = try database.exportedForComparison("dataset", as: folder)
        #expect(exportedFromFolder.keys.sorted() == exportedFromDatabase.keys.sorted())
        for (name, expected) in exportedFromFolder {
            #expect(exportedFromDatabase[name] == expected, "\(name) differs:\n\(exportedFromDatabase[name] ?? "")")
        }
        for annotator in ["alice", "bob", "carol", "judge"] {
            let lines = try String(
                contentsOf: folder.root.appendingPathComponent("Annotations/\(annotator).jsonl"), encoding: .utf8
            ).split(separator: "\n").map(String.init)
            #expect(
                try Self.decisions(try #require(database.database).records(annotator)) == Self.decisions(lines),
                "\(annotator)'s records")
        }
    }

    @Test func aCopiedStoreGivesEveryReportByteForByteAndCopiesBackToTheSameFiles() throws {
        let folder = try Project(database: false)
        let database = try Project(database: true)
        defer { database.remove() }
        _ = try Self.play(folder)
        let guidelines = "# Our guidelines\n\nA claim asserts.\n"
        try guidelines.write(
            to: folder.root.appendingPathComponent("Annotations/GUIDELINES.md"), atomically: true, encoding: .utf8)
        let copy = try SentagBinary.run(
            ["store", "copy", folder.annotations, database.annotations], environment: database.environment)
        #expect(copy.status == 0, "\(copy.transcript)")
        #expect(
            copy.stdout.hasPrefix(
                "alice: 18 records copied\nbob: 16 records copied\ncarol: 9 records copied\njudge: 4 records copied\nGUIDELINES.md: copied\n"
            ),
            "\(copy.transcript)")
        let again = try SentagBinary.run(
            ["store", "copy", folder.annotations, database.annotations], environment: database.environment)
        #expect(again.stdout.contains("alice: nothing to copy (18 records already there)"), "\(again.transcript)")
        #expect(again.stdout.hasSuffix(": 0 records copied from 4 journals\n"), "\(again.transcript)")

        for arguments in [
            ["agreement", "--json"], ["agreement"], ["agreement", "--disagreements"],
            ["stats", folder.seeds, "--json"],
            ["stats", folder.seeds], ["export", folder.seeds, "--out", "dataset", "--seed", "9", "--format", "csv"],
            ["suggest", folder.seeds, "--json"], ["check", folder.seeds, "--json"],
            ["duplicates", folder.seeds, "--json"],
        ] {
            let expected = try folder.run(arguments)
            let actual = try database.run(arguments)
            // The model needs 5 consensus labels of each class, which this scenario lacks: both
            // stores must then say so alike.
            let succeeds = arguments[0] != "suggest"
            #expect(
                actual.status == expected.status && (expected.status == 0) == succeeds,
                "\(arguments): \(actual.transcript)\n\(expected.transcript)")
            #expect(database.normalized(actual.stdout, as: folder) == expected.stdout, "\(arguments)")
            #expect(database.normalized(actual.stderr, as: folder) == expected.stderr, "\(arguments)")
        }
        let exportedFromFolder = try folder.exportedForComparison("dataset", as: folder)
        let exportedFromDatabase = try database.exportedForComparison("dataset", as: folder)
        #expect(exportedFromFolder.count == 7 && exportedFromFolder.keys.sorted() == exportedFromDatabase.keys.sorted())
        for (name, expected) in exportedFromFolder {
            #expect(exportedFromDatabase[name] == expected, "\(name)")
        }

        let back = folder.root.appendingPathComponent("back").path
        let home = try SentagBinary.run(
            ["store", "copy", database.annotations, back], environment: database.environment)
        #expect(home.status == 0, "\(home.transcript)")
        for name in ["alice.jsonl", "bob.jsonl", "carol.jsonl", "judge.jsonl", "GUIDELINES.md"] {
            let original = try Data(contentsOf: folder.root.appendingPathComponent("Annotations/\(name)"))
            let copied = try Data(contentsOf: URL(fileURLWithPath: back + "/" + name))
            #expect(copied == original, "\(name) came back different")
        }
    }

    @Test func sentagAnnotationsNamesTheDatabaseForEveryCommand() throws {
        let database = try Project(database: true)
        defer { database.remove() }
        let labeled = try database.run(["label", database.seeds, "--annotator", "alice"], input: ["c", "q"])
        #expect(labeled.status == 0, "\(labeled.transcript)")
        var environment = database.environment
        environment["SENTAG_ANNOTATIONS"] = database.annotations
        let stats = try SentagBinary.run(
            ["stats", database.seeds, "--json"], in: database.root, environment: environment)
        #expect(stats.status == 0 && stats.stdout.contains(#""alice""#), "\(stats.transcript)")
        let label = try SentagBinary.run(
            ["label", database.seeds, "--annotator", "alice"], input: "n\n", in: database.root, environment: environment
        )
        #expect(label.stdout.contains("alice · \(database.annotations)#alice"), "\(label.transcript)")
        #expect(try database.database?.records("alice").count == 3)
    }
}
