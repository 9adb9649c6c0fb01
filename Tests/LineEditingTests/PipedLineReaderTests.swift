import Testing

@testable import LineEditing

#if canImport(Glibc)
    import Glibc
#endif

/// Piped input read line by line, and SIGTERM/SIGHUP ending the reading.
@Suite(.serialized) struct PipedLineReaderTests {
    /// A pipe holding `bytes`, its write end closed when `close` is true.
    static func pipe(_ bytes: [UInt8], close closing: Bool = true) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        #expect(Glibc.pipe(&fds) == 0)
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress!, $0.count) }
        if closing { close(fds[1]) }
        return (fds[0], fds[1])
    }

    @Test func linesWithoutTheirEndingsThenTheEnd() {
        let fds = Self.pipe(Array("c\r\nq\n\nlast".utf8) + [0x6E, 0xFF, 0x0A])
        defer { close(fds.read) }
        let reader = PipedLineReader(fd: fds.read)
        var inputs: [PipedLineReader.Input] = []
        for _ in 0..<6 { inputs.append(reader.readLine()) }
        #expect(inputs == [.line("c"), .line("q"), .line(""), .line("lastn\u{FFFD}"), .end, .end], "\(inputs)")
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalEndsTheReadingWithItsNumber(_ signal: Int32) {
        let fds = Self.pipe(Array("c\n".utf8), close: false)
        defer {
            close(fds.read)
            close(fds.write)
        }
        let reader = PipedLineReader(fd: fds.read)
        #expect(reader.readLine() == .line("c"))
        // Comes while the line is being handled: the next read ends without waiting for input.
        raise(signal)
        #expect(reader.readLine() == .terminated(signal: signal))
    }
}
