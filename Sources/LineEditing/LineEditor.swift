import CLibEdit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A line editor on the terminal, backed by libedit: emacs keys, a prompt, history kept in a
/// file, Tab completion, UTF-8 input.
///
/// - Ctrl-C discards the line (`.interrupt(hadText: true)`) or, on an empty line, reports it
///   (`.interrupt(hadText: false)`); Ctrl-D on an empty line and a terminal that went away
///   (EOF, EIO) end the input (`.end`); SIGHUP and SIGTERM end it with `.terminated`, also when
///   they came while no line was being read (during a save), and libedit has put the terminal
///   back in its normal mode by then.
/// - On resize, and when the process comes back from Ctrl-Z, the `onRedraw` closure draws the
///   screen again and the line is redrawn under it, with what was typed kept.
///
/// All libedit and signal code lives in this file (`TerminationSignals` too): the C shim's state
/// (the signal bits) is per object file, so it must be reached from one Swift file only.
public final class LineEditor {
    /// What reading a line gave.
    public enum Input: Equatable, Sendable {
        case line(String)
        /// Ctrl-C; `hadText`: the line had text, now discarded.
        case interrupt(hadText: Bool)
        /// Ctrl-D on an empty line, or a terminal that went away.
        case end
        /// SIGHUP or SIGTERM (the signal's number).
        case terminated(signal: Int32)
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private let completer: (String) -> [String]
    private var redraw: (() -> Void)?
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    /// The last read was a line: libedit's buffer still holds it.
    private var lineBufferInUse = true

    /// Whether standard input and output are both terminals, so a line editor makes sense.
    public static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Sets up libedit on standard input and output; nil when libedit cannot start.
    ///
    /// The executable has called `setUTF8Locale()` first.
    ///
    /// - Parameters:
    ///   - programName: the name libedit knows the program by (the `prog:` prefix of `~/.editrc`).
    ///   - historyPath: where to load and save the history (created when missing); nil: none.
    ///   - completer: for Tab, the text before the cursor → the words that could complete its
    ///     last word (whole words; a trailing space is kept).
    public init?(programName: String, historyPath: String?, completer: @escaping (String) -> [String]) {
        guard let editLine = sentag_el_init_standard(programName) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.completer = completer

        var event = HistEvent()
        _ = sentag_history_set_size(history, &event, 1000)
        _ = sentag_history_set_unique(history, &event, 1)
        if let historyPath { _ = sentag_history_load(history, &event, historyPath) }
        _ = sentag_el_set_history(editLine, history)
        _ = sentag_el_set_editor(editLine, "emacs")
        _ = sentag_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = sentag_el_set_prompt(editLine) { editLine in
            guard let editLine, let editor = LineEditor.from(editLine) else { return nil }
            return editor.promptBuffer
        }
        _ = sentag_el_add_function(editLine, "sentag-complete", "complete a command or label name") { editLine, _ in
            guard let editLine, let editor = LineEditor.from(editLine) else { return UInt8(CC_ERROR) }
            return editor.complete()
        }
        _ = sentag_el_bind(editLine, "^I", "sentag-complete")
        _ = el_source(editLine, nil)  // the user's ~/.editrc, if any
        _ = sentag_el_use_signal_aware_reader(editLine)
        sentag_set_redraw_callback { editLine in
            guard let editLine, let editor = LineEditor.from(editLine) else { return }
            editor.redraw?()
        }
        _ = sentag_install_signal_handlers()
    }

    deinit {
        sentag_restore_signal_handlers()
        sentag_set_redraw_callback(nil)
        el_end(editLine)
        history_end(history)
        promptBuffer?.deallocate()
    }

