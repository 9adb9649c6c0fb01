import CLibEdit

/// INTERIM: the line editor arrives with the labeling REPL (issue 3).
public enum LibEditInfo {
    /// libedit's history event size for a fresh history, proving the library links.
    public static func historyWorks() -> Bool {
        guard let h = history_init() else { return false }
        defer { history_end(h) }
        var event = HistEvent()
        _ = sentag_history_set_size(h, &event, 10)
        _ = sentag_history_enter(h, &event, "x")
        return sentag_history_get_size(h, &event) >= 0 && event.num == 1
    }
}
