#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An annotator's label file, open for appending: `<annotations>/<annotator>.jsonl`.
///
/// - `append` writes one line with a single `write` and `fsync`s before returning, so a decision
///   the screen shows as made survives `kill -9` and power loss.
/// - The file is only ever appended to, never rewritten or truncated. When it does not end with
///   a newline (a crash mid-write, a hand edit), the next record starts on a line of its own.
/// - One session per file: an exclusive `flock` on `<annotator>.jsonl.lock`, which also names the
///   holding process (pid, host, start time) for the message a second session gets. The kernel
///   drops the lock when the process dies, so a stale lock file never blocks anyone.
public final class AnnotationLog {
    public let path: String
    public let annotator: String
    private var fd: Int32
    private var lockFD: Int32
    /// Whether the next append must first end an unfinished last line.
    private var needsLeadingNewline: Bool
    /// After a failed write the file's last byte is unknown; check it before the next append.
    private var mustCheckEnding = false

    /// Opens (creating it and the folder when missing) and locks the annotator's label file.
    public init(directory: String, annotator: String, command: String = "sentag") throws(AnnotationError) {
        let annotator = try AnnotatorName.validate(annotator)
        do {
            try FileSystem.createDirectory(directory)
        } catch {
            throw .cannotOpen(path: directory, reason: error.reason)
        }
        let path = FileSystem.join(directory, annotator + ".jsonl")
        let lockPath = path + ".lock"
        let lockFD = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else { throw .cannotOpen(path: lockPath, reason: FileSystem.describe(errno: errno)) }
        if !Self.lock(lockFD) {
            let code = errno
            let holder = Self.readHolder(lockFD)
            FileSystem.closeDescriptor(lockFD)
            if code == EWOULDBLOCK {
                throw .locked(path: path, holder: holder ?? "another process")
            }
            throw .cannotOpen(path: lockPath, reason: FileSystem.describe(errno: code))
        }
        Self.writeHolder(lockFD, command: command)

        let existed = FileSystem.exists(path)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            FileSystem.closeDescriptor(lockFD)
            throw .cannotOpen(path: path, reason: FileSystem.describe(errno: code))
        }
        if !existed {
            // Make the new directory entry itself durable.
            let dirFD = open(directory, O_RDONLY | O_CLOEXEC)
            if dirFD >= 0 {
                _ = fsync(dirFD)
                FileSystem.closeDescriptor(dirFD)
            }
        }
        self.path = path
        self.annotator = annotator
        self.fd = fd
        self.lockFD = lockFD
        self.needsLeadingNewline = !Self.endsWithNewline(path: path)
    }

    deinit {
        close()
    }

    /// Releases the file and its lock. Appending afterwards fails.
    public func close() {
        if fd >= 0 { FileSystem.closeDescriptor(fd) }
        if lockFD >= 0 { FileSystem.closeDescriptor(lockFD) }
        fd = -1
        lockFD = -1
    }

    /// Appends the record and waits until it is on disk.
    public func append(_ record: AnnotationRecord) throws(AnnotationError) {
        try append(line: record.jsonLine)
    }

    /// Appends several records with one write and one fsync (a run of `n 3`).
    public func append(_ records: [AnnotationRecord]) throws(AnnotationError) {
        var bytes: [UInt8] = []
        for record in records { bytes.append(contentsOf: record.jsonLine) }
        try append(line: bytes)
    }

    private func append(line: [UInt8]) throws(AnnotationError) {
        guard fd >= 0 else { throw .writeFailed(path: path, reason: "the label file is closed") }
        if mustCheckEnding {
            needsLeadingNewline = !Self.endsWithNewline(path: path)
            mustCheckEnding = false
        }
        var bytes = line
        if needsLeadingNewline { bytes.insert(0x0A, at: 0) }
        do {
            try FileSystem.writeAll(fd, bytes, path: path)
        } catch {
            mustCheckEnding = true
            throw .writeFailed(path: path, reason: error.reason)
        }
        needsLeadingNewline = false
        if fsync(fd) != 0 {
            let reason = FileSystem.describe(errno: errno)
            // The bytes may or may not be on disk; a retry appends again, which is harmless
            // (the latest line for an id wins).
            throw .writeFailed(path: path, reason: "fsync: \(reason)")
        }
    }

    /// How long a held lock is retried before the file is reported in use. A lock can be held
    /// for an instant by a process that does not own it: a child forked by another thread keeps
    /// the parent's open files (and so the lock) until it calls exec. A second session holds it
    /// for good and is refused after this short wait.
    static let lockGracePeriodMilliseconds = 500

    /// Takes the exclusive lock, retrying every 5 ms within the grace period; false with `errno`
    /// set when it cannot.
    private static func lock(_ fd: Int32) -> Bool {
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < lockGracePeriodMilliseconds else { return false }
            usleep(5_000)
            waited += 5
        }
        return true
    }

    /// True when the file is empty or its last byte is a newline.
    static func endsWithNewline(path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return true }
        defer { FileSystem.closeDescriptor(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return true }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, info.st_size - 1) == 1 else { return true }
        return last == 0x0A
    }

    private static func writeHolder(_ fd: Int32, command: String) {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let text = "process \(getpid()) (\(command)) on \(hostName) since \(Timestamp.now())"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmed(of: " \n")
        return text.isEmpty ? nil : text
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmed(of set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self)
        while let first = view.unicodeScalars.first, scalars.contains(first) { view = view.dropFirst() }
        while let last = view.unicodeScalars.last, scalars.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
