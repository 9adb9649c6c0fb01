import ArgumentParser
import SentagKit

/// `sentag lable`: argument-parser would say "Unexpected argument 'lable'"; this says which
/// subcommand was probably meant, as a usage error (exit 64).
enum UnknownSubcommand {
    /// The subcommand names, and argument-parser's own `help`.
    static var names: [String] { Sentag.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// The usage error for `arguments` (without the program name) when the first one (or the
    /// one after `help`) is a word that is not a subcommand; nil when it is one, an option, or
    /// missing.
    static func error(for arguments: [String]) -> ValidationError? {
        var arguments = arguments[...]
        if arguments.first == "help" { arguments = arguments.dropFirst() }
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let commands = Sentag.configuration.subcommands.map { $0._commandName }
        if let nearest = NearestName.suggestion(for: first, among: commands) {
            return ValidationError("unknown subcommand '\(first)'; did you mean '\(nearest)'?")
        }
        return ValidationError("unknown subcommand '\(first)'; the subcommands are \(commands.joined(separator: ", "))")
    }
}
