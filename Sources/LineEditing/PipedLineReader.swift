#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines from standard input when it is not a terminal (a pipe, a file, a script), ending
/// early when SIGHUP or SIGTERM comes.
///
/// `Swift.readLine()` would sit in `read(2)` through a SIGTERM, so the session could only die
/// there (by the signal's default action: no closing words, no exit status of its own). This
/// reader waits with `TerminationSignals.waitForInput` and reads only what is there. Lines are
/// UTF-8 (invalid bytes repaired, as `readLine()` does), without their `\n` or `\r\n`; a last
/// line without a newline still counts.
public final class PipedLineReader {
    /// What reading a line gave.
    public enum Input: Equatable, Sendable {
        case line(String)
        /// The end of the input (or a read error).
        case end
        /// SIGHUP or SIGTERM (the signal's number).
        case terminated(signal: Int32)
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// Reads `fd`, catching SIGHUP and SIGTERM until the reader goes away.
    public init(fd: Int32) {
        self.fd = fd
        TerminationSignals.catchSignals()
    }

    /// Reads standard input.
    public convenience init() {
        self.init(fd: STDIN_FILENO)
    }

    deinit {
        TerminationSignals.restore()
    }

    public func readLine() -> Input {
        while true {
            // A signal that came while the last line was being handled (a save) ends it here.
            if let signal = TerminationSignals.pending() { return .terminated(signal: signal) }
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                return .line(Self.text(buffer[start..<newline]))
            }
            if atEnd {
                guard start < buffer.count else { return .end }
                defer { start = buffer.count }
                return .line(Self.text(buffer[start...]))
            }
            if let signal = TerminationSignals.waitForInput(on: fd) { return .terminated(signal: signal) }
            fill()
        }
    }

    /// One `read(2)` of what is there, after the consumed bytes are dropped.
    private func fill() {
        if start > 0 {
            buffer.removeSubrange(..<start)
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 1 << 16))
        let n = buffer.withUnsafeMutableBytes { raw in
            guard let start = raw.baseAddress else { preconditionFailure("the buffer was just given 64 KiB") }
            return read(fd, start + old, raw.count - old)
        }
        buffer.removeSubrange((old + max(n, 0))...)
        if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) { atEnd = true }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var line = bytes
        if line.last == 0x0D { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
