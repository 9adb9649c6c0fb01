import SentagKit

#if canImport(Glibc)
    import Glibc
#endif

/// Shows a long text (the guidelines) through the user's pager: `$PAGER`, else `less -R`, run
/// by `/bin/sh` with the text on its standard input, on the terminal the session runs on.
enum Pager {
    /// The command to run; nil when `$PAGER` is set empty (no pager) or, unset, `less` is not
    /// on the `PATH`.
    static func command(environment: [String: String]) -> String? {
        if let pager = environment["PAGER"] {
            return pager.allSatisfy { $0 == " " || $0 == "\t" } ? nil : pager
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where access("\(folder)/less", X_OK) == 0 {
            return "less -R"
        }
        return nil
    }

    /// Runs `command` with `text` on its input and waits for it; false when it could not run
    /// (the shell could not start, or said the command was not found), so the caller prints the
    /// text instead.
    static func show(_ text: String, command: String) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        let (reading, writing) = (pipeEnds[0], pipeEnds[1])
        _ = fcntl(writing, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, reading, 0)
        posix_spawn_file_actions_addclose(&actions, reading)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The pager gets default signal handling (this process ignores SIGPIPE) and no mask.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGWINCH, SIGCONT] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(reading)
        guard status == 0 else {
            close(writing)
            return false
        }
        var bytes = Array(text.utf8)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(writing, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break  // the pager quit before reading everything (EPIPE): fine
            }
            offset += written
        }
        close(writing)
        var result: Int32 = 0
        while waitpid(pid, &result, 0) < 0 && errno == EINTR {}
        let exited = result & 0x7F == 0
        return !(exited && (result >> 8) & 0xFF == 127)
    }
}
