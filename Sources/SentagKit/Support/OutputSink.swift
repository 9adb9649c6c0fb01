#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered writer to a file descriptor (standard output, a file).
///
/// Collects bytes and writes them in large blocks, so printing a million JSON lines costs a few
/// hundred `write` calls. `flush()` must be called at the end (it is also called on deinit).
///
/// A write error does not stop the caller: it is kept in `failure` and later writes are
/// dropped. Whoever owns the stream looks at `failure` when done; for standard output that is
/// the executable, once, after every command (`standardOutput()` is one sink per process).
public final class OutputSink {
    public let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// The first write error, if any; later writes are dropped.
    public private(set) var failure: FileSystem.Failure?

    public init(fd: Int32, capacity: Int = 1 << 16) {
        self.fd = fd
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// The process's standard output: one shared sink, so everything printed keeps its order
    /// and one failure is seen by the one check at the end.
    ///
    /// Used from the main thread only.
    public static func standardOutput() -> OutputSink { sharedStandardOutput }

    nonisolated(unsafe) private static let sharedStandardOutput = OutputSink(fd: STDOUT_FILENO)

    public static func standardError() -> OutputSink { OutputSink(fd: STDERR_FILENO, capacity: 0) }

    deinit { flush() }

    public func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    public func write(_ text: String) {
        write(text.utf8)
    }

    /// Writes `text` and a newline.
    public func line(_ text: String = "") {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= capacity { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        do {
            try FileSystem.writeAll(fd, buffer, path: "fd \(fd)")
        } catch {
            failure = error
        }
    }
}
