/// The labeling REPL as a state machine: fed one line at a time, it answers with the records to
/// append and the events to show. It never reads or writes anything itself.
///
/// A line goes through two steps, so nothing is shown as saved before it is on disk:
///
///     let step = session.plan(line, at: now)        // understand; records to append
///     try store.append(step.records)                 // the loop writes and fsyncs
///     let events = session.apply(step, at: now)      // only then: move on
///
/// If the write fails the loop skips `apply`: the session stays on the same sentence and
/// nothing is lost. Every step is O(1) in the corpus and the label file (amortized), except
/// `:find` and `:goto DOC`, which scan once per command, never per decision.
///
/// Navigation: the queue is walked by a cursor (`nextSlot`); `b` and excursions (`u`, `:goto`
/// or `:find` to a sentence outside the queue) remember where the annotator was on a forward
/// stack, so the next decision returns there. `:goto`/`:find` to a sentence in the queue jump:
/// the queue continues from there.
public struct LabelingSession {
    public let corpus: Corpus
    public let labelSet: LabelSet
    public let queue: SessionQueue
    /// The decisions of every journal read (the session's own kept current as it appends).
    public private(set) var decisions: DecisionView
    /// The session's journal in `decisions.table`, and which of its lanes the session writes.
    public let journal: Int
    public let adjudicated: Bool
    /// The session's lane over the corpus, derived from `decisions`.
    public private(set) var ledger: DecisionLedger
    public let recordMaker: any SessionRecordMaker
    /// Written into every record's `session` key.
    public let sessionID: String
    /// Extra lines to show under a sentence (an adjudication session shows the votes).
    public let describe: (@Sendable (Sentence) -> [String])?
    /// Whether `n 3` gives one label to a run of sentences. An adjudication session settles one
    /// item at a time: a run would reach sentences outside its queue.
    public let allowsRuns: Bool

    /// The corpus position on screen; nil before `start` and once the queue is done.
    public private(set) var current: Int?
    private var nextSlot = 0
    private var backStack: [Int] = []
    private var forwardStack: [Int] = []
    /// A note or flag set while the current sentence is on screen (nil: unchanged).
    private var viewNote: String?
    private var viewFlag: Bool?
    private var shownAt = Timestamp(millisecondsSince1970: 0)
    public private(set) var startedAt = Timestamp(millisecondsSince1970: 0)
    public private(set) var decisionsThisSession = 0
    private var countsThisSession: [Int]
    /// Positions decided in this session: the queue passes over them.
    private var touched: [Bool]
    public private(set) var showsContext = true
    /// Suggestions (the model in the loop); nil: none. Set by the setup before `start`.
    public var suggestions: (any SuggestionProvider)?
    /// The suggestion shown for the current sentence: what Enter accepts and records carry.
    public private(set) var shownSuggestion: SessionSuggestion?

    /// A session writing `annotator`'s journal (its adjudication lane when `adjudicated`), over
    /// the corpus of `decisions`, which must have one. `ledger` is the lane over the corpus
    /// (`DecisionLedger(view:journal:adjudicated:scope:)`), made by the caller to choose its scope.
    public init(
        decisions: DecisionView, annotator: String, adjudicated: Bool = false, queue: SessionQueue,
        ledger: DecisionLedger, recordMaker: any SessionRecordMaker, sessionID: String,
        describe: (@Sendable (Sentence) -> [String])? = nil, allowsRuns: Bool = true
    ) {
        guard let corpus = decisions.corpus, let journal = decisions.table.index(of: annotator) else {
            preconditionFailure("a session needs a corpus and its journal in the table (ensureJournal)")
        }
        self.corpus = corpus
        self.labelSet = decisions.labelSet
        self.decisions = decisions
        self.journal = journal
        self.adjudicated = adjudicated
        self.queue = queue
        self.ledger = ledger
        self.recordMaker = recordMaker
        self.sessionID = sessionID
        self.describe = describe
        self.allowsRuns = allowsRuns
        countsThisSession = Array(repeating: 0, count: labelSet.count)
        touched = Array(repeating: false, count: corpus.count)
    }

