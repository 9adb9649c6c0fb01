import Foundation
import SentagKit
import Testing

/// `AtomicDirectoryReplacement`: the swap and the clean-up after a killed run.
@Suite struct ExportDirectoryTests {
    /// A pid no process has (above Linux's largest `pid_max`).
    static let deadPID = 2_000_000_000

    func makeRoot() throws -> String {
        TestScratch.folder("swap").path
    }

    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test(arguments: [true, false])
    func replacesThePreviousFolderWhole(useExchange: Bool) throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/out"
        try write("old", target + "/train.jsonl")
        try write("old only", target + "/dev.jsonl")
        let replacement = try AtomicDirectoryReplacement(target: target)
        let staging = try replacement.createStaging()
        try write("new", staging + "/train.jsonl")
        try replacement.install(useExchange: useExchange)
        #expect(read(target + "/train.jsonl") == "new")
        #expect(entries(target) == ["train.jsonl"], "no file of the old folder survives: \(entries(target))")
        #expect(entries(root) == ["out"], "temporaries are gone: \(entries(root))")
    }

    @Test func createsAMissingTargetAndItsParents() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let replacement = try AtomicDirectoryReplacement(target: root + "/a/b/out/")
        #expect(replacement.name == "out", "\(replacement.name)")
        let staging = try replacement.createStaging()
        #expect(staging.hasPrefix(replacement.parent + "/.out.sentag-export-new-"), "\(staging)")
        try write("new", staging + "/test.csv")
        try replacement.install()
        #expect(read(root + "/a/b/out/test.csv") == "new")
    }

    /// A kill between the fallback's two renames leaves DIR missing and the old export aside.
    @Test func restoresThePreviousExportAfterAKillMidSwap() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("previous", root + "/.out.sentag-export-old-\(Self.deadPID)/train.jsonl")
        try write("complete new", root + "/.out.sentag-export-new-\(Self.deadPID)/train.jsonl")
        try write("unrelated", root + "/.other.sentag-export-new-\(Self.deadPID)/x")
        let notes = try AtomicDirectoryReplacement(target: root + "/out").recoverAbandoned()
        #expect(read(root + "/out/train.jsonl") == "previous", "\(notes)")
        #expect(entries(root) == [".other.sentag-export-new-\(Self.deadPID)", "out"], "\(entries(root))")
        #expect(notes.count == 2, "\(notes)")
    }

    @Test func removesLeftoversButLeavesThoseOfARunningExport() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("current", root + "/out/train.jsonl")
        try write("stale", root + "/.out.sentag-export-new-\(Self.deadPID)/train.jsonl")
        try write("stale old", root + "/.out.sentag-export-old-\(Self.deadPID)/train.jsonl")
        // pid 1 is always running: its staging folder belongs to someone else's export.
        try write("busy", root + "/.out.sentag-export-new-1/train.jsonl")
        try AtomicDirectoryReplacement(target: root + "/out").recoverAbandoned()
        #expect(entries(root) == [".out.sentag-export-new-1", "out"], "\(entries(root))")
        #expect(read(root + "/out/train.jsonl") == "current")
    }

    @Test func refusesFilesAndTheRoot() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("x", root + "/file")
        #expect(throws: ExportError.outputNotADirectory(path: root + "/file")) {
            try AtomicDirectoryReplacement(target: root + "/file").checkReplaceable()
        }
        #expect(throws: ExportError.self) { try AtomicDirectoryReplacement(target: "/") }
    }
}
