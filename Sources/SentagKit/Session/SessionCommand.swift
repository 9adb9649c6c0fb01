/// One line the annotator typed, understood: a label, a navigation key or a `:` command.
///
/// Parsing needs only the label set (`SessionCommand.parse`); whether the command can be carried
/// out (is there anything to undo, does the document exist) is the session's business.
public enum SessionCommand: Equatable, Sendable {
    /// Give the current sentence this label; with `count > 1`, also the next `count - 1`
    /// sentences of the same document (runs of boilerplate). `label` indexes the label set.
    case label(Int, count: Int)
    /// `u`: retract the last decision and show its sentence again.
    case undo
    /// `b`: show the previous sentence again, to relabel it.
    case back
    /// `s`: move on without a record.
    case skip
    /// `?`: the keys and commands.
    case help
    /// `:goto N`, `:goto DOC:N`, `:goto DOC`.
    case goto(GotoTarget)
    /// `:find TEXT`: the next sentence containing TEXT (case-insensitive), wrapping around.
    case find(String)
    /// `:note TEXT`: a note on the current decision.
    case note(String)
    /// `:flag`: mark the current decision unsure (again: unmark).
    case flag
    case stats
    /// `:guide`, or `:guide quote`: the guidelines, or the section on one label (or heading).
    case guide(section: String?)
    /// `:context N`: N sentences either side (0–5); `:context` alone hides or shows them.
    case context(Int?)
    /// `:instant`: single-keystroke mode on or off.
    case instant
    /// `:similar`: the three most similar sentences with a consensus label, and their labels.
    case similar
    case quit
    /// An empty line: nothing happens.
    case nothing

    /// Where `:goto` goes.
    ///
    /// Sentence numbers are 1-based, as the header and every report show them (`SentencePlace`).
    public enum GotoTarget: Equatable, Sendable {
        /// Sentence N of the current document.
        case sentence(Int)
        /// Sentence N of the document whose id is, or uniquely starts with, `document`.
        case document(String, sentence: Int)
    }

    /// The `:` commands, in the order help lists them.
    public static let colonCommands: [(name: String, argument: String?, help: String)] = [
        ("goto", "N | DOC:N", "go to sentence N of this document, or of document DOC (an id or its unique prefix)"),
        ("find", "TEXT", "go to the next sentence containing TEXT"),
        ("note", "TEXT", "attach a note to the decision on this sentence"),
        ("flag", nil, "mark the decision on this sentence unsure (again to unmark)"),
        ("stats", nil, "counts per label, pace, what is left and an estimate of the time left"),
        ("guide", "[LABEL]", "the labeling guidelines, or the section on one label (:guide quote)"),
        ("context", "[N]", "show N sentences either side (0–5); alone: hide or show them"),
        ("instant", nil, "a label key acts at once, without Enter; : opens the line (again: off)"),
        (
            "similar", nil,
            "the 3 most similar sentences with an agreed label (adjudicated or a majority), and their labels"
        ),
        ("quit", nil, "end the session (every decision is already saved)"),
        ("help", nil, "the keys and commands (same as ?)"),
    ]

    /// The largest count `n 3` accepts.
    public static let maximumCount = 999

    /// The most sentences `:context N` shows either side.
    public static let maximumContext = 5

    /// Words people type to leave a program; they get a hint to use `:quit` or Ctrl-D.
    static let quitWords: Set<String> = ["quit", "exit", "q!", "wq", "bye", "logout", ":q!", ":wq", ":x", ":exit"]
}