    /// Shows the first sentence of the queue.
    public mutating func start(at time: Timestamp) -> [SessionEvent] {
        startedAt = time
        var events: [SessionEvent] = [
            .started(queued: queue.count, decided: ledger.decidedInScope, total: ledger.scopeCount)
        ]
        events += advance(at: time, leaving: false)
        let notices = suggestions?.takeNotices() ?? []
        events.insert(contentsOf: notices.map { .message($0) }, at: 1)
        return events
    }

    // MARK: - Planning

    /// What a line means here and now, and the records it needs on disk before `apply`.
    public func plan(_ line: String, at time: Timestamp) -> SessionStep {
        switch SessionCommand.parse(line, labels: labelSet) {
        case .failure(let error):
            return SessionStep(line: line, command: nil, action: .reject(error.description))
        case .success(let command):
            return plan(command, line: line, at: time)
        }
    }

    private func plan(_ command: SessionCommand, line: String, at time: Timestamp) -> SessionStep {
        func step(_ action: SessionStep.Action, _ records: [AnnotationRecord] = []) -> SessionStep {
            SessionStep(line: line, command: command, action: action, records: records)
        }
        let nothingHere = "no sentence on screen: the queue is done (u undo, b back, :goto, :find, :quit)"
        switch command {
        case .nothing:
            // Enter on an empty line accepts the suggestion on screen.
            guard current != nil, let suggestion = shownSuggestion else { return step(.none) }
            return plan(.label(suggestion.labelIndex, count: 1), line: line, at: time)
        case .label(let label, let count):
            guard let position = current else { return step(.reject(nothingHere)) }
            if count > 1 && !allowsRuns {
                let error = SessionInputError.runNotAllowed(
                    line.trimmed(of: " \t\r\n"), accepted: labelSet.summary)
                return step(.reject(error.description))
            }
            let documentEnd = corpus.documentRanges[corpus.documentIndex(ofSentenceAt: position)].upperBound
            let positions = Array(position..<min(position + count, documentEnd))
            let name = labelSet.labels[label].name
            var records: [AnnotationRecord] = []
            for (i, p) in positions.enumerated() {
                let first = i == 0
                let note = first ? (viewNote ?? existingNote(at: p)) : nil
                let flag = first ? (viewFlag ?? ledger.isFlagged(p)) : false
                var details = RecordDetails(
                    time: time, ms: first ? milliseconds(from: shownAt, to: time) : 0, note: note,
                    flag: flag ? true : nil, session: sessionID)
                details.run = !first
                details.suggested = first ? shownSuggestion?.label : nil
                records.append(recordMaker.makeRecord(for: corpus.sentences[p], label: name, details: details))
            }
            let shortfall = positions.count < count ? positions.count : nil
            return step(
                .decide(
                    positions: positions, label: label, note: records[0].note, flag: records[0].flag == true,
                    shortfall: shortfall), records)
        case .undo:
            let journal = decisions.table.journals[self.journal]
            var records: [AnnotationRecord] = []
            var undone: [(position: Int, label: String)] = []
            for entry in journal.lane(adjudicated: adjudicated).lastStep() {
                guard let position = corpus.position(of: entry.id), let label = ledger.label(at: position) else {
                    continue
                }
                let restored = decisions.label(entry.previous.label, journal: self.journal).map {
                    labelSet.labels[$0].name
                }
                var details = RecordDetails(
                    time: time, ms: nil, note: restored == nil ? nil : entry.previousNote,
                    flag: restored != nil && entry.previous.flagged ? true : nil, session: sessionID)
                details.undo = restored != nil
                details.suggested = restored == nil ? nil : journal.suggestedName(entry.previous)
                records.append(
                    recordMaker.makeRecord(for: corpus.sentences[position], label: restored, details: details))
                undone.append((position, labelSet.labels[label].name))
            }
            guard !undone.isEmpty else { return step(.inform("nothing to undo")) }
            return step(.undo(undone), records)
        case .back:
            guard !backStack.isEmpty else {
                return step(.inform("no earlier sentence in this session; :goto reaches any sentence"))
            }
            return step(.back)
        case .skip:
            guard current != nil else { return step(.reject(nothingHere)) }
            return step(.skip)
        case .help:
            return step(.help)
        case .goto(let target):
            switch resolve(target) {
            case .failure(let problem): return step(.reject(problem.message))
            case .success(let position):
                if position == current { return step(.inform("already on \(place(of: position))")) }
                return step(.goto(position))
            }
        case .find(let text):
            guard let position = find(text) else {
                return step(.inform("no\(current == nil ? "" : " other") sentence contains '\(text)'"))
            }
            return step(.goto(position))
        case .note(let text):
            guard let position = current else { return step(.reject(nothingHere)) }
            guard let label = ledger.label(at: position) else { return step(.pendingNote(text)) }
            let flag = viewFlag ?? ledger.isFlagged(position)
            let record = amendment(position, label: label, note: text, flag: flag ? true : nil, at: time)
            return step(.amend(position: position, label: label, note: text, flag: flag), [record])
        case .flag:
            guard let position = current else { return step(.reject(nothingHere)) }
            let flag = !(viewFlag ?? ledger.isFlagged(position))
            guard let label = ledger.label(at: position) else { return step(.pendingFlag(flag)) }
            let note = viewNote ?? existingNote(at: position)
            let record = amendment(position, label: label, note: note, flag: flag, at: time)
            return step(.amend(position: position, label: label, note: note, flag: flag), [record])
        case .stats:
            return step(.stats)
        case .guide:
            return step(.guide)
        case .context:
            return step(.context)
        case .similar:
            guard let position = current else { return step(.reject(nothingHere)) }
            guard let suggestions else { return step(.inform("no similar sentences: this session has no model")) }
            switch suggestions.similar(to: position, count: 3) {
            case .found(let sentences): return step(.similar(sentences))
            case .unavailable(let why): return step(.inform(why))
            }
        case .quit:
            return step(.quit)
        }
    }

