#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a new file in large blocks, computing its SHA-256 on the way, and `fsync`s it.
///
/// The caller fills a 1 MB buffer; each full buffer is hashed and written, on the caller's
/// thread: with libcrypto's SHA-256 (over 1 GB/s) hashing costs a few percent of producing the
/// lines, so the queue that used to overlap the two (for a 270 MB/s pure-Swift hash) is gone.
///
/// The file must not exist yet (`O_EXCL`): the exporter only ever writes into its own fresh
/// staging folder.
final class HashingFileWriter {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let digestType: any SHA256Digest.Type
    private var digest: any SHA256Digest
    /// The first write error; reported by `finish()`, blocks after it are dropped.
    private var failure: ExportError?

    init(path: String, digest: any SHA256Digest.Type, capacity: Int = 1 << 20) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: FileSystem.describe(errno: errno)) }
        self.path = path
        self.fd = fd
        self.capacity = capacity
        self.digestType = digest
        self.digest = digest.init()
        buffer.reserveCapacity(capacity + (1 << 16))
    }

    deinit {
        if fd >= 0 { FileSystem.closeDescriptor(fd) }
    }

    /// Appends bytes; they reach the file when the buffer is full or on `finish()`.
    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    /// Lets `body` append to the buffer directly (no intermediate array), then flushes if full.
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= capacity { flush() }
    }

    /// Writes what is left, `fsync`s and closes the file; returns the SHA-256 as hex.
    func finish() throws(ExportError) -> String {
        flush()
        if let failure { throw failure }
        let hex = digestType.hex(digest.finalize())
        if fsync(fd) != 0 { throw .cannotWrite(path: path, reason: "fsync: " + FileSystem.describe(errno: errno)) }
        let result = close(fd)
        fd = -1
        if result != 0 { throw .cannotWrite(path: path, reason: FileSystem.describe(errno: errno)) }
        return hex
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        buffer.withUnsafeBytes { digest.update($0) }
        do {
            try FileSystem.writeAll(fd, buffer, path: path)
        } catch {
            failure = .cannotWrite(path: path, reason: error.reason)
        }
    }

    /// Writes a whole small file at once and returns its SHA-256.
    static func writeFile(_ path: String, _ bytes: [UInt8], digest: any SHA256Digest.Type) throws(ExportError)
        -> String
    {
        let writer = try HashingFileWriter(path: path, digest: digest, capacity: bytes.count + 1)
        writer.write(bytes)
        return try writer.finish()
    }
}
