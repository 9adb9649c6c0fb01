/// Turns what a session says into lines of text for a terminal of a given width.
///
/// Pure: a view, an event, a width and a style in, strings out. Colour comes only from the
/// `TerminalStyle` (empty strings when colour is off), so piped output is plain text. Positions
/// are `DOC:N` (`SentencePlace`), as in every report, and percentages are rounded (`Percent`).
/// Text that comes from files or from the keyboard (sentences, notes, document ids, the
/// guidelines, messages that quote a typed line) reaches the lines through
/// `TerminalText.visible`, mostly by way of `TextWrapper`: control characters are shown, never
/// sent.
public struct SessionScreen: Sendable {
    public let labelSet: LabelSet
    public let style: TerminalStyle
    /// "labeled" for `sentag label`; an adjudication session says "adjudicated".
    public let doneWord: String
    /// Whether help offers `n 3` (a label for a run of sentences); false when the session does
    /// not allow runs (`LabelingSession.allowsRuns`).
    public let offersRuns: Bool
    /// What Enter on an empty line gives, for help ("the majority label"); nil: nothing.
    public let proposalHelp: String?

    public init(
        labelSet: LabelSet, style: TerminalStyle, doneWord: String = "labeled", offersRuns: Bool = true,
        proposalHelp: String? = nil
    ) {
        self.labelSet = labelSet
        self.style = style
        self.doneWord = doneWord
        self.offersRuns = offersRuns
        self.proposalHelp = proposalHelp
    }

    /// The prompt: the label keys, then `?` for help. `[c/q/p/n ?] > `
    public var prompt: String { prompt() }

    /// The prompt, naming what Enter gives (`[c/q/p/n ?] Enter: claim > `) and the
    /// single-keystroke mode (`[c/q/p/n ?] instant > `).
    public func prompt(proposal: String? = nil, instant: Bool = false) -> String {
        var text = "[" + TerminalText.visible(labelSet.labels.map { String($0.key) }.joined(separator: "/")) + " ?]"
        if let proposal { text += " Enter: \(proposal)" }
        if instant { text += " instant" }
        return text + " > "
    }

