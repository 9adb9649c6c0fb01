/// Where the line editor keeps its history: `$XDG_STATE_HOME/sentag/history`, else
/// `~/.local/state/sentag/history` (the XDG base directory convention for state).
public enum HistoryLocation {
    /// Nil when neither `XDG_STATE_HOME` nor `HOME` is set (no history is kept then).
    public static func path(environment: [String: String], program: String = "sentag") -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, program, "history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return join(home, ".local/state", program, "history")
    }

    private static func join(_ parts: String...) -> String {
        var result = ""
        for part in parts {
            if result.isEmpty {
                result = part
            } else {
                result += (result.hasSuffix("/") ? "" : "/") + part
            }
        }
        return result
    }
}
