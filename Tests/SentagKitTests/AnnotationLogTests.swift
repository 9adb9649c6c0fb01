import Foundation
import SentagKit
import Testing

@Suite struct AnnotationLogTests {
    static func record(_ n: Int, _ label: String?, annotator: String = "alice") -> AnnotationRecord {
        AnnotationRecord(
            sentence: Sentence(id: SentenceID(rawValue: UInt64(n)), doc: "d", index: n, start: 0, end: 1, text: "t"),
            label: label, annotator: annotator, time: Timestamp(millisecondsSince1970: 1_795_269_785_120))
    }

    @Test func appendsLinesThatReadBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let folder = dir.file("Annotations/new")
        do {
            let log = try AnnotationLog(directory: folder, annotator: "alice")
            try log.append(Self.record(1, "claim"))
            try log.append([Self.record(2, "noise"), Self.record(3, "noise")])
            try log.append(Self.record(1, nil))
        }
        let index = try LabelFileIndex(path: folder + "/alice.jsonl")
        #expect(index.entries.map(\.id.rawValue) == [1, 2, 3, 1], "\(index.entries)")
        #expect(index.warnings.isEmpty && index.endsWithNewline)
        #expect(index.currentDecisions().count == 2)
    }

    @Test func neverRewritesAndStartsAfterATruncatedLineOnAFreshLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = String(decoding: Self.record(1, "claim").jsonLine, as: UTF8.self) + #"{"id":"00000000000000"#
        try dir.write("alice.jsonl", original)
        do {
            let log = try AnnotationLog(directory: dir.path, annotator: "alice")
            try log.append(Self.record(2, "quote"))
        }
        let text = try dir.read("alice.jsonl")
        #expect(text.hasPrefix(original + "\n"), "the old bytes stay as they were:\n\(text)")
        let index = try LabelFileIndex(path: dir.file("alice.jsonl"))
        #expect(index.entries.map(\.id.rawValue) == [1, 2] && index.warnings.map(\.line) == [2], "\(text)")
    }

    @Test func aSecondSessionIsRefusedAndToldWhoHoldsTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let first = try AnnotationLog(directory: dir.path, annotator: "alice", command: "sentag label")
        do {
            _ = try AnnotationLog(directory: dir.path, annotator: "alice")
            Issue.record("a second log on the same file was opened")
        } catch {
            guard case .locked(let path, let holder) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == dir.file("alice.jsonl"))
            #expect(holder.hasPrefix("process \(getpid()) (sentag label) on "), "\(holder)")
            #expect(error.description.contains("is in use by process"), "\(error.description)")
        }
        // Another annotator is not blocked, and closing releases the lock.
        _ = try AnnotationLog(directory: dir.path, annotator: "bob")
        first.close()
        _ = try AnnotationLog(directory: dir.path, annotator: "alice")
    }

    /// A lock held for an instant (a child between fork and exec holds its parent's locks) is
    /// waited for instead of refusing the session.
    @Test func aLockReleasedWithinTheGracePeriodIsTaken() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        nonisolated(unsafe) let holder = try AnnotationLog(directory: dir.path, annotator: "alice")
        let released = DispatchSemaphore(value: 0)
        // A thread of its own: Dispatch's global queue shares its two workers with the tests.
        Thread {
            usleep(20_000)
            holder.close()
            released.signal()
        }.start()
        let log = try AnnotationLog(directory: dir.path, annotator: "alice")
        released.wait()
        try log.append(Self.record(1, "claim"))
        #expect(try LabelFileIndex(path: dir.file("alice.jsonl")).entries.count == 1)
    }

    @Test func badNamesNeverTouchTheFileSystem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: AnnotationError.badAnnotatorName("../evil")) {
            try AnnotationLog(directory: dir.path, annotator: "../evil")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aFolderThatCannotBeCreatedIsAClearError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("file", "not a folder")
        #expect(throws: AnnotationError.self) { try AnnotationLog(directory: dir.file("file/sub"), annotator: "alice") }
    }

    @Test func listsAnnotatorsByTheirFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for name in ["bob.jsonl", "alice.jsonl", "labels.json", "alice.jsonl.lock", ".x.jsonl", "README.md"] {
            try dir.write(name, "")
        }
        let annotations = AnnotationsDirectory(path: dir.path)
        #expect(try annotations.annotators() == ["alice", "bob"])
        #expect(throws: AnnotationError.unknownAnnotator(name: "carol", known: ["alice", "bob"])) {
            try annotations.readIndexes(annotators: ["carol"])
        }
    }
}
