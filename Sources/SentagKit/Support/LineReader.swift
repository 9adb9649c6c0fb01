#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the lines of a file with constant memory: large `read`s into one reused buffer.
///
/// Each line is handed over without its `\n` (and without a `\r` before it), with its 1-based
/// number and the byte offset where it starts, so a caller can come back to it with `pread`.
/// The buffer view is valid only during the call. The last line counts even without a newline;
/// `endsWithNewline` tells afterwards whether the file ended with one.
public struct LineReader {
    public private(set) var endsWithNewline = true
    private let fd: Int32
    private let path: String

    /// Opens `path` for reading; the caller must `close()` it.
    public init(path: String) throws(FileSystem.Failure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.Failure(path: path, errno: errno) }
        self.fd = fd
        self.path = path
    }

    public func close() {
        FileSystem.closeDescriptor(fd)
    }

    /// Calls `body(line, lineNumber, byteOffset)` for every line, blank ones included.
    public mutating func forEachLine<E: Error>(
        chunkSize: Int = 1 << 20,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Int64) throws(E) -> Void
    ) throws(LineReaderError<E>) {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 4096), alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0  // bytes held in buffer
        var consumed = 0  // bytes of buffer already handed out
        var fileOffset: Int64 = 0  // file offset of buffer[0]
        var lineNumber = 0
        var sawAny = false
        while true {
            // Move the unfinished line to the front, and grow when one line fills the buffer.
            if consumed > 0 {
                if filled > consumed {
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + consumed, byteCount: filled - consumed)
                }
                filled -= consumed
                fileOffset += Int64(consumed)
                consumed = 0
            }
            if filled == buffer.count {
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
            }
            let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw .read(FileSystem.Failure(path: path, errno: errno))
            }
            if n == 0 {
                // End of file: a last line without a newline.
                if filled > 0 {
                    lineNumber += 1
                    endsWithNewline = false
                    var end = filled
                    if buffer[end - 1] == 0x0D { end -= 1 }
                    let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    do {
                        try body(UnsafeBufferPointer(start: bytes, count: end), lineNumber, fileOffset)
                    } catch {
                        throw .body(error)
                    }
                } else {
                    endsWithNewline = true
                }
                if !sawAny { endsWithNewline = true }
                return
            }
            sawAny = true
            let scanFrom = filled
            filled += n
            let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var lineStart = consumed
            var searchFrom = scanFrom
            while searchFrom < filled {
                guard let hit = memchr(bytes + searchFrom, 0x0A, filled - searchFrom) else { break }
                let newline = bytes.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                var end = newline
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                do {
                    try body(
                        UnsafeBufferPointer(start: bytes + lineStart, count: end - lineStart), lineNumber,
                        fileOffset + Int64(lineStart))
                } catch {
                    throw .body(error)
                }
                lineStart = newline + 1
                searchFrom = lineStart
            }
            consumed = lineStart
        }
    }
}

public enum LineReaderError<Body: Error>: Error {
    case read(FileSystem.Failure)
    case body(Body)
}
