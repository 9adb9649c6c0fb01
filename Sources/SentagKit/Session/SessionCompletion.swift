/// What Tab can complete in the labeling REPL: `:` commands, label names, after `:goto `
/// document ids and after `:guide ` label names.
///
/// Pure: the line editor asks with the text before the cursor.
///
/// A document id with control characters (`TerminalText.needsEscaping`) is never a candidate:
/// the line editor prints candidates as they are, and no one could type such an id anyway.
public enum SessionCompletion {
    /// Whole words that could replace the last word of `textBeforeCursor`.
    ///
    /// Commands that need an argument come with a trailing space.
    public static func candidates(before textBeforeCursor: String, labels: LabelSet, documents: [String] = [])
        -> [String]
    {
        let text = String(textBeforeCursor.drop(while: { $0 == " " }))
        if text.hasPrefix(":") {
            guard let space = text.firstIndex(of: " ") else {
                return SessionCommand.colonCommands.compactMap { command in
                    let word = ":" + command.name
                    guard word.hasPrefix(text) else { return nil }
                    let needsArgument = command.argument.map { !$0.hasPrefix("[") } ?? false
                    return needsArgument ? word + " " : word
                }
            }
            let command = text[..<space]
            let argument = text[text.index(after: space)...].drop(while: { $0 == " " })
            guard command.count >= 3, !argument.contains(" ") else { return [] }
            if ":goto".hasPrefix(command) {
                return documents.filter { id in
                    id.hasPrefix(argument) && !id.unicodeScalars.contains(where: TerminalText.needsEscaping)
                }.map { $0 + ":" }
            }
            if ":guide".hasPrefix(command) { return labels.names.filter { $0.hasPrefix(argument.lowercased()) } }
            return []
        }
        guard !text.contains(" ") else { return [] }
        let lowered = text.lowercased()
        return labels.names.filter { $0.hasPrefix(lowered) }
    }
}
