import Foundation
import SentagKit
import Testing

/// The folder store: appending, locking, reading, and the hostile files of issue 8.
@Suite struct FolderStoreTests {
    static func record(_ n: Int, _ label: String?, annotator: String = "alice") -> AnnotationRecord {
        AnnotationRecord(
            sentence: Sentence(id: SentenceID(rawValue: UInt64(n)), doc: "d", index: n, start: 0, end: 1, text: "t"),
            label: label, annotator: annotator, time: Timestamp(millisecondsSince1970: 1_795_269_785_120))
    }

    /// Every line of a journal as the store hands it over.
    static func lines(_ store: FolderStore, _ annotator: String) throws -> [(String, RecordPosition)] {
        var lines: [(String, RecordPosition)] = []
        _ = try store.forEachRecord(annotator) { bytes, position in
            lines.append((String(decoding: bytes, as: UTF8.self), position))
        }
        return lines
    }

    @Test func appendsRecordsThatReadBackWithTheirPositions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FolderStore(path: dir.file("Annotations/new"))
        #expect(!store.exists)
        do {
            let journal = try store.openJournal("alice", command: "test")
            try journal.append([Self.record(1, "claim")])
            let positions = try journal.append([Self.record(2, "noise"), Self.record(3, "noise")])
            try journal.append([Self.record(1, nil)])
            #expect(positions.count == 2 && positions[0].offset > 0, "\(positions)")
        }
        let lines = try Self.lines(store, "alice")
        #expect(lines.map(\.1.line) == [1, 2, 3, 4], "\(lines)")
        let ids = try lines.map { try AnnotationRecord(jsonLine: $0.0).id.rawValue }
        #expect(ids == [1, 2, 3, 1])
        let table = try DecisionTableLoader(store: store).load()
        #expect(table.journal("alice")?.votes.decisionCount == 2)
        #expect(try store.annotators() == ["alice"])
    }

    @Test func aSessionThatDecidesNothingLeavesNoJournal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FolderStore(path: dir.path)
        try store.openJournal("alice", command: "test").close()
        #expect(!FileManager.default.fileExists(atPath: dir.file("alice.jsonl")))
        #expect(try store.annotators().isEmpty)
    }

    @Test func neverRewritesAndStartsAfterATruncatedLineOnAFreshLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = String(decoding: Self.record(1, "claim").jsonLine, as: UTF8.self) + #"{"id":"00000000000000"#
        try dir.write("alice.jsonl", original)
        let store = FolderStore(path: dir.path)
        try store.openJournal("alice", command: "test").append([Self.record(2, "quote")])
        let text = try dir.read("alice.jsonl")
        #expect(text.hasPrefix(original + "\n"), "the old bytes stay as they were:\n\(text)")
        let table = try DecisionTableLoader(store: store).load()
        let alice = try #require(table.journal("alice"))
        #expect(
            alice.votes.ids.map(\.rawValue) == [1, 2]
                && alice.warnings.map(\.location) == [dir.file("alice.jsonl") + ":2"])
    }

    @Test func aSecondSessionIsRefusedAndToldWhoHoldsTheJournal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FolderStore(path: dir.path)
        let first = try store.openJournal("alice", command: "sentag label")
        #expect {
            _ = try store.openJournal("alice", command: "sentag label")
        } throws: { error in
            guard case StoreError.locked(let journal, let holder) = error else { return false }
            return journal == dir.file("alice.jsonl") && holder.hasPrefix("process \(getpid()) (sentag label) on ")
                && "\(error)".contains("is in use by process")
        }
        // Another annotator is not blocked, and closing releases the lock.
        _ = try store.openJournal("bob", command: "test")
        first.close()
        _ = try store.openJournal("alice", command: "test")
    }

    /// A lock held for an instant (a child between fork and exec holds its parent's locks) is
    /// waited for instead of refusing the session.
    @Test func aLockReleasedWithinTheGracePeriodIsTaken() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FolderStore(path: dir.path)
        nonisolated(unsafe) let holder = try store.openJournal("alice", command: "test")
        let released = DispatchSemaphore(value: 0)
        // A thread of its own: Dispatch's global queue shares its two workers with the tests.
        Thread {
            usleep(20_000)
            holder.close()
            released.signal()
        }.start()
        let journal = try store.openJournal("alice", command: "test")
        released.wait()
        try journal.append([Self.record(1, "claim")])
        #expect(try Self.lines(store, "alice").count == 1)
    }

    @Test func badNamesNeverTouchTheFileSystem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: StoreError.badAnnotatorName("../evil")) {
            try FolderStore(path: dir.path).openJournal("../evil", command: "test")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aFolderThatCannotBeCreatedIsAClearError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("file", "not a folder")
        #expect(throws: StoreError.self) {
            try FolderStore(path: dir.file("file/sub")).openJournal("alice", command: "t")
        }
    }

    @Test func listsAnnotatorsByTheirJournals() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for name in ["bob.jsonl", "alice.jsonl", "labels.json", "alice.jsonl.lock", ".x.jsonl", "README.md"] {
            try dir.write(name, "")
        }
        try FileManager.default.createDirectory(atPath: dir.file("dir.jsonl"), withIntermediateDirectories: true)
        #expect(try FolderStore(path: dir.path).annotators() == ["alice", "bob"])
    }

    // MARK: - Hostile files (issue 8)

    /// Today's lock file was opened with O_CREAT and truncated through a link: a planted link
    /// destroyed the journal it pointed to.
    @Test func aLockPlantedAsALinkIsRefusedAndItsTargetUntouched() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let journal = String(decoding: Self.record(1, "claim").jsonLine, as: UTF8.self)
        try dir.write("alice.jsonl", journal)
        try dir.write("outside.txt", "precious\n")
        try FileManager.default.createDirectory(
            atPath: dir.file("Annotations/.sentag/locks"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Annotations/.sentag/locks/alice.lock"), withDestinationPath: dir.file("outside.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Annotations/alice.jsonl"), withDestinationPath: dir.file("alice.jsonl"))
        let store = FolderStore(path: dir.file("Annotations"))
        #expect {
            _ = try store.openJournal("alice", command: "test")
        } throws: { error in
            guard case StoreError.unsafeFile(let path, let reason) = error else { return false }
            return path.hasSuffix("locks/alice.lock") && reason.contains("symbolic link")
        }
        #expect(try dir.read("outside.txt") == "precious\n")
        #expect(try dir.read("alice.jsonl") == journal)
    }

    @Test func aJournalThatIsALinkIsNeitherAppendedToNorRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("outside.txt", "precious\n")
        try FileManager.default.createDirectory(atPath: dir.file("Annotations"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Annotations/alice.jsonl"), withDestinationPath: dir.file("outside.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Annotations/zero.jsonl"), withDestinationPath: "/dev/zero")
        let store = FolderStore(path: dir.file("Annotations"))
        #expect(throws: StoreError.self) { try store.openJournal("alice", command: "test") }
        #expect(try dir.read("outside.txt") == "precious\n")
        let table = try DecisionTableLoader(store: store).load()
        #expect(table.journals.isEmpty && table.unreadable.count == 2, "\(table.unreadable)")
        #expect(table.unreadable.allSatisfy { $0.message.contains("symbolic link") }, "\(table.unreadable)")
    }

    @Test func aHardLinkAndAFIFOAreRefusedWithoutHanging() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("outside.jsonl", String(decoding: Self.record(1, "claim").jsonLine, as: UTF8.self))
        try FileManager.default.createDirectory(atPath: dir.file("A"), withIntermediateDirectories: true)
        #expect(link(dir.file("outside.jsonl"), dir.file("A/alice.jsonl")) == 0)
        #expect(mkfifo(dir.file("A/bob.jsonl"), 0o644) == 0)
        #expect(mkfifo(dir.file("A/labels.json"), 0o644) == 0)
        let store = FolderStore(path: dir.file("A"))
        let table = try DecisionTableLoader(store: store).load()
        #expect(table.journals.isEmpty, "\(table.journals.map(\.annotator))")
        #expect(table.unreadable.contains { $0.message.contains("2 links") }, "\(table.unreadable)")
        #expect(table.unreadable.contains { $0.message.contains("FIFO") }, "\(table.unreadable)")
        #expect(throws: StoreError.self) { try LabelSet.load(from: store) }
        #expect(throws: StoreError.self) { try store.openJournal("alice", command: "test") }
    }

    @Test func labelsJSONLinkedToADeviceIsAnErrorNotAnEndlessRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("A"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.file("A/labels.json"), withDestinationPath: "/dev/zero")
        #expect {
            _ = try LabelSet.load(from: FolderStore(path: dir.file("A")))
        } throws: { error in
            "\(error)".contains("labels.json") && "\(error)".contains("symbolic link")
        }
    }

    @Test func aByteOrderMarkDoesNotCostTheFirstRecord() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(
            "alice.jsonl", [0xEF, 0xBB, 0xBF] + Self.record(1, "claim").jsonLine + Self.record(2, "quote").jsonLine)
        let table = try DecisionTableLoader(store: FolderStore(path: dir.path)).load()
        let alice = try #require(table.journal("alice"))
        #expect(alice.votes.decisionCount == 2 && alice.warningCount == 0, "\(alice.warnings)")
    }

    @Test func theCacheFolderIsIgnoredByGit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FolderStore(path: dir.path)
        store.cache?.write("checkpoints/x", [1, 2, 3])
        #expect(store.cache?.read("checkpoints/x")?.array == [1, 2, 3])
        #expect(try dir.read(".sentag/.gitignore") == "*\n")
    }

    @Test func anEmptyOrCutCacheFileIsNoCheckpoint() throws {
        let dir = try TemporaryDirectory()
        let store = FolderStore(path: dir.path)
        let whole = JournalDecisions(annotator: "alice").checkpoint()
        for bytes in [[], Array(whole.prefix(24)), Array(whole.dropLast())] {
            store.cache?.write("checkpoints/alice.journal", bytes)
            let read = try #require(store.cache?.read("checkpoints/alice.journal"))
            #expect(read.count == bytes.count)
            #expect(JournalDecisions(checkpoint: read, annotator: "alice") == nil)
        }
        store.cache?.write("checkpoints/alice.journal", whole)
        let read = try #require(store.cache?.read("checkpoints/alice.journal"))
        #expect(JournalDecisions(checkpoint: read, annotator: "alice")?.annotator == "alice")
    }
}

