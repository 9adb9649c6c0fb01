import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` during an export never leaves a half-written dataset, and the previous one stays.
///
/// The hidden test hook `SENTAG_EXPORT_TEST_PAUSE` makes the export stop at a chosen point and say
/// so on stderr; the test then kills it there, so the interruption is deterministic.
@Suite struct ExportKillTests {
    /// Starts an export that pauses at `point`, waits for it to say so, and kills it with SIGKILL.
    func killExport(in directory: URL, at point: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SentagBinary.path)
        process.arguments = ["export", ExportScenario.source, "--out", "dataset"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["SENTAG_EXPORT_TEST_PAUSE"] = point
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains("paused \(point)") {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }  // the process ended without pausing
            seen += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "\(seen)")
        return seen
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test(arguments: ["mid-write", "before-swap"])
    func killLeavesThePreviousDatasetIntact(point: String) throws {
        let scenario = try ExportScenario(documents: 30)
        defer { scenario.remove() }
        let first = try SentagBinary.run(
            ["export", ExportScenario.source, "--out", "dataset", "--seed", "1"], in: scenario.directory)
        #expect(first.status == 0, "\(first.transcript)")
        let dataset = scenario.directory.appendingPathComponent("dataset")
        let before = try snapshot(dataset)

        let stderr = try killExport(in: scenario.directory, at: point, arguments: ["--seed", "2", "--format", "csv"])
        #expect(stderr.contains("paused \(point)"), "the export never reached \(point): \(stderr)")
        #expect(try snapshot(dataset) == before, "the previous dataset changed after a kill at \(point)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scenario.directory.path)
            .filter { $0.hasPrefix(".dataset.sentag-export-") }
        #expect(leftovers.count == 1, "the killed run's staging folder: \(leftovers)")

        // The next export cleans up after the killed one and completes.
        let next = try SentagBinary.run(
            ["export", ExportScenario.source, "--out", "dataset", "--seed", "2", "--format", "csv"],
            in: scenario.directory)
        #expect(next.status == 0, "\(next.transcript)")
        #expect(next.stderr.contains("left by a killed export"), "\(next.transcript)")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: scenario.directory.path).sorted()
        #expect(siblings == ["Annotations", "corpus", "dataset"], "\(siblings)")
        #expect(
            try snapshot(dataset).keys.sorted() == [
                "README.md", "config.cfg", "dev.csv", "manifest.json", "test.csv", "to_docbin.py", "train.csv",
            ])
    }

    @Test func aKillBeforeTheFirstExportLeavesNoDataset() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        _ = try killExport(in: scenario.directory, at: "before-swap", arguments: [])
        #expect(!FileManager.default.fileExists(atPath: scenario.directory.appendingPathComponent("dataset").path))
    }
}
