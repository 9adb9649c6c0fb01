/// Turns what a session says into lines of text for a terminal of a given width.
///
/// Pure: a view, an event, a width and a style in, strings out. Colour comes only from the
/// `TerminalStyle` (empty strings when colour is off), so piped output is plain text.
public struct SessionScreen: Sendable {
    public let labelSet: LabelSet
    public let style: TerminalStyle
    /// "labeled" for `sentag label`; an adjudication session says "adjudicated".
    public let doneWord: String
    /// Whether help offers `n 3` (a label for a run of sentences); false when the session does
    /// not allow runs (`LabelingSession.allowsRuns`).
    public let offersRuns: Bool

    public init(labelSet: LabelSet, style: TerminalStyle, doneWord: String = "labeled", offersRuns: Bool = true) {
        self.labelSet = labelSet
        self.style = style
        self.doneWord = doneWord
        self.offersRuns = offersRuns
    }

    /// The prompt: the label keys, then `?` for help. `[c/q/p/n ?] > `
    public var prompt: String {
        "[" + labelSet.labels.map { String($0.key) }.joined(separator: "/") + " ?] > "
    }

    /// The current sentence: a header, the previous sentence dimmed, the sentence highlighted,
    /// the next one dimmed (unless context is off), and its current decision, if any.
    public func render(_ view: SessionView, width: Int) -> [String] {
        let width = max(width, 20)
        var lines: [String] = [""]
        let percent = view.total == 0 ? 100 : view.decided * 100 / view.total
        let header =
            "\(view.documentID) · sentence \(view.sentenceNumber) of \(view.sentencesInDocument) · "
            + "\(view.decided) of \(view.total) \(doneWord) (\(percent)%)"
        for line in TextWrapper.wrap(header, width: width) { lines.append(style.cyan + line + style.reset) }
        if view.showsContext, let previous = view.previous {
            lines += TextWrapper.wrap(previous, width: width, first: "  ", rest: "  ").map {
                style.dim + $0 + style.reset
            }
        }
        lines += TextWrapper.wrap(view.text, width: width, first: "▸ ", rest: "  ").map {
            style.bold + $0 + style.reset
        }
        if view.showsContext, let next = view.next {
            lines += TextWrapper.wrap(next, width: width, first: "  ", rest: "  ").map { style.dim + $0 + style.reset }
        }
        var status: [String] = []
        if let label = view.currentLabel { status.append("current label: \(label)") }
        if view.flagged { status.append("flagged unsure") }
        if let note = view.note { status.append("note: \(note)") }
        if !status.isEmpty {
            lines += TextWrapper.wrap(status.joined(separator: " · "), width: width, first: "  ", rest: "  ")
                .map { style.yellow + $0 + style.reset }
        }
        for detail in view.details {
            lines += TextWrapper.wrap(detail, width: width, first: "  ", rest: "    ")
        }
        if let suggestion = view.suggestion {
            lines += TextWrapper.wrap(Self.describe(suggestion), width: width, first: "  ", rest: "    ").map {
                style.magenta + $0 + style.reset
            }
        }
        return lines
    }

    /// `suggestion: claim (p 0.91) · Enter accepts`, or where a duplicate's label comes from.
    public static func describe(_ suggestion: SessionSuggestion) -> String {
        var text = "suggestion: \(suggestion.label)"
        if let place = suggestion.duplicateOf {
            text +=
                suggestion.exactDuplicate
                ? ", the label of its duplicate \(place)" : ", the label of its near duplicate \(place)"
        } else if let probability = suggestion.probability {
            text += " (p \(Self.twoDecimals(probability)))"
        }
        if let reason = suggestion.reason { text += "; \(reason)" }
        return text + " · Enter accepts"
    }

