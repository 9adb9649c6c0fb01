extension SessionCommand {
    /// Understands one typed line.
    ///
    /// - One character: a label key, or `u`, `b`, `s`, `?`.
    /// - A word, optionally followed by a count: a label's key, its full name or a unique
    ///   prefix of it (case-insensitive): `n`, `noise`, `noi`, `n 3`.
    /// - `:word [argument]`: a command, by name or unique prefix (`:q`, `:st`).
    public static func parse(_ line: String, labels: LabelSet) -> Result<SessionCommand, SessionInputError> {
        let text = line.trimmed(of: " \t\r\n")
        if text.isEmpty { return .success(.nothing) }
        if text.hasPrefix(":") { return parseColonCommand(text) }
        switch text {
        case "u": return .success(.undo)
        case "b": return .success(.back)
        case "s": return .success(.skip)
        case "?": return .success(.help)
        default: break
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let word = String(words[0])
        guard let label = resolveLabel(word, labels: labels) else {
            return .failure(labelError(word, labels: labels))
        }
        switch label {
        case .failure(let error): return .failure(error)
        case .success(let index):
            if words.count == 1 { return .success(.label(index, count: 1)) }
            let countText = String(words[1])
            guard words.count == 2, let count = Int(countText), (1...maximumCount).contains(count),
                countText.allSatisfy(\.isASCII)
            else {
                return .failure(.badCount(words.dropFirst().joined(separator: " "), line: text))
            }
            return .success(.label(index, count: count))
        }
    }

    /// The label a word names: an exact key, a full name, or a unique name prefix.
    /// Nil when nothing matches; a failure when the prefix is ambiguous.
    static func resolveLabel(_ word: String, labels: LabelSet) -> Result<Int, SessionInputError>? {
        if word.count == 1, let index = labels.labels.firstIndex(where: { String($0.key) == word }) {
            return .success(index)
        }
        let lowered = word.lowercased()
        if let index = labels.index(of: lowered) { return .success(index) }
        let matches = labels.labels.indices.filter { labels.labels[$0].name.hasPrefix(lowered) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 {
            return .failure(.ambiguousLabel(word, candidates: matches.map { labels.labels[$0].name }))
        }
        return nil
    }

    static func labelError(_ word: String, labels: LabelSet) -> SessionInputError {
        .unknownLabel(word, accepted: labels.summary)
    }

    static func parseColonCommand(_ text: String) -> Result<SessionCommand, SessionInputError> {
        let body = text.dropFirst()
        let nameEnd = body.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? body.endIndex
        let name = body[..<nameEnd].lowercased()
        let argument = String(body[nameEnd...]).trimmed(of: " \t")
        let names = colonCommands.map(\.name)
        let resolved: String
        if names.contains(name) {
            resolved = name
        } else {
            let matches = name.isEmpty ? [] : names.filter { $0.hasPrefix(name) }
            if matches.count > 1 {
                return .failure(.ambiguousCommand(":" + name, candidates: matches.map { ":" + $0 }))
            }
            guard let only = matches.first else {
                return .failure(.unknownCommand(":" + name, accepted: names.map { ":" + $0 }))
            }
            resolved = only
        }
        func noArgument(_ command: SessionCommand) -> Result<SessionCommand, SessionInputError> {
            argument.isEmpty ? .success(command) : .failure(.unexpectedArgument(command: ":" + resolved, line: text))
        }
        switch resolved {
        case "goto":
            if argument.isEmpty { return .failure(.missingArgument(command: ":goto", example: ":goto 12")) }
            guard let target = parseGotoTarget(argument) else { return .failure(.badGoto(argument)) }
            return .success(.goto(target))
        case "find":
            if argument.isEmpty { return .failure(.missingArgument(command: ":find", example: ":find Putin")) }
            return .success(.find(argument))
        case "note":
            if argument.isEmpty {
                return .failure(.missingArgument(command: ":note", example: ":note irony, not a claim?"))
            }
            return .success(.note(argument))
        case "flag": return noArgument(.flag)
        case "stats": return noArgument(.stats)
        case "guide": return noArgument(.guide)
        case "context": return noArgument(.context)
        case "similar": return noArgument(.similar)
        case "quit": return noArgument(.quit)
        default: return noArgument(.help)
        }
    }

    /// `12` → sentence 12 here; `DOC:12` → sentence 12 of DOC (split at the last colon, so JSONL
    /// ids such as `news:3` work: `news:3:12`); `DOC` → its first sentence.
    static func parseGotoTarget(_ argument: String) -> GotoTarget? {
        func number(_ text: Substring) -> Int? {
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), value >= 1
            else {
                return nil
            }
            return value
        }
        if argument.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return number(Substring(argument)).map { .sentence($0) }
        }
        if let colon = argument.lastIndex(of: ":") {
            let document = argument[..<colon]
            let tail = argument[argument.index(after: colon)...]
            if !document.isEmpty, let value = number(tail) { return .document(String(document), sentence: value) }
            if tail.allSatisfy({ $0.isASCII && $0.isNumber }) && !tail.isEmpty { return nil }
        }
        if argument.contains(" ") { return nil }
        return .document(argument, sentence: 1)
    }
}
