extension SessionCommand {
    /// Understands one typed line.
    ///
    /// - One character: a label key, or `u`, `b`, `s`, `?`. Keys are matched exactly first, then
    ///   without case when that names one thing only (Caps Lock: `C` is `c`, `U` is `u`).
    /// - A word, optionally followed by a count: a label's key, its full name or a unique
    ///   prefix of it (case-insensitive): `n`, `noise`, `noi`, `n 3`.
    /// - `:word [argument]`: a command, by name or unique prefix (`:q`, `:st`).
    /// - `quit`, `exit`, `q!` and the like are not labels: they get a hint to use `:quit`.
    public static func parse(_ line: String, labels: LabelSet) -> Result<SessionCommand, SessionInputError> {
        let text = line.trimmed(of: " \t\r\n")
        if text.isEmpty { return .success(.nothing) }
        if quitWords.contains(text.lowercased()) && !labels.contains(text.lowercased()) {
            return .failure(.quitWord(text))
        }
        if text.hasPrefix(":") { return parseColonCommand(text) }
        if text.count == 1, let key = text.first, let command = commandKey(key, labels: labels) {
            return .success(command)
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

    /// The REPL's own one-key commands.
    static let keyCommands: [Character: SessionCommand] = ["u": .undo, "b": .back, "s": .skip, "?": .help]

    /// `u`, `b`, `s`, `?`, also in upper case unless a label has that key.
    static func commandKey(_ key: Character, labels: LabelSet) -> SessionCommand? {
        if let command = keyCommands[key] { return command }
        guard !labels.labels.contains(where: { $0.key == key }) else { return nil }
        return Character(key.lowercased()) == key ? nil : keyCommands[Character(key.lowercased())]
    }

    /// The label a word names: an exact key, a key in another case when only one matches, a full
    /// name, or a unique name prefix (names without case).
    ///
    /// Nil when nothing matches; a failure when the prefix is ambiguous.
    static func resolveLabel(_ word: String, labels: LabelSet) -> Result<Int, SessionInputError>? {
        if word.count == 1, let key = word.first {
            if let index = labels.labels.firstIndex(where: { $0.key == key }) { return .success(index) }
            let folded = key.lowercased()
            let matches = labels.labels.indices.filter { labels.labels[$0].key.lowercased() == folded }
            if matches.count == 1 { return .success(matches[0]) }
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
        case "guide": return .success(.guide(section: argument.isEmpty ? nil : argument))
        case "context":
            if argument.isEmpty { return .success(.context(nil)) }
            guard let size = SentencePlace.positiveNumber(Substring(argument)) ?? (argument == "0" ? 0 : nil),
                size <= maximumContext
            else {
                return .failure(.badContext(argument))
            }
            return .success(.context(size))
        case "flag": return noArgument(.flag)
        case "stats": return noArgument(.stats)
        case "instant": return noArgument(.instant)
        case "similar": return noArgument(.similar)
        case "quit": return noArgument(.quit)
        default: return noArgument(.help)
        }
    }

    /// `12` → sentence 12 here; `DOC:12` (or a run `DOC:12–14`, as messages print it) → sentence
    /// 12 of DOC (`SentencePlace.parse`: split at the last colon, so JSONL ids such as `news:3`
    /// work: `news:3:12`); `DOC` → its first sentence.
    static func parseGotoTarget(_ argument: String) -> GotoTarget? {
        if argument.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return SentencePlace.positiveNumber(Substring(argument)).map { .sentence($0) }
        }
        if let place = SentencePlace.parse(argument) { return .document(place.document, sentence: place.number) }
        if let colon = argument.lastIndex(of: ":") {
            let tail = argument[argument.index(after: colon)...]
            if !tail.isEmpty && tail.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        }
        if argument.contains(" ") { return nil }
        return .document(argument, sentence: 1)
    }
}
