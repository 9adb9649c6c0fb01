#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a new file in large blocks, computing its SHA-256 on the way, and `fsync`s it on close.
///
/// The file must not exist yet (`O_EXCL`): the exporter only ever writes into its own fresh
/// staging folder.
final class HashingFileWriter {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private var hasher = SHA256()
    private(set) var byteCount = 0

    init(path: String, capacity: Int = 1 << 20) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: FileSystem.describe(errno: errno)) }
        self.path = path
        self.fd = fd
        self.capacity = capacity
        buffer.reserveCapacity(capacity + (1 << 16))
    }

    deinit {
        if fd >= 0 { FileSystem.closeDescriptor(fd) }
    }

    /// Appends bytes; they reach the file when the buffer is full or on `finish()`.
    func write(_ bytes: [UInt8]) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Lets `body` append to the buffer directly (no intermediate array), then flushes if full.
    func append(_ body: (inout [UInt8]) -> Void) throws(ExportError) {
        body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes what is left, `fsync`s and closes the file; returns the SHA-256 as hex.
    func finish() throws(ExportError) -> String {
        try flush()
        if fsync(fd) != 0 { throw .cannotWrite(path: path, reason: "fsync: " + FileSystem.describe(errno: errno)) }
        let result = close(fd)
        fd = -1
        if result != 0 { throw .cannotWrite(path: path, reason: FileSystem.describe(errno: errno)) }
        return SHA256.hex(hasher.finalize())
    }

    private func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        hasher.update(buffer)
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: FileSystem.describe(errno: errno))
            }
            written += n
        }
        byteCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes a whole small file at once and returns its SHA-256.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(ExportError) -> String {
        let writer = try HashingFileWriter(path: path, capacity: bytes.count + 1)
        try writer.write(bytes)
        return try writer.finish()
    }
}
