import Foundation
import SentagKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Symbolic links, FIFOs and devices among the sources: every case ends, none is read twice.
@Suite struct SourceFolderLinkTests {
    @Test func aLinkBackToAFolderBeingReadIsAnErrorNotALoop() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("src/a.txt", "A text.")
        try dir.write("src/sub/b.txt", "B text.")
        #expect(symlink("..", dir.file("src/sub/up")) == 0)
        let expected = SourceError.repeatedFolder(path: dir.file("src/sub/up"), first: dir.file("src"))
        #expect(throws: expected) {
            let documents = try DocumentLoader.load([dir.file("src")])
            Issue.record("read \(documents.count) documents: \(documents.map(\.id).prefix(5))…")
        }
        #expect(expected.description.hasSuffix("remove the link, or give the folders as separate sources"))
    }

    @Test func aSecondLinkToAFolderReadAlreadyIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("src/real/x.txt", "X text.")
        #expect(symlink("real", dir.file("src/zlink")) == 0)
        #expect(throws: SourceError.repeatedFolder(path: dir.file("src/zlink"), first: dir.file("src/real"))) {
            try DocumentLoader.load([dir.file("src")])
        }
    }

    @Test func aLinkToAFolderOutsideIsReadOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("outside/o.txt", "O text.")
        try dir.write("src/a.txt", "A text.")
        #expect(symlink(dir.file("outside"), dir.file("src/more")) == 0)
        let documents = try DocumentLoader.load([dir.file("src")])
        #expect(documents.map(\.id) == ["a", "more/o"], "\(documents.map(\.id))")
    }

    @Test func aLinkedFileIsReadOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("outside/o.txt", "O text.")
        try dir.write("src/a.txt", "A text.")
        #expect(symlink("../outside/o.txt", dir.file("src/linked.txt")) == 0)
        let documents = try DocumentLoader.load([dir.file("src")])
        #expect(documents.map(\.id) == ["a", "linked"], "\(documents.map(\.id))")
        #expect(documents.map(\.text) == ["A text.", "O text."])
    }

    @Test func aFIFOOrADeviceIsRefusedAsASource() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(mkfifo(dir.file("pipe.txt"), 0o644) == 0)
        #expect(throws: SourceError.notRegularFile(path: dir.file("pipe.txt"))) {
            try DocumentLoader.load([dir.file("pipe.txt")])
        }
        #expect(throws: SourceError.notRegularFile(path: "/dev/zero")) { try DocumentLoader.load(["/dev/zero"]) }
        try dir.write("src/a.txt", "A text.")
        #expect(mkfifo(dir.file("src/b.txt"), 0o644) == 0)
        #expect(throws: SourceError.notRegularFile(path: dir.file("src/b.txt"))) {
            try DocumentLoader.load([dir.file("src")])
        }
        #expect(symlink("/dev/zero", dir.file("zero.txt")) == 0)
        #expect(throws: SourceError.notRegularFile(path: dir.file("zero.txt"))) {
            try DocumentLoader.load([dir.file("zero.txt")])
        }
    }

    /// A FIFO met by `readFile` itself (put in place after the type was checked) fails at once.
    @Test func readingAFIFODoesNotWaitForAWriter() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("pipe.txt")
        #expect(mkfifo(path, 0o644) == 0)
        let outcome = ReadOutcome()
        let reader = Thread {
            switch Result(catching: { () throws(FileSystem.Failure) in try FileSystem.readFile(path) }) {
            case .success(let bytes): outcome.set("read \(bytes.count) bytes")
            case .failure(let failure): outcome.set(failure.reason)
            }
        }
        reader.start()
        let deadline = Date().addingTimeInterval(10)
        while outcome.value == nil && Date() < deadline { usleep(1000) }
        if outcome.value == nil {
            // Still blocked in open(2): a writer opening and closing the FIFO lets it go.
            let fd = open(path, O_WRONLY)
            close(fd)
            while outcome.value == nil { usleep(1000) }
            Issue.record("readFile waited for a writer, then: \(outcome.value ?? "")")
            return
        }
        #expect(outcome.value == FileSystem.notRegularFile, "\(outcome.value ?? "")")
    }
}

/// A value set by another thread.
private final class ReadOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    var value: String? { lock.withLock { stored } }

    func set(_ text: String) { lock.withLock { stored = text } }
}
