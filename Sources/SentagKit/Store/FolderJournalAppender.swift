#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An annotator's journal in a `FolderStore`, open for appending.
///
/// - **One session per journal**: an exclusive `flock` on `.sentag/locks/<annotator>.lock`, a
///   file the tool creates in its own folder and refuses when it is a link or has several
///   links; it names the holding process (pid, host, start time) for the message a second
///   session gets. The kernel drops the lock when the process dies, so a stale file never blocks
///   anyone. The journal itself is never opened through a link and never truncated.
/// - **Durable on return**: `append` writes its records with one `write` and `fsync`s before
///   returning, so a decision the screen shows as made survives `kill -9` and power loss.
/// - **All or nothing**: when the write or the sync fails (a full disk), the bytes this call
///   added are cut off again, so a record is never on disk while the screen says it was not
///   saved. Those are the only bytes the tool ever removes from a journal, and only its own,
///   under the lock, in the same call.
/// - The journal is created by the first append, so a session that decides nothing leaves no
///   empty file behind. When it does not end with a newline (a crash mid-write, a hand edit), the
///   next record starts on a line of its own.
final class FolderJournalAppender: JournalAppender {
    let annotator: String
    private let store: FolderStore
    private let path: String
    private var folder: Int32
    private var lockFD: Int32
    /// -1 until the journal exists.
    private var fd: Int32 = -1
    /// Set when a failed append could not be undone: no more appends.
    private var broken: String?

    /// How long a held lock is retried before the journal is reported in use.
    ///
    /// A lock can be held for an instant by a process that does not own it: a child forked by
    /// another thread keeps the parent's open files (and so the lock) until it calls exec. A
    /// second session holds it for good and is refused after this short wait.
    static let lockGracePeriodMilliseconds = 500

    init(store: FolderStore, annotator: String, command: String) throws(StoreError) {
        guard AnnotatorName.isValid(annotator) else { throw .badAnnotatorName(annotator) }
        self.annotator = annotator
        self.store = store
        self.path = store.journalLocation(annotator)
        try store.createFolder()
        guard let folder = try store.openFolder() else {
            throw .cannotOpen(path: store.path, reason: "the folder disappeared")
        }
        self.folder = folder
        self.lockFD = -1
        do {
            lockFD = try Self.acquireLock(store: store, annotator: annotator, journal: path, command: command)
            fd =
                try SafeFile.open(FolderStore.journalName(annotator), in: folder, flags: O_RDWR | O_APPEND, path: path)
                ?? -1
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    func close() {
        if fd >= 0 { FileSystem.closeDescriptor(fd) }
        if lockFD >= 0 { FileSystem.closeDescriptor(lockFD) }
        if folder >= 0 { FileSystem.closeDescriptor(folder) }
        fd = -1
        lockFD = -1
        folder = -1
    }

    @discardableResult
    func append(_ records: [AnnotationRecord]) throws(StoreError) -> [RecordPosition] {
        try write { bytes, before in
            var positions: [RecordPosition] = []
            for record in records {
                positions.append(RecordPosition(line: 0, offset: before + Int64(bytes.count)))
                bytes.append(contentsOf: record.jsonLine)
            }
            return positions
        }
    }

    func appendVerbatim(_ records: JournalBatch) throws(StoreError) {
        guard records.count > 0 else { return }
        _ = try write { bytes, _ in
            bytes.reserveCapacity(bytes.count + records.bytes.count + records.count)
            for i in 0..<records.count {
                bytes.append(contentsOf: records.record(i))
                bytes.append(0x0A)
            }
            return []
        }
    }

    /// Writes what `encode` adds after the journal's current end (given the size before), with
    /// one `write` and an `fsync`, and cuts it off again when either fails.
    private func write(
        _ encode: (_ bytes: inout [UInt8], _ before: Int64) -> [RecordPosition]
    ) throws(StoreError) -> [RecordPosition] {
        if let broken { throw .writeFailed(path: path, reason: broken) }
        guard lockFD >= 0 else { throw .writeFailed(path: path, reason: "the journal is closed") }
        if fd < 0 {
            let created = openat(
                folder, FolderStore.journalName(annotator),
                O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                0o644)
            if created < 0 {
                let code = errno
                // Someone made it in the meantime (a hand edit): open what is there, safely.
                guard code == EEXIST,
                    let existing = try SafeFile.open(
                        FolderStore.journalName(annotator), in: folder, flags: O_RDWR | O_APPEND, path: path)
                else { throw .writeFailed(path: path, reason: FileSystem.describe(errno: code)) }
                fd = existing
            } else {
                fd = created
                // Make the new directory entry itself durable.
                _ = fsync(folder)
            }
        }
        let before = SafeFile.size(fd)
        var bytes: [UInt8] = []
        if before > 0, SafeFile.read(fd, count: 1, at: before - 1) != [0x0A] { bytes.append(0x0A) }
        let positions = encode(&bytes, before)
        do {
            try FileSystem.writeAll(fd, bytes, path: path)
        } catch {
            rollBack(to: before)
            throw .writeFailed(path: path, reason: error.reason)
        }
        if fsync(fd) != 0 {
            let reason = "fsync: " + FileSystem.describe(errno: errno)
            rollBack(to: before)
            throw .writeFailed(path: path, reason: reason)
        }
        return positions
    }

    /// Cuts the journal back to `size` after a failed append; when even that fails, the journal
    /// takes no more appends (a half-written record might be on disk).
    private func rollBack(to size: Int64) {
        if SafeFile.size(fd) == size { return }
        if ftruncate(fd, off_t(size)) != 0 || fsync(fd) != 0 {
            broken =
                "an earlier write failed and could not be undone (\(FileSystem.describe(errno: errno))); "
                + "end this session and check the journal's last line"
        }
    }

    /// Takes the session lock `.sentag/locks/<annotator>.lock` and writes the holder into it.
    static func acquireLock(store: FolderStore, annotator: String, journal: String, command: String)
        throws(StoreError) -> Int32
    {
        let cache = FolderCache(store: store)
        let lockLocation = FileSystem.join(cache.path, "locks/\(annotator).lock")
        guard let locks = try cache.openFolder("locks", create: true) else {
            throw .cannotOpen(path: lockLocation, reason: "cannot create the lock folder")
        }
        defer { FileSystem.closeDescriptor(locks) }
        guard
            let lockFD = try SafeFile.open("\(annotator).lock", in: locks, flags: O_RDWR | O_CREAT, path: lockLocation)
        else { throw .cannotOpen(path: lockLocation, reason: "cannot create the lock file") }
        var waited = 0
        while flock(lockFD, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                FileSystem.closeDescriptor(lockFD)
                throw .cannotOpen(path: lockLocation, reason: FileSystem.describe(errno: code))
            }
            if waited >= lockGracePeriodMilliseconds {
                let holder = readHolder(lockFD)
                FileSystem.closeDescriptor(lockFD)
                throw .locked(journal: journal, holder: holder ?? "another process")
            }
            usleep(5_000)
            waited += 5
        }
        writeHolder(lockFD, command: command)
        return lockFD
    }

    /// Replaces the lock file's text: it is the tool's own file (checked: regular, one link).
    private static func writeHolder(_ fd: Int32, command: String) {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let text = "process \(getpid()) (\(command)) on \(hostName) since \(Timestamp.now())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    private static func readHolder(_ fd: Int32) -> String? {
        let bytes = SafeFile.read(fd, count: 512, at: 0)
        let text = String(decoding: bytes, as: UTF8.self).trimmed(of: " \n")
        return text.isEmpty ? nil : text
    }
}
