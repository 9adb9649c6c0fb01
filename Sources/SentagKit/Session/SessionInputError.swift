/// Why a typed line is not a command, as the one-line message the REPL shows.
///
/// Messages are lowercase, quote what was typed and list what is accepted; the session goes on.
public enum SessionInputError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownLabel(String, accepted: String)
    case ambiguousLabel(String, candidates: [String])
    case badCount(String, line: String)
    case unknownCommand(String, accepted: [String])
    case ambiguousCommand(String, candidates: [String])
    case missingArgument(command: String, example: String)
    case unexpectedArgument(command: String, line: String)
    case badGoto(String)
    case badContext(String)
    /// A count after a label (`c 3`) in a session that settles one sentence at a time.
    case runNotAllowed(String, accepted: String)
    /// `quit`, `exit`, `q!`: what people type to leave, which is not how this REPL leaves.
    case quitWord(String)

    public var description: String {
        switch self {
        case .unknownLabel(let word, let accepted):
            "unknown label '\(word)'; expected \(accepted)"
        case .ambiguousLabel(let word, let candidates):
            "ambiguous label '\(word)'; it could be \(candidates.joined(separator: " or ")); type more letters"
        case .badCount(let count, let line):
            "bad count '\(count)' in '\(line)'; expected a number from 1 to \(SessionCommand.maximumCount), e.g. 'n 3'"
        case .unknownCommand(let word, let accepted):
            "unknown command '\(word)'; expected \(accepted.joined(separator: ", ")) (? for help)"
        case .ambiguousCommand(let word, let candidates):
            "ambiguous command '\(word)'; it could be \(candidates.joined(separator: " or "))"
        case .missingArgument(let command, let example):
            "'\(command)' needs an argument, e.g. '\(example)'"
        case .unexpectedArgument(let command, let line):
            "'\(command)' takes no argument, got '\(line)'"
        case .badGoto(let argument):
            "cannot go to '\(argument)'; expected a sentence number (':goto 12') or DOC:N (':goto 003:4')"
        case .badContext(let argument):
            "bad context '\(argument)'; expected a number of sentences from 0 to \(SessionCommand.maximumContext), "
                + "e.g. ':context 2' (':context' alone hides or shows them)"
        case .runNotAllowed(let line, let accepted):
            "'\(line)': one sentence at a time here, no count; expected a label alone: \(accepted)"
        case .quitWord(let word):
            "'\(word)' is not a label; to end the session type :quit or press Ctrl-D (every decision is already saved)"
        }
    }
}
