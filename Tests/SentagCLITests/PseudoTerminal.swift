import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program on a real pseudo-terminal, the way a user at a terminal would: the child is
/// a session leader whose controlling terminal is the pty's slave side, so libedit, Ctrl-C and
/// terminal modes behave as they do for a person.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private(set) var output: [UInt8] = []
    /// The signal that ended the child, once `wait()` saw it end by one (nil: it exited).
    private(set) var endingSignal: Int32?

    /// glibc declares the pty calls only for _XOPEN_SOURCE/_GNU_SOURCE, which Swift's Glibc
    /// module does not define; they are looked up by name instead.
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        let handle = dlopen(nil, RTLD_NOW)
        guard let symbol = dlsym(handle, name) else { fatalError("\(name) is not in the C library") }
        return unsafeBitCast(symbol, to: type)
    }
    private static let posixOpenpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let ptsname = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    private static let addChdir = function(
        "posix_spawn_file_actions_addchdir_np",
        as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String) throws {
        let master = Self.posixOpenpt(O_RDWR | O_NOCTTY)
        guard master >= 0, Self.grantpt(master) == 0, Self.unlockpt(master) == 0, let name = Self.ptsname(master) else {
            throw POSIXFailure("posix_openpt", errno)
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        let slavePath = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        _ = Self.addChdir(&actions, directory)
        // Close every other descriptor of the test process (pipes of tests running alongside).
        for fd in 3..<Int32(1024) where fd != master && fcntl(fd, F_GETFD) >= 0 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (0x80): setsid() before the file actions, so opening the slave
        // makes it the child's controlling terminal. Default signal dispositions for the child.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXFailure("posix_spawn", status) }
        self.master = master
        self.pid = pid
    }

    deinit {
        close(master)
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    func type(_ keys: String) {
        _ = keys.withCString { write(master, $0, strlen($0)) }
    }

    /// Reads until `text` has appeared `count` times in all output so far, or the child's side
    /// closes; false after `timeout` seconds (a hang guard, not a timing check).
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if self.text.components(separatedBy: text).count - 1 >= count { return true }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &chunk, chunk.count)
                if n <= 0 { return self.text.components(separatedBy: text).count - 1 >= count }
                output += chunk[0..<n]
            }
        }
        return false
    }

    /// Waits until the program reads keys one by one (libedit's raw mode: ICANON off).
    ///
    /// libedit prints its prompt before it switches, and keys typed in between would be echoed
    /// by the terminal driver as well; a person never types that fast, a test must wait. On
    /// Linux the master side reports the slave's terminal modes.
    @discardableResult
    func waitForRawMode(timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var modes = termios()
            if tcgetattr(master, &modes) == 0, modes.c_lflag & tcflag_t(ICANON) == 0 { return true }
            _ = waitFor("\u{0}never\u{0}", timeout: 0.01)
        }
        return false
    }

    /// Whether the terminal is in its normal (cooked) mode: lines, echo, signals from keys.
    var isCooked: Bool {
        var modes = termios()
        guard tcgetattr(master, &modes) == 0 else { return false }
        return modes.c_lflag & tcflag_t(ICANON) != 0 && modes.c_lflag & tcflag_t(ECHO) != 0
    }

    /// The prompt has appeared `count` times and libedit is waiting for keys.
    @discardableResult
    func waitForPrompt(_ prompt: String, count: Int = 1) -> Bool {
        waitFor(prompt, count: count) && waitForRawMode()
    }

    /// Waits for the child to exit and returns its exit status (or 128 + signal).
    func wait(timeout: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            _ = waitFor("\u{0}never\u{0}", timeout: 0.1)
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                if status & 0x7F == 0 { return (status >> 8) & 0xFF }
                endingSignal = status & 0x7F
                return 128 + (status & 0x7F)
            }
        }
        Glibc.kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return -1
    }
}

struct POSIXFailure: Error, CustomStringConvertible {
    let call: String
    let code: Int32
    init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }
    var description: String { "\(call): \(String(cString: strerror(code)))" }
}
