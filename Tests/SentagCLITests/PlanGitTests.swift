import Foundation
import Testing

/// Issue 11: three annotators label in clones of their own, pulling and pushing through a bare
/// repository; every clone ends with the same agreement and the same plan status.
@Suite struct PlanGitTests {
    /// Runs git in `directory` with a fixed identity and no user configuration.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in [
            ("GIT_AUTHOR_NAME", "Test"), ("GIT_AUTHOR_EMAIL", "test@example.org"), ("GIT_COMMITTER_NAME", "Test"),
            ("GIT_COMMITTER_EMAIL", "test@example.org"), ("GIT_CONFIG_GLOBAL", "/dev/null"),
            ("GIT_CONFIG_NOSYSTEM", "1"),
        ] {
            environment[key] = value
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw GitFailure(description: "git \(arguments.joined(separator: " ")) in \(directory.path): \(text)")
        }
        return text
    }

    struct GitFailure: Error, CustomStringConvertible {
        var description: String
    }

    @Test func threeClonesMergeWithoutConflictsAndAgree() throws {
        let top = try SentagBinary.temporaryDirectory()
        let remote = top.appendingPathComponent("remote.git")
        try FileManager.default.createDirectory(at: remote, withIntermediateDirectories: true)
        try Self.git(["init", "--bare", "--initial-branch=main", "-q"], in: remote)

        // The lead: corpus, the union merge rule, the plan.
        let lead = top.appendingPathComponent("lead")
        try Self.git(["clone", "-q", remote.path, "lead"], in: top)
        let leadFixture = try PlanFixture(documents: 16, root: lead)
        try FileManager.default.createDirectory(atPath: leadFixture.annotations, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: SentagBinary.packageRoot.appendingPathComponent("Annotations/.gitattributes"),
            to: URL(fileURLWithPath: leadFixture.annotations + "/.gitattributes"))
        let plan = try leadFixture.run(["plan", "corpus", "--annotators", "alice,bob,carol", "--overlap", "0.3"])
        #expect(plan.status == 0, "\(plan.transcript)")
        try Self.git(["add", "-A"], in: lead)
        try Self.git(["commit", "-q", "-m", "plan"], in: lead)
        try Self.git(["push", "-q", "origin", "HEAD:main"], in: lead)

        var clones: [String: PlanFixture] = [:]
        for name in ["alice", "bob", "carol"] {
            try Self.git(["clone", "-q", remote.path, name], in: top)
            clones[name] = PlanFixture.at(top.appendingPathComponent(name))
        }
        // Alice also labels three sentences on the lead's machine, pushed before her own work:
        // her journal then changes on both sides, and the union rule keeps every line.
        try leadFixture.label("alice", ["n", "n", "n"])
        try Self.git(["add", "-A"], in: lead)
        try Self.git(["commit", "-q", "-m", "alice on the lead's machine"], in: lead)
        try Self.git(["push", "-q", "origin", "HEAD:main"], in: lead)
        for name in ["alice", "bob", "carol"] {
            let fixture = clones[name]!
            let result = try fixture.labelWholeQueue(name) { _ in name == "bob" ? "q" : "c" }
            #expect(result.status == 0, "\(result.transcript)")
            try Self.git(["add", "-A"], in: fixture.root)
            try Self.git(["commit", "-q", "-m", "\(name) labels"], in: fixture.root)
        }
        for name in ["alice", "bob", "carol", "alice", "bob", "carol"] {
            let root = clones[name]!.root
            try Self.git(["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: root)
            try Self.git(["push", "-q", "origin", "HEAD:main"], in: root)
        }
        try Self.git(["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: lead)

        let everyone = [leadFixture] + ["alice", "bob", "carol"].map { clones[$0]! }
        let agreements = try everyone.map { try $0.run(["agreement", "--json"]) }
        let statuses = try everyone.map { try $0.run(["plan", "--status", "--json"]) }
        for (index, result) in (agreements + statuses).enumerated() {
            #expect(result.status == 0 && result.stderr.isEmpty, "\(index): \(result.transcript)")
        }
        #expect(Set(agreements.map(\.stdout)).count == 1, "\(agreements.map(\.stdout))")
        #expect(Set(statuses.map(\.stdout)).count == 1, "\(statuses.map(\.stdout))")
        let status = try #require(
            try JSONSerialization.jsonObject(with: Data(statuses[0].stdout.utf8)) as? [String: Any])
        #expect(status["complete_overlap_items"] as? Int == status["overlap_items"] as? Int, "\(status)")
        // The caches never went into git.
        let tracked = try Self.git(["ls-files"], in: lead)
        #expect(!tracked.contains(".sentag"), "\(tracked)")
        #expect(tracked.contains("Annotations/alice.jsonl") && tracked.contains("Annotations/plan.json"), "\(tracked)")
        // Alice's journal holds the lead's three lines and her own, merged.
        let journal = try String(contentsOfFile: leadFixture.annotations + "/alice.jsonl", encoding: .utf8)
        #expect(journal.components(separatedBy: #""label":"noise""#).count - 1 == 3, "\(journal)")
        #expect(!journal.contains("<<<<<<<"), "\(journal)")
    }
}