    /// The current decision again, with a new note or flag (the latest line wins).
    private func amendment(_ position: Int, label: Int, note: String?, flag: Bool?, at time: Timestamp)
        -> AnnotationRecord
    {
        var details = RecordDetails(
            time: time, ms: milliseconds(from: shownAt, to: time), note: note, flag: flag, session: sessionID)
        details.suggested = shownSuggestion?.label
        return recordMaker.makeRecord(
            for: corpus.sentences[position], label: labelSet.labels[label].name, details: details)
    }

    private func milliseconds(from start: Timestamp, to end: Timestamp) -> Int {
        Int(max(end.millisecondsSince1970 - start.millisecondsSince1970, 0))
    }

    // MARK: - Applying

    /// The note of the decision in force at `position`, if any.
    private func existingNote(at position: Int) -> String? {
        guard ledger.label(at: position) != nil else { return nil }
        return decisions.table.journals[journal].lane(adjudicated: adjudicated).note(of: corpus.sentences[position].id)
    }

    /// Carries out a planned step whose records are stored (at `positions`, one per record; none
    /// needed without records), and says what to show.
    public mutating func apply(_ step: SessionStep, at time: Timestamp, positions: [RecordPosition] = [])
        -> [SessionEvent]
    {
        if !step.records.isEmpty {
            let stored =
                positions.count == step.records.count
                ? positions : step.records.map { _ in RecordPosition(line: 0, offset: -1) }
            decisions.apply(step.records, at: stored)
            for record in step.records {
                guard let position = corpus.position(of: record.id) else { continue }
                let decision = decisions.decision(journal: journal, adjudicated: adjudicated, id: record.id)
                ledger.set(position, label: decision?.label, flag: decision?.vote.flagged ?? false)
            }
            if let suggestions { tellSuggestions(suggestions, about: step) }
        }
        switch step.action {
        case .none:
            return []
        case .reject(let message):
            return [.problem(message)]
        case .inform(let message):
            return [.message(message)]
        case .decide(let positions, let label, _, _, let shortfall):
            for position in positions {
                if !touched[position] {
                    touched[position] = true
                    decisionsThisSession += 1
                    countsThisSession[label] += 1
                }
            }
            var events: [SessionEvent] = [.saved(label: labelSet.labels[label].name, count: positions.count)]
            if let shortfall {
                events.append(.message("only \(shortfall) sentence\(shortfall == 1 ? "" : "s") left in this document"))
            }
            events += (suggestions?.takeNotices() ?? []).map { .message($0) }
            return events + advance(at: time, leaving: true)
        case .undo(let undone):
            for (position, label) in undone where touched[position] {
                touched[position] = false
                decisionsThisSession -= 1
                if let index = labelSet.index(of: label) {
                    countsThisSession[index] = max(countsThisSession[index] - 1, 0)
                }
            }
            // Show the oldest sentence of the step: where the annotator was when it began.
            let position = undone[undone.count - 1].position
            let restored = ledger.label(at: position).map { labelSet.labels[$0].name }
            if position != current {
                if let current { forwardStack.append(current) }
                if backStack.last == position { backStack.removeLast() }
                show(position, at: time)
            } else {
                viewNote = nil
                viewFlag = nil
            }
            return [.undone(label: undone[undone.count - 1].label, count: undone.count, restored: restored), .show]
        case .amend(_, _, let note, let flag):
            viewNote = note
            viewFlag = flag
            switch step.command {
            case .flag?: return [.message(flag ? "flagged as unsure" : "flag removed")]
            default: return [.message("note saved")]
            }
        case .pendingNote(let text):
            viewNote = text
            return [.message("note kept; it is saved with the label you give this sentence")]
        case .pendingFlag(let flag):
            viewFlag = flag
            return [.message(flag ? "flagged as unsure; the flag is saved with the label" : "flag removed")]
        case .back:
            if let current { forwardStack.append(current) }
            show(backStack.removeLast(), at: time)
            return [.show]
        case .skip:
            return [.message("skipped")] + advance(at: time, leaving: true)
        case .goto(let position):
            if let slot = queue.slot(of: position) {
                // A jump: the queue carries on from there.
                if let current { backStack.append(current) }
                forwardStack.removeAll()
                nextSlot = slot + 1
            } else if let current {
                // An excursion: come back here after deciding.
                forwardStack.append(current)
            }
            show(position, at: time)
            return [.show]
        case .help:
            return [.help]
        case .stats:
            return [.stats(stats(at: time))]
        case .guide:
            return [.guide]
        case .context:
            showsContext.toggle()
            return [.message(showsContext ? "context on" : "context off"), .show]
        case .similar(let sentences):
            return [.similar(sentences)]
        case .quit:
            return [.quit]
        }
    }