@Suite struct LineReaderTests {
    private func lines(of text: [UInt8], chunk: Int, from offset: Int64 = 0) throws -> (
        [String], [Int64], [Bool], Int64
    ) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("f", text)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var found: [String] = []
        var offsets: [Int64] = []
        var terminated: [Bool] = []
        let end = try LineReader(fd: fd, path: path, from: offset).forEachLine(chunkSize: chunk) {
            (line, number, offset, ended) throws(Never) in
            found.append(String(decoding: line, as: UTF8.self))
            offsets.append(offset)
            terminated.append(ended)
            #expect(number == Int64(found.count))
        }
        return (found, offsets, terminated, end)
    }

    @Test(arguments: [4096, 1 << 20])
    func handlesLinesLongerThanTheBufferCRLFAndNoFinalNewline(_ chunk: Int) throws {
        let long = String(repeating: "x", count: 10_000)
        let text = Array("a\r\n\n\(long)\nlast".utf8)
        let (found, offsets, terminated, end) = try lines(of: text, chunk: chunk)
        #expect(found == ["a", "", long, "last"], "\(found.map(\.count))")
        #expect(offsets == [0, 3, 4, Int64(5 + long.count)], "\(offsets)")
        #expect(terminated == [true, true, true, false])
        #expect(end == Int64(5 + long.count), "the end is just past the last newline")
    }

    @Test func readsFromAnOffset() throws {
        let (found, offsets, _, end) = try lines(of: Array("one\ntwo\nthree\n".utf8), chunk: 4096, from: 4)
        #expect(found == ["two", "three"] && offsets == [4, 8] && end == 14, "\(found) \(offsets) \(end)")
    }

    @Test func emptyFileHasNoLines() throws {
        let (found, _, _, end) = try lines(of: [], chunk: 4096)
        #expect(found.isEmpty && end == 0)
    }

    @Test func aFolderAnswersForAPlansSingleUnitsWithTheFixedShare() throws {
        let store = FolderStore(path: "/nonexistent-sentag-folder")
        let request = SingleUnitRequest(
            plan: "p", annotator: "alice", units: ["a", "b", "c", "d"], fixedShare: ["b", "d"], more: 5)
        #expect(try store.singleUnits(request) == ["b", "d"])
    }
}
