import ArgumentParser
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

// Runtime errors print `error: <message>` on stderr and exit 1; usage errors keep
// argument-parser's own message and exit 64.
// A file-size limit (RLIMIT_FSIZE) is a full disk to sentag: the write fails and is reported,
// instead of the signal ending the process before it can say what was not saved.
signal(SIGXFSZ, SIG_IGN)

if let error = UnknownSubcommand.error(for: Array(CommandLine.arguments.dropFirst())) {
    Sentag.exit(withError: error)
}
do {
    var command = try Sentag.parseAsRoot()
    try command.run()
} catch let error as ExitCode {
    Sentag.exit(withError: error)
} catch {
    if Sentag.exitCode(for: error) == .failure, let message = RuntimeFailure.message(for: error) {
        let style = TerminalStyle.forDescriptor(STDERR_FILENO)
        let sink = OutputSink.standardError()
        sink.line(style.errorPrefix + message)
        sink.flush()
        exit(1)
    }
    Sentag.exit(withError: error)
}
