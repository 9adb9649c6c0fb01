import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// The one check, after every command, that what it printed reached standard output.
///
/// Commands print through the shared `OutputSink.standardOutput()`, which keeps the first write
/// error and drops what follows; SIGPIPE is ignored (main), so a closed pipe is such an error
/// too. At the end:
/// - a closed pipe (EPIPE: `sentag segment | head -1`) ends the process quietly by SIGPIPE,
///   which the shell reports as 141: what `cat` or `grep` do there, so `set -o pipefail`
///   scripts and `xargs` treat sentag like any other producer, and no message, since the
///   reader left on purpose;
/// - any other error (a full disk: `> /dev/full`, EIO) prints one `error:` line and exits 1.
enum StandardOutputCheck {
    /// Flushes standard output and ends the process as above if a write failed; returns when
    /// everything was written.
    static func finish() {
        let output = OutputSink.standardOutput()
        output.flush()
        guard let failure = output.failure else { return }
        if failure.errno == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        let errors = OutputSink.standardError()
        errors.line(
            TerminalStyle.forDescriptor(STDERR_FILENO).errorPrefix + "cannot write standard output: \(failure.reason)")
        errors.flush()
        exit(1)
    }

    /// Flushes standard output, whatever happens to it: before an error message, or when the
    /// command's own exit status says more than a failed write would.
    static func flush() {
        OutputSink.standardOutput().flush()
    }
}
