#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the lines of an open file from an offset with constant memory: large `read`s into
/// one reused buffer, handed over a buffer at a time (`forEachBatch`) or a line at a time.
///
/// A line comes without its `\n` (and without a `\r` before it), with its 1-based number, the
/// byte offset where it starts and whether a newline ended it (only the last line of a file can
/// lack one). The buffer is valid only during the call.
public struct LineReader {
    private let fd: Int32
    private let path: String
    private let startOffset: Int64
    private let firstLine: Int64

    /// One line of a batch: where it is in the batch's buffer and in the file.
    public struct Line: Sendable {
        public var range: Range<Int>
        public var number: Int64
        public var offset: Int64
        public var terminated: Bool
    }

    /// Reads `fd` (which the caller owns and closes) from `offset`; the first line read is
    /// numbered `firstLine`.
    public init(fd: Int32, path: String, from offset: Int64 = 0, firstLine: Int64 = 1) {
        self.fd = fd
        self.path = path
        self.startOffset = offset
        self.firstLine = firstLine
    }

    /// Calls `body` with each buffer read and the complete lines in it (the last call may end
    /// with a line that has no newline); returns the offset just past the last newline.
    @discardableResult
    public func forEachBatch<E: Error>(
        chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>, [Line]) throws(E) -> Void
    ) throws(LineReaderError<E>) -> Int64 {
        var capacity = max(chunkSize, 4096)
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0  // bytes held in buffer
        var consumed = 0  // bytes of buffer already handed out
        var fileOffset = startOffset  // file offset of buffer[0]
        var lineNumber = firstLine - 1
        var lines: [Line] = []
        while true {
            // Move the unfinished line to the front, and grow when one line fills the buffer.
            if consumed > 0 {
                if filled > consumed {
                    buffer.copyMemory(from: buffer + consumed, byteCount: filled - consumed)
                }
                filled -= consumed
                fileOffset += Int64(consumed)
                consumed = 0
            }
            if filled == capacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = pread(fd, buffer + filled, capacity - filled, off_t(fileOffset) + off_t(filled))
            if n < 0 {
                if errno == EINTR { continue }
                throw .read(FileSystem.Failure(path: path, errno: errno))
            }
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            lines.removeAll(keepingCapacity: true)
            if n == 0 {
                // End of file: a last line without a newline.
                if filled > 0 {
                    var end = filled
                    if bytes[end - 1] == 0x0D { end -= 1 }
                    lines.append(Line(range: 0..<end, number: lineNumber + 1, offset: fileOffset, terminated: false))
                    do {
                        try body(UnsafeBufferPointer(start: bytes, count: filled), lines)
                    } catch {
                        throw .body(error)
                    }
                }
                return fileOffset
            }
            let scanFrom = filled
            filled += n
            var lineStart = consumed
            var searchFrom = scanFrom
            while searchFrom < filled {
                guard let hit = memchr(bytes + searchFrom, 0x0A, filled - searchFrom) else { break }
                let newline = bytes.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                var end = newline
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(
                    Line(
                        range: lineStart..<end, number: lineNumber, offset: fileOffset + Int64(lineStart),
                        terminated: true))
                lineStart = newline + 1
                searchFrom = lineStart
            }
            if !lines.isEmpty {
                do {
                    try body(UnsafeBufferPointer(start: bytes, count: filled), lines)
                } catch {
                    throw .body(error)
                }
            }
            consumed = lineStart
        }
    }

    /// Calls `body(line, lineNumber, byteOffset, terminated)` for every line, blank ones
    /// included; returns the offset just past the last newline.
    @discardableResult
    public func forEachLine<E: Error>(
        chunkSize: Int = 1 << 20,
        _ body: (UnsafeBufferPointer<UInt8>, Int64, Int64, Bool) throws(E) -> Void
    ) throws(LineReaderError<E>) -> Int64 {
        try forEachBatch(chunkSize: chunkSize) { (buffer, lines) throws(E) in
            for line in lines {
                try body(UnsafeBufferPointer(rebasing: buffer[line.range]), line.number, line.offset, line.terminated)
            }
        }
    }
}

public enum LineReaderError<Body: Error>: Error {
    case read(FileSystem.Failure)
    case body(Body)
}
