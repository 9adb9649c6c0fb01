import Foundation
import Testing

/// What every command does when standard output cannot be written: a full disk is an error
/// (exit 1, one `error:` line), a reader that went away (`| head -1`) a quiet end by SIGPIPE.
@Suite struct OutputErrorCommandTests {
    struct Ending {
        var status: Int32
        var killedBy: Int32?
        var stderr: String
        var transcript: String { "status \(status), signal \(killedBy.map(String.init) ?? "none")\n\(stderr)" }
    }

    /// Runs `sentag arguments…` with standard output on `/dev/full`.
    static func runIntoFullDisk(_ arguments: [String], input: String = "", in directory: URL? = nil) throws -> Ending {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SentagBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? SentagBinary.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = full
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ending(
            status: process.terminationStatus,
            killedBy: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
            stderr: String(decoding: errors, as: UTF8.self))
    }

    static let fullDisk = "error: cannot write standard output: no space left on device\n"

    @Test(arguments: [
        ["segment", "seeds", "--json"], ["segment", "seeds"], ["stats", "seeds"], ["stats", "--json"],
    ])
    func aFullDiskIsAnError(_ arguments: [String]) throws {
        let ending = try Self.runIntoFullDisk(arguments)
        #expect(ending.status == 1 && ending.killedBy == nil, "\(ending.transcript)")
        #expect(ending.stderr == Self.fullDisk, "\(ending.transcript)")
    }

    @Test func labelAgreementReviewAndExportToo() throws {
        let fixture = try LabelFixture()
        let annotations = ["--annotations", fixture.annotations]
        for annotator in ["alice", "bob"] {
            let run = try fixture.label(annotator == "alice" ? ["c", "q"] : ["q", "q"], annotator: annotator)
            #expect(run.status == 0, "\(run.transcript)")
        }
        let label = try Self.runIntoFullDisk(
            ["label", fixture.corpus, "--annotator", "carl"] + annotations, input: "c\n", in: fixture.root)
        #expect(label.status == 1 && label.stderr == Self.fullDisk, "\(label.transcript)")
        let review = try Self.runIntoFullDisk(
            ["review", fixture.corpus, "--adjudicator", "carol"] + annotations, input: "c\n", in: fixture.root)
        #expect(review.status == 1 && review.stderr == Self.fullDisk, "\(review.transcript)")
        let agreement = try Self.runIntoFullDisk(["agreement"] + annotations, in: fixture.root)
        #expect(agreement.status == 1 && agreement.stderr == Self.fullDisk, "\(agreement.transcript)")
        let out = fixture.root.appendingPathComponent("dataset").path
        let export = try Self.runIntoFullDisk(["export", fixture.corpus, "--out", out] + annotations, in: fixture.root)
        #expect(export.status == 1 && export.stderr.hasSuffix("\n" + Self.fullDisk), "\(export.transcript)")
    }

    /// `sentag segment | head -1`: no message, and the end SIGPIPE gives (141 in the shell).
    @Test func aClosedPipeEndsQuietlyBySIGPIPE() throws {
        let root = try SentagBinary.temporaryDirectory()
        let article = try FileManager.default.contentsOfDirectory(
            at: SentagBinary.packageRoot.appendingPathComponent("seeds"), includingPropertiesForKeys: nil
        ).map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        // Far more than a pipe holds (64 KiB), so the writer meets the closed pipe.
        for i in 0..<20 {
            try article.write(to: root.appendingPathComponent("a\(i).txt"), atomically: true, encoding: .utf8)
        }
        for arguments in [["segment", root.path, "--json"], ["segment", root.path]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: SentagBinary.path)
            process.arguments = arguments
            let stdout = Pipe()
            let stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            var first = Data()
            while !first.contains(0x0A) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                first.append(chunk)
            }
            try stdout.fileHandleForReading.close()
            let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(!first.isEmpty, "\(arguments)")
            #expect(
                process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE,
                "\(arguments): \(process.terminationReason) \(process.terminationStatus)\n\(errors)")
            #expect(errors.isEmpty, "\(arguments): \(errors)")
        }
    }
}