    private static func from(_ editLine: OpaquePointer) -> LineEditor? {
        guard let data = sentag_el_get_client_data(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// `setlocale(LC_CTYPE, "")`, else `C.UTF-8`: without a UTF-8 locale libedit drops every
    /// byte above 127.
    ///
    /// Called once, by the executable, before anything else.
    public static func setUTF8Locale() {
        let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) }
        if chosen == nil || chosen == "C" || chosen == "POSIX" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// The terminal's width, when standard output is a terminal.
    public var columns: Int? {
        let columns = Int(sentag_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? columns : nil
    }

    /// Sets what to run when the screen must be drawn again (a resize, back from Ctrl-Z),
    /// before libedit redraws the prompt and the line.
    public func onRedraw(_ redraw: @escaping () -> Void) {
        self.redraw = redraw
    }

    public func readLine(prompt: String) -> Input {
        setPrompt(prompt)
        // A signal that came while no line was being read (Ctrl-C during a save) is stale.
        _ = sentag_take_signals(Int32(SENTAG_SIGINT))
        var count: Int32 = 0
        lineBufferInUse = true
        let line = el_gets(editLine, &count)
        let failure = errno
        let signals = sentag_take_signals(
            Int32(SENTAG_SIGINT | SENTAG_SIGHUP | SENTAG_SIGTERM))
        if let line {
            var text = String(cString: line)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            remember(text)
            return .line(text)
        }
        if let signal = TerminationSignals.number(of: signals) { return .terminated(signal: signal) }
        if signals & Int32(SENTAG_SIGINT) != 0 || (count < 0 && failure == EINTR) {
            let hadText = sentag_el_line_length(editLine) > 0
            writeToTerminal("^C\n")
            return .interrupt(hadText: hadText)
        }
        return .end
    }

    /// What reading one key gave (single-keystroke mode).
    public enum Key: Equatable, Sendable {
        case character(Character)
        /// Ctrl-C.
        case interrupt
        /// SIGHUP, SIGTERM, or a terminal that went away.
        case end
    }

    /// Writes `prompt` and reads one key, without Enter and without echo: the terminal stays in
    /// libedit's edit mode (no echo, no line buffering; signals and output newlines as usual)
    /// until a line is read again, `restoreTerminal()` is called or the editor ends, so keys
    /// typed ahead are not echoed twice.
    ///
    /// A resize redraws the screen and then the prompt. `drawsPrompt` false: the prompt is on
    /// the terminal already, with keys after it.
    public func readKey(prompt: String, drawsPrompt: Bool = true) -> Key {
        setPrompt(prompt)
        _ = sentag_take_signals(Int32(SENTAG_SIGINT))
        if lineBufferInUse {
            // An empty line buffer, so a redraw during the wait shows the prompt alone.
            el_reset(editLine)
            lineBufferInUse = false
        }
        if drawsPrompt { writeToTerminal(prompt) }
        var character: wchar_t = 0
        let count = el_wgetc(editLine, &character)
        let failure = errno
        let signals = sentag_take_signals(Int32(SENTAG_SIGINT | SENTAG_SIGHUP | SENTAG_SIGTERM))
        if count == 1, let scalar = Unicode.Scalar(UInt32(bitPattern: character)) {
            return .character(Character(scalar))
        }
        if signals & Int32(SENTAG_SIGHUP | SENTAG_SIGTERM) != 0 { return .end }
        if signals & Int32(SENTAG_SIGINT) != 0 || (count < 0 && failure == EINTR) {
            writeToTerminal("^C\n")
            return .interrupt
        }
        return .end
    }

    /// Reads a line as `readLine(prompt:)` does, starting with `typed` already on it (`:` in
    /// single-keystroke mode), the prompt drawn again from the start of the terminal's line.
    public func readLine(prompt: String, typed: String) -> Input {
        writeToTerminal("\r")
        el_push(editLine, typed)
        return readLine(prompt: prompt)
    }

    /// Puts the terminal back in its normal mode (echo, lines) before another program, such as a
    /// pager, uses it.
    ///
    /// The next read sets it up again.
    public func restoreTerminal() {
        _ = sentag_el_prep_term(editLine, 0)
    }

    /// Writes `text` to the terminal as it is.
    public func writeText(_ text: String) {
        writeToTerminal(text)
    }

    private func setPrompt(_ prompt: String) {
        promptBuffer?.deallocate()
        let bytes = Array(prompt.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        promptBuffer = buffer
    }

    /// Keeps lines worth recalling: not the one-key decisions that make up most of a session.
    private func remember(_ text: String) {
        guard text.count > 1, !text.allSatisfy({ $0 == " " }) else { return }
        var event = HistEvent()
        _ = sentag_history_enter(history, &event, text)
        guard let historyPath else { return }
        Self.createParentDirectory(of: historyPath)
        _ = sentag_history_save(history, &event, historyPath)
    }

    private static func createParentDirectory(of path: String) {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var prefix = ""
        while !components.isEmpty {
            let part = components.removeFirst()
            prefix +=
                (prefix.isEmpty && path.hasPrefix("/") && part.isEmpty)
                ? "/" : (prefix.isEmpty || prefix == "/" ? "" : "/") + part
            if part.isEmpty { continue }
            _ = mkdir(prefix, 0o700)
        }
    }

    private func writeToTerminal(_ text: String) {
        _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Tab: completes the word before the cursor as far as it is unambiguous; when it cannot
    /// go further, lists the choices.
    private func complete() -> UInt8 {
        guard let raw = sentag_el_text_before_cursor(editLine) else { return UInt8(CC_ERROR) }
        let before = String(cString: raw)
        free(raw)
        let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let candidates = completer(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = Self.commonPrefix(candidates)
        if common.count > word.count, common.hasPrefix(word) {
            _ = el_insertstr(editLine, String(common.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        if candidates.count == 1 { return UInt8(CC_REFRESH) }
        writeToTerminal("\r\n" + candidates.map { $0.trimmingTrailingSpace }.joined(separator: "  ") + "\r\n")
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}

/// SIGHUP and SIGTERM while a session reads lines from a pipe, where no line editor catches
/// them: caught (unless the parent ignores them, as `nohup` does), so the session can end
/// between two lines with its closing words and the status 128 + signal.
///
/// Ctrl-C keeps its default there.
///
/// Here rather than in a file of its own: the signal bits live in the C shim, whose state is
/// per object file (see `LineEditor`).
public enum TerminationSignals {
    /// Installs the handlers; `restore()` puts the previous ones back.
    public static func catchSignals() {
        _ = sentag_install_termination_handlers()
    }

    public static func restore() {
        sentag_restore_termination_handlers()
    }

    /// Waits until `fd` can be read without blocking; returns the signal instead when SIGHUP
    /// or SIGTERM came before or during the wait.
    ///
    /// A failing wait returns nil too: the read that follows reports the error.
    public static func waitForInput(on fd: Int32) -> Int32? {
        if sentag_wait_readable(fd) == 0 { return pending() }
        return nil
    }

    /// SIGHUP or SIGTERM, if one came (and is not taken yet).
    public static func pending() -> Int32? {
        number(of: sentag_take_signals(Int32(SENTAG_SIGHUP | SENTAG_SIGTERM)))
    }

    static func number(of bits: Int32) -> Int32? {
        if bits & Int32(SENTAG_SIGTERM) != 0 { return SIGTERM }
        if bits & Int32(SENTAG_SIGHUP) != 0 { return SIGHUP }
        return nil
    }
}