    /// `0.91`.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The lines for one event; `.show` needs the view, `.guide` the guidelines' text.
    public func render(_ event: SessionEvent, view: SessionView?, width: Int, guide: () -> String) -> [String] {
        switch event {
        case .started(let queued, let decided, let total):
            let noun = queued == 1 ? "sentence" : "sentences"
            return TextWrapper.wrap(
                "\(queued) \(noun) in the queue; \(decided) of \(total) \(doneWord) so far · ? for help", width: width)
        case .show:
            guard let view else { return [] }
            return render(view, width: width)
        case .saved(let label, let count):
            let what = count == 1 ? "saved \(label)" : "saved \(label) on \(count) sentences"
            return [style.green + what + style.reset]
        case .undone(let label, let count, let restored):
            let what = count == 1 ? "undid \(label)" : "undid \(label) on \(count) sentences"
            let then = restored.map { "; this sentence is \($0) again" } ?? "; label this sentence again"
            return [style.green + what + then + style.reset]
        case .message(let text):
            return TextWrapper.wrap(text, width: width, rest: "  ")
        case .problem(let text):
            return TextWrapper.wrap(text, width: width, rest: "  ").map { style.red + $0 + style.reset }
        case .help:
            return help(width: width)
        case .stats(let stats):
            return render(stats)
        case .guide:
            return guide().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .similar(let sentences):
            var lines = ["the \(sentences.count) most similar sentences with an agreed label:"]
            for sentence in sentences {
                let head = "\(sentence.label) · \(Self.twoDecimals(sentence.similarity)) · \(sentence.place): "
                lines += TextWrapper.wrap(head + sentence.text, width: width, first: "  ", rest: "      ")
            }
            return lines
        case .finished:
            return [""]
                + TextWrapper.wrap(
                    "the queue is done. u undo · b back · :goto N · :find TEXT · :stats · :quit", width: width
                )
                .map { style.green + $0 + style.reset }
        case .quit:
            return []
        }
    }

    /// `?`: every key and command, the label keys first.
    public func help(width: Int) -> [String] {
        var lines = ["labels (type the key, the name or a unique prefix of it, then Enter):"]
        let nameWidth = labelSet.names.map(\.count).max() ?? 0
        for label in labelSet.labels {
            let name = label.name + String(repeating: " ", count: nameWidth - label.name.count)
            let column = "  \(label.key)  \(name)  "
            lines += TextWrapper.wrap(
                label.description, width: width, first: column,
                rest: String(repeating: " ", count: DisplayWidth.of(column)))
        }
        if offersRuns {
            let example = labelSet.labels.last!
            lines.append("  \(example.key) 3  this sentence and the next 2 of the document get \(example.name)")
        }
        lines.append("keys:")
        lines.append("  u  undo the last decision (also one made before a restart)")
        lines.append("  b  back to the previous sentence, to relabel it")
        lines.append("  s  skip without a decision")
        lines.append("  ?  this help")
        lines.append("  an empty line (Enter) takes the suggestion shown under the sentence, when there is one")
        lines.append("commands:")
        let usages = SessionCommand.colonCommands.map { ":" + $0.name + ($0.argument.map { " " + $0 } ?? "") }
        let usageWidth = usages.map(\.count).max() ?? 0
        for (usage, command) in zip(usages, SessionCommand.colonCommands) {
            let column = "  " + usage + String(repeating: " ", count: usageWidth - usage.count) + "  "
            lines += TextWrapper.wrap(
                command.help, width: width, first: column, rest: String(repeating: " ", count: column.count))
        }
        lines.append("Ctrl-D or :quit ends the session; every decision is saved the moment it is made.")
        return lines
    }

    /// One line per label: its count, and what this session added.
    public static func labelCounts(_ stats: SessionStats) -> [String] {
        let nameWidth = stats.labels.map(\.count).max() ?? 0
        let countWidth = stats.counts.map { String($0).count }.max() ?? 1
        return stats.labels.enumerated().map { i, name in
            let count = String(stats.counts[i])
            var line =
                "  " + name + String(repeating: " ", count: nameWidth - name.count) + "  "
                + String(repeating: " ", count: countWidth - count.count) + count
            if stats.countsThisSession[i] > 0 { line += "  (+\(stats.countsThisSession[i]) this session)" }
            return line
        }
    }

    /// `:stats`.
    public func render(_ stats: SessionStats) -> [String] {
        let percent = stats.total == 0 ? 100 : stats.decided * 100 / stats.total
        var lines = ["\(stats.decided) of \(stats.total) \(doneWord) (\(percent)%), \(stats.left) left"]
        lines += Self.labelCounts(stats)
        let elapsed = Self.duration(stats.elapsedMilliseconds)
        var pace =
            "this session: \(stats.decisionsThisSession) decision\(stats.decisionsThisSession == 1 ? "" : "s") in \(elapsed)"
        if let perMinute = stats.perMinute {
            pace += ", \(Self.oneDecimal(perMinute)) per minute"
            if let left = stats.estimatedMillisecondsLeft {
                pace += stats.left == 0 ? "; nothing left" : "; about \(Self.duration(left)) left at this pace"
            }
        } else {
            pace += "; no pace yet"
        }
        lines.append(pace)
        return lines
    }

    /// `45 s`, `12 min`, `2 h 05 min`.
    public static func duration(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        if seconds < 60 { return "\(seconds) s" }
        let minutes = (seconds + 30) / 60
        if minutes < 60 { return "\(minutes) min" }
        let rest = minutes % 60
        return "\(minutes / 60) h \(rest < 10 ? "0" : "")\(rest) min"
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