    /// Plans and applies a line, for callers without a store (tests, dry runs).
    public mutating func handle(_ line: String, at time: Timestamp) -> (
        records: [AnnotationRecord], events: [SessionEvent]
    ) {
        let step = plan(line, at: time)
        return (step.records, apply(step, at: time))
    }

    private mutating func show(_ position: Int, at time: Timestamp) {
        current = position
        viewNote = nil
        viewFlag = nil
        shownAt = time
        shownSuggestion = suggestions?.suggestion(at: position)
    }

    /// Tells the suggestion provider what a stored step recorded: each sentence's label (nil
    /// for an undo, which teaches the model nothing) and its consensus now.
    private func tellSuggestions(_ suggestions: any SuggestionProvider, about step: SessionStep) {
        let learns: Bool
        switch step.action {
        case .decide: learns = true
        default: learns = false
        }
        for record in step.records {
            guard let position = corpus.position(of: record.id) else { continue }
            let label = learns ? record.label.flatMap { labelSet.index(of: $0) } : nil
            suggestions.recorded(
                position: position, label: label, consensus: ConsensusLabels.label(of: record.id, in: decisions))
        }
    }

    /// The next sentence: where the annotator was before an excursion, else the queue's next
    /// one not yet decided in this session.
    private mutating func advance(at time: Timestamp, leaving: Bool) -> [SessionEvent] {
        if leaving, let current { backStack.append(current) }
        if let position = forwardStack.popLast() {
            show(position, at: time)
            return [.show]
        }
        while nextSlot < queue.count {
            let position = queue.positions[nextSlot]
            nextSlot += 1
            if touched[position] || position == current { continue }
            show(position, at: time)
            return [.show]
        }
        current = nil
        viewNote = nil
        viewFlag = nil
        shownSuggestion = nil
        return [.finished]
    }

    // MARK: - Looking things up

