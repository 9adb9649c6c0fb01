import ArgumentParser
import LineEditing
import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

// A closed pipe is a write error (EPIPE) that StandardOutputCheck turns into a quiet end, after
// a labeling session has closed its journal, rather than a kill in the middle of a write.
signal(SIGPIPE, SIG_IGN)

// The user's character type (UTF-8 for libedit), else C.UTF-8; once, before anything reads a key.
LineEditor.setUTF8Locale()

// Runtime errors print `error: <message>` on stderr and exit 1; usage errors keep
// argument-parser's own message and exit 64. Either message may quote what was given (a path,
// an option's value), so control characters in it are made visible.
//
// A file-size limit (RLIMIT_FSIZE) is a full disk to sentag: the write fails and is reported,
// instead of the signal ending the process before it can say what was not saved.
signal(SIGXFSZ, SIG_IGN)

if let error = UnknownSubcommand.error(for: Array(CommandLine.arguments.dropFirst())) {
    Sentag.exit(withError: error)
}
do {
    var command = try Sentag.parseAsRoot()
    try command.run()
    StandardOutputCheck.finish()
} catch let error as ExitCode {
    StandardOutputCheck.flush()
    Sentag.exit(withError: error)
} catch {
    StandardOutputCheck.flush()
    let code = Sentag.exitCode(for: error)
    if code == .failure, let message = RuntimeFailure.message(for: error) {
        let style = TerminalStyle.forDescriptor(STDERR_FILENO)
        let sink = OutputSink.standardError()
        sink.line(style.errorPrefix + TerminalText.visible(message))
        sink.flush()
        exit(1)
    }
    if code.isSuccess {
        Sentag.exit(withError: error)  // --help, --version: argument-parser prints them on stdout
    }
    let sink = OutputSink.standardError()
    sink.line(TerminalText.visible(Sentag.fullMessage(for: error), keepingLineBreaks: true))
    sink.flush()
    exit(code.rawValue)
}
