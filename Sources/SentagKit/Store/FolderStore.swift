#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The default store: a folder with one append-only JSONL journal per annotator
/// (`<folder>/<annotator>.jsonl`), the project files (`labels.json`, `plan.json`,
/// `GUIDELINES.md`) and a cache folder `.sentag/` (checkpoints, segmentations, session locks).
///
/// Everything is opened relative to the folder with `SafeFile`: no link is followed inside it,
/// and only regular files with one link are read or written, so nothing is ever written outside
/// the folder the user named.
public final class FolderStore: JournalStore {
    public let path: String

    /// The folder at `path`; nothing is opened until it is used.
    public init(path: String) {
        self.path = path
    }

    public var location: String { path }

    public var exists: Bool { FileSystem.kind(of: path) == .directory }

    /// The bytes of a journal's end that a mark fingerprints.
    static let markWindow = 4096
    /// Project files are small; anything larger is not one.
    static let documentLimit = 16 << 20

    /// Opens the folder itself (following a link there: the user named it); nil when missing.
    func openFolder() throws(StoreError) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw .cannotOpen(path: path, reason: FileSystem.describe(errno: code))
        }
        return fd
    }

    /// Runs `body` with the folder open; `missing` when there is no folder.
    func withFolder<R>(missing: R, _ body: (Int32) throws(StoreError) -> R) throws(StoreError) -> R {
        guard let folder = try openFolder() else { return missing }
        defer { FileSystem.closeDescriptor(folder) }
        return try body(folder)
    }

    static func journalName(_ annotator: String) -> String { annotator + ".jsonl" }

    public func journalLocation(_ annotator: String) -> String {
        FileSystem.join(path, Self.journalName(annotator))
    }

    public func describe(_ position: RecordPosition, of annotator: String) -> String {
        "\(journalLocation(annotator)):\(position.line)"
    }

    public func annotators() throws(StoreError) -> [String] {
        try withFolder(missing: []) { (folder) throws(StoreError) in
            let names: [String]
            do throws(FileSystem.Failure) {
                names = try FileSystem.listDirectory(path)
            } catch {
                throw .unreadable(path: path, reason: error.reason)
            }
            return names.compactMap { name -> String? in
                guard name.hasSuffix(".jsonl") else { return nil }
                let stem = String(name.dropLast(6))
                // Links, FIFOs and other oddities are listed, so reading them reports them.
                guard AnnotatorName.isValid(stem), SafeFile.entry(name, in: folder) != .directory else { return nil }
                return stem
            }
        }
    }

    /// Opens a journal for reading; nil when it does not exist.
    func openJournalForReading(_ annotator: String, in folder: Int32) throws(StoreError) -> Int32? {
        try SafeFile.open(Self.journalName(annotator), in: folder, flags: O_RDONLY, path: journalLocation(annotator))
    }

    public func readJournal(_ annotator: String, after mark: JournalMark?, _ visit: (JournalBatch) -> Void)
        throws(StoreError) -> JournalMark
    {
        let start = mark ?? .start
        return try withFolder(missing: start) { (folder) throws(StoreError) in
            guard let fd = try openJournalForReading(annotator, in: folder) else { return start }
            defer { FileSystem.closeDescriptor(fd) }
            let location = journalLocation(annotator)
            let reader = LineReader(fd: fd, path: location, from: start.offset, firstLine: start.lines + 1)
            var lines = start.lines
            let end: Int64
            do throws(LineReaderError<Never>) {
                end = try reader.forEachBatch { (buffer, batch) throws(Never) in
                    var ranges: [Range<Int>] = []
                    var positions: [RecordPosition] = []
                    ranges.reserveCapacity(batch.count)
                    positions.reserveCapacity(batch.count)
                    for line in batch {
                        if line.terminated { lines = line.number }
                        var range = line.range
                        // A byte order mark some editors put first is not part of the record.
                        if line.offset == 0, range.count >= 3, buffer[range.lowerBound] == 0xEF,
                            buffer[range.lowerBound + 1] == 0xBB, buffer[range.lowerBound + 2] == 0xBF
                        {
                            range = (range.lowerBound + 3)..<range.upperBound
                        }
                        ranges.append(range)
                        positions.append(RecordPosition(line: line.number, offset: line.offset))
                    }
                    visit(JournalBatch(bytes: buffer, ranges: ranges, positions: positions))
                }
            } catch {
                if case .read(let failure) = error { throw .unreadable(path: location, reason: failure.reason) }
                return start
            }
            return JournalMark(offset: end, lines: lines, fingerprint: Self.fingerprint(fd, endingAt: end))
        }
    }

    /// Windows of `markWindow` bytes spread evenly over what a mark covers, the last one ending
    /// at the mark: what its fingerprint samples besides the file's inode.
    static let markSamples: Int64 = 16

    /// A hash of the file's inode and of `markSamples` windows of `markWindow` bytes spread over
    /// `0..<end`, the last one ending at `end`.
    ///
    /// Reading a journal the tool only appends to gives the same hash as long as its first `end`
    /// bytes stay. A journal rewritten by rename (an editor, `sed -i`, `git`, `rsync`) has a new
    /// inode; one rewritten in place at the same length differs in a sample unless the change
    /// falls between them (a cost of never reading the whole prefix again).
    static func fingerprint(_ fd: Int32, endingAt end: Int64) -> UInt64 {
        var info = stat()
        var hash = fstat(fd, &info) == 0 ? UInt64(info.st_ino) : 0
        let window = Int64(markWindow)
        let last = max(0, end - window)
        for sample in 0..<markSamples {
            let from = sample == markSamples - 1 ? last : last / (markSamples - 1) * sample
            hash = XXHash64.hash(SafeFile.read(fd, count: Int(min(window, end - from)), at: from), seed: hash)
            if from == last { break }
        }
        return hash
    }

    public func isCurrent(_ mark: JournalMark, of annotator: String) -> Bool {
        guard let folder = try? openFolder() else { return false }
        defer { FileSystem.closeDescriptor(folder) }
        guard let fd = try? openJournalForReading(annotator, in: folder) else {
            return mark.offset == 0
        }
        defer { FileSystem.closeDescriptor(fd) }
        guard SafeFile.size(fd) >= mark.offset else { return false }
        return Self.fingerprint(fd, endingAt: mark.offset) == mark.fingerprint
    }

    public func readRecords(_ annotator: String, at positions: [RecordPosition]) throws(StoreError) -> [[UInt8]?] {
        try withFolder(missing: positions.map { _ in nil }) { (folder) throws(StoreError) in
            guard let fd = try openJournalForReading(annotator, in: folder) else { return positions.map { _ in nil } }
            defer { FileSystem.closeDescriptor(fd) }
            return positions.map { Self.line(fd, at: $0.offset) }
        }
    }

    /// The line starting at `offset`, without its newline; nil past the end.
    static func line(_ fd: Int32, at offset: Int64) -> [UInt8]? {
        var chunk = 4096
        while true {
            var bytes = SafeFile.read(fd, count: chunk, at: offset)
            if bytes.isEmpty { return nil }
            if let newline = bytes.firstIndex(of: 0x0A) {
                bytes.removeSubrange(newline...)
                if bytes.last == 0x0D { bytes.removeLast() }
                return bytes
            }
            if bytes.count < chunk { return bytes }
            chunk *= 4
        }
    }

    public func openJournal(_ annotator: String, command: String) throws(StoreError) -> any JournalAppender {
        try FolderJournalAppender(store: self, annotator: annotator, command: command)
    }

    public func readDocument(_ document: StoreDocument) throws(StoreError) -> [UInt8]? {
        try withFolder(missing: nil) { (folder) throws(StoreError) in
            let location = FileSystem.join(path, document.rawValue)
            guard let fd = try SafeFile.open(document.rawValue, in: folder, flags: O_RDONLY, path: location) else {
                return nil
            }
            defer { FileSystem.closeDescriptor(fd) }
            return try SafeFile.readAll(fd, limit: Self.documentLimit, path: location)
        }
    }

    public func writeDocument(_ document: StoreDocument, _ bytes: [UInt8]) throws(StoreError) {
        try createFolder()
        try withFolder(missing: ()) { (folder) throws(StoreError) in
            try SafeFile.replace(
                document.rawValue, in: folder, with: bytes, path: FileSystem.join(path, document.rawValue))
        }
    }

    /// Compares and replaces under an exclusive lock of `.sentag/locks/.<document>.lock` (the
    /// session locks' folder; no annotator name starts with a dot), so two processes on the
    /// same folder, or on a shared one, never both win.
    public func replaceDocument(_ document: StoreDocument, expecting expected: [UInt8]?, with bytes: [UInt8])
        throws(StoreError) -> Bool
    {
        try createFolder()
        let lock = try FolderJournalAppender.acquireLock(
            store: self, annotator: "." + document.rawValue, journal: FileSystem.join(path, document.rawValue),
            command: "writing \(document.rawValue)")
        defer { FileSystem.closeDescriptor(lock) }
        guard try readDocument(document) == expected else { return false }
        try writeDocument(document, bytes)
        return true
    }

    /// Creates the folder (and its parents) when it is missing.
    func createFolder() throws(StoreError) {
        do {
            try FileSystem.createDirectory(path)
        } catch {
            throw .cannotOpen(path: path, reason: error.reason)
        }
    }

    public var cache: (any StoreCache)? { FolderCache(store: self) }

    /// Every call opens its own descriptors; nothing is shared between threads.
    public var readsConcurrently: Bool { true }
}