    /// `DOC id:N` with a 1-based N, for messages.
    public func place(of position: Int) -> String {
        let document = corpus.documentIndex(ofSentenceAt: position)
        let range = corpus.documentRanges[document]
        return "\(corpus.documents[document].id):\(position - range.lowerBound + 1)"
    }

    private func resolve(_ target: SessionCommand.GotoTarget) -> Result<Int, Problem> {
        let document: Int
        let number: Int
        switch target {
        case .sentence(let n):
            guard let anchor = current ?? backStack.last else {
                return .failure(Problem("no current document; use :goto DOC:N"))
            }
            document = corpus.documentIndex(ofSentenceAt: anchor)
            number = n
        case .document(let name, let n):
            switch findDocument(name) {
            case .failure(let problem): return .failure(problem)
            case .success(let index): document = index
            }
            number = n
        }
        let range = corpus.documentRanges[document]
        let id = corpus.documents[document].id
        guard number >= 1, number <= range.count else {
            return .failure(Problem("no sentence \(number) in \(id); it has \(range.count) (1–\(range.count))"))
        }
        let position = range.lowerBound + number - 1
        guard ledger.inScope(position) else {
            return .failure(Problem("\(id):\(number) is not in this session's queue"))
        }
        return .success(position)
    }

    /// A document by exact id or unique prefix. O(documents), once per `:goto`.
    private func findDocument(_ name: String) -> Result<Int, Problem> {
        if let exact = corpus.documentIndex(of: name) { return .success(exact) }
        let matches = corpus.documents.indices.filter { corpus.documents[$0].id.hasPrefix(name) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.isEmpty {
            let examples = corpus.documents.prefix(3).map(\.id).joined(separator: ", ")
            return .failure(
                Problem(
                    "unknown document '\(name)'; expected a document id or a unique prefix of one (\(examples)\(corpus.documents.count > 3 ? ", …" : ""))"
                ))
        }
        let shown = matches.prefix(4).map { corpus.documents[$0].id }.joined(separator: ", ")
        return .failure(Problem("ambiguous document '\(name)'; it could be \(shown)\(matches.count > 4 ? ", …" : "")"))
    }

    /// The next sentence in document order after the current one containing `text`
    /// (case-insensitive), wrapping around; sentences outside the scope are passed over.
    private func find(_ text: String) -> Int? {
        let needle = text.lowercased()
        let count = corpus.count
        guard count > 0 else { return nil }
        let start = current.map { $0 + 1 } ?? 0
        for step in 0..<count {
            let position = (start + step) % count
            if position == current { continue }
            guard ledger.inScope(position) else { continue }
            if corpus.sentences[position].text.lowercased().contains(needle) { return position }
        }
        return nil
    }

    // MARK: - What to show

    /// The current sentence with its context and decision; nil when nothing is on screen.
    public func view() -> SessionView? {
        guard let position = current else { return nil }
        let document = corpus.documentIndex(ofSentenceAt: position)
        let range = corpus.documentRanges[document]
        let sentence = corpus.sentences[position]
        let label = ledger.label(at: position)
        var view = SessionView(
            documentID: corpus.documents[document].id, sentenceNumber: position - range.lowerBound + 1,
            sentencesInDocument: range.count, decided: ledger.decidedInScope, total: ledger.scopeCount,
            previous: position > range.lowerBound ? corpus.sentences[position - 1].text : nil,
            text: sentence.text,
            next: position + 1 < range.upperBound ? corpus.sentences[position + 1].text : nil,
            showsContext: showsContext, currentLabel: label.map { labelSet.labels[$0].name },
            flagged: viewFlag ?? ledger.isFlagged(position),
            note: viewNote ?? existingNote(at: position),
            details: describe?(sentence) ?? [])
        view.suggestion = shownSuggestion
        return view
    }

    /// A lookup that failed, with the message to show.
    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    public func stats(at time: Timestamp) -> SessionStats {
        SessionStats(
            labels: labelSet.names, counts: ledger.countsByLabel, countsThisSession: countsThisSession,
            decided: ledger.decidedInScope, total: ledger.scopeCount, decisionsThisSession: decisionsThisSession,
            elapsedMilliseconds: max(time.millisecondsSince1970 - startedAt.millisecondsSince1970, 0))
    }
}