    /// The current sentence: a header (`DOC:N of M`, the article's headline, the progress), the
    /// sentences before it dimmed, the sentence highlighted, the ones after dimmed, and its
    /// current decision, if any.
    public func render(_ view: SessionView, width: Int) -> [String] {
        let width = max(width, 20)
        var lines: [String] = [""]
        for line in header(view, width: width) { lines.append(style.cyan + line + style.reset) }
        for sentence in view.before {
            lines += TextWrapper.wrap(sentence, width: width, first: "  ", rest: "  ").map {
                style.dim + $0 + style.reset
            }
        }
        lines += TextWrapper.wrap(view.text, width: width, first: "▸ ", rest: "  ").map {
            style.bold + $0 + style.reset
        }
        for sentence in view.after {
            lines += TextWrapper.wrap(sentence, width: width, first: "  ", rest: "  ").map {
                style.dim + $0 + style.reset
            }
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

    /// `suggestion: claim (p 0.91)`, or where a duplicate's label comes from; the prompt says
    /// that Enter takes it (`Enter: claim`).
    public static func describe(_ suggestion: SessionSuggestion) -> String {
        var text = "suggestion: \(TerminalText.visible(suggestion.label))"
        if let place = suggestion.duplicateOf {
            let kind = suggestion.exactDuplicate ? "duplicate" : "near duplicate"
            text += ", the label of its \(kind) \(TerminalText.visible(place))"
        } else if let probability = suggestion.probability {
            text += " (p \(Self.twoDecimals(probability)))"
        }
        if let reason = suggestion.reason { text += "; \(reason)" }
        return text
    }

    /// `0.91`.
    public static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// `alpha:2 of 4 · Headline of the article · 1 of 7 labeled (14%)` on one line when the
    /// headline fits (cut with "…" when it nearly does), else the headline on a line of its own.
    func header(_ view: SessionView, width: Int) -> [String] {
        let position = TerminalText.visible("\(view.place) of \(view.sentencesInDocument)")
        let progress =
            "\(view.decided) of \(view.total) \(doneWord) (\(Percent.rounded(view.decided, of: view.total))%)"
        guard let headline = view.headline.map({ TerminalText.visible($0) }) else {
            return TextWrapper.wrap(position + " · " + progress, width: width)
        }
        let room = width - DisplayWidth.of(position) - DisplayWidth.of(progress) - 6
        if room >= min(DisplayWidth.of(headline), 16) {
            return [position + " · " + TextWrapper.truncate(headline, width: room) + " · " + progress]
        }
        return TextWrapper.wrap(position + " · " + progress, width: width)
            + [TextWrapper.truncate(headline, width: width)]
    }

    /// The lines for one event; `.show` needs the view.
    ///
    /// `.guide` and `.toggleInstant` are the loop's to carry out: they draw nothing here.
    public func render(_ event: SessionEvent, view: SessionView?, width: Int) -> [String] {
        switch event {
        case .started(let queued, let decided, let total):
            let noun = queued == 1 ? "sentence" : "sentences"
            return TextWrapper.wrap(
                "\(queued) \(noun) in the queue; \(decided) of \(total) \(doneWord) so far · ? for help", width: width)
        case .resuming(let at, let last, let earlier):
            let text: String
            switch earlier {
            case true?:
                text =
                    "resuming at \(at), the first sentence not yet \(doneWord): it comes before your last decision "
                    + "(\(last)), so it was skipped or undone"
            case false?:
                text = "resuming at \(at), the first sentence not yet \(doneWord) after your last decision (\(last))"
            case nil:
                text = "resuming at \(at), the next sentence not yet \(doneWord); your last decision was on \(last)"
            }
            return TextWrapper.wrap(text, width: width, rest: "  ")
        case .show:
            guard let view else { return [] }
            return render(view, width: width)
        case .saved(let label, let count, let place):
            let label = TerminalText.visible(label)
            let what = count == 1 ? "saved \(label)" : "saved \(label) ×\(count): \(place)"
            return [style.green + what + style.reset]
        case .undone(let label, let count, let restored, let place):
            let label = TerminalText.visible(label)
            let what = count == 1 ? "undid \(label) on \(place)" : "undid \(label) ×\(count): \(place)"
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
        case .documentDone(let summary):
            return TextWrapper.wrap(Self.line(summary), width: width, rest: "  ").map { style.dim + $0 + style.reset }
        case .finished:
            return [""]
                + TextWrapper.wrap(
                    "the queue is done. u undo · b back · :goto N · :find TEXT · :stats · :quit", width: width
                )
                .map { style.green + $0 + style.reset }
        case .queueExtended(let added):
            let noun = added == 1 ? "sentence" : "sentences"
            return TextWrapper.wrap("\(added) more \(noun) for you from the team's pool", width: width, rest: "  ")
                .map { style.dim + $0 + style.reset }
        case .similar(let sentences):
            var lines = ["the \(sentences.count) most similar sentences with an agreed label:"]
            for sentence in sentences {
                let head = "\(sentence.label) · \(Self.twoDecimals(sentence.similarity)) · \(sentence.place): "
                lines += TextWrapper.wrap(head + sentence.text, width: width, first: "  ", rest: "      ")
            }
            return lines
        case .guide, .toggleInstant, .quit:
            return []
        }
    }

    /// `end of alpha: claim 2, noise 1; 1 skipped, 1 flagged`.
    public static func line(_ summary: DocumentSummary) -> String {
        let counts = zip(summary.labels, summary.counts).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
        return "end of \(summary.document): \(counts.isEmpty ? "no labels" : counts.joined(separator: ", "));"
            + " \(summary.undecided) skipped, \(summary.flagged) flagged"
    }

    /// The guidelines' text as lines, for when no pager shows it.
    public func guideLines(_ text: String) -> [String] {
        TerminalText.visible(text, keepingLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// `?`: every key and command, the label keys first.
    public func help(width: Int) -> [String] {
        var lines = ["labels (type the key, the name or a unique prefix of it, then Enter):"]
        let nameWidth = labelSet.names.map(\.count).max() ?? 0
        for label in labelSet.labels {
            let name = label.name + String(repeating: " ", count: nameWidth - label.name.count)
            let column = "  \(TerminalText.visible(String(label.key)))  \(name)  "
            lines += TextWrapper.wrap(
                label.description, width: width, first: column,
                rest: String(repeating: " ", count: DisplayWidth.of(column)))
        }
        // A label set is never empty (`LabelSet.init` refuses that).
        if offersRuns, let example = labelSet.labels.last {
            lines += TextWrapper.wrap(
                "this sentence and the next 2 of the document get \(example.name) (asks first when some are not on screen)",
                width: width, first: "  \(example.key) 3  ", rest: "        ")
        }
        if let proposalHelp {
            lines += TextWrapper.wrap(proposalHelp, width: width, first: "  Enter  ", rest: "         ")
        }
        lines.append("keys:")
        lines.append("  u  undo the last decision (a run at once; also one made before a restart)")
        lines.append("  b  back to the previous sentence, to relabel it")
        lines.append("  s  skip without a decision")
        lines.append("  ?  this help")
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

    /// `skipped this session: alpha:2, beta:1`, at most `shown` places; nil when none.
    public static func skippedLine(_ stats: SessionStats, shown: Int = 10) -> String? {
        guard !stats.skipped.isEmpty else { return nil }
        var places = stats.skipped.prefix(shown).joined(separator: ", ")
        if stats.skipped.count > shown { places += " and \(stats.skipped.count - shown) more" }
        return "skipped this session, still without a decision: \(places)"
    }

    /// `not saved: the note on alpha:2 (the sentence has no label)`, one line; nil when none.
    public static func unsavedLine(_ stats: SessionStats) -> String? {
        guard !stats.unsaved.isEmpty else { return nil }
        let one = stats.unsaved.count == 1
        return
            "not saved: \(stats.unsaved.joined(separator: ", ")) (\(one ? "that sentence has" : "those sentences have") no decision)"
    }

    /// `:stats`.
    public func render(_ stats: SessionStats) -> [String] {
        var lines = ["\(stats.decided) of \(stats.total) \(doneWord) (\(stats.percent)%), \(stats.left) left"]
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
        if let skipped = Self.skippedLine(stats) { lines.append(skipped) }
        if let unsaved = Self.unsavedLine(stats) { lines.append(unsaved) }
        return lines
    }

    /// What `sentag label` prints when the session ends (`:quit`, Ctrl-D, the end of input).
    ///
    /// For example:
    ///
    ///     3 decisions this session (claim 2, noise 1), all saved in Annotations/alice.jsonl
    ///     1 skipped (alpha:2) · 1 flagged unsure · 4 of 7 labeled (57%), 3 left
    public func closing(_ stats: SessionStats, path: String) -> [String] {
        let made = stats.decisionsThisSession
        var first = "\(made) decision\(made == 1 ? "" : "s") this session"
        if made > 0 { first += " (\(stats.countsThisSessionText))" }
        var second = "\(stats.skipped.count) skipped"
        if !stats.skipped.isEmpty {
            second += " (\(stats.skipped.prefix(10).joined(separator: ", "))\(stats.skipped.count > 10 ? ", …" : ""))"
        }
        second += " · \(stats.flaggedThisSession) flagged unsure"
        second += " · \(stats.decided) of \(stats.total) \(doneWord) (\(stats.percent)%), \(stats.left) left"
        var lines = [first + ", all saved in \(path)", second]
        if let unsaved = Self.unsavedLine(stats) { lines.append(unsaved) }
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
