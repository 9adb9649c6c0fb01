/// The labeling REPL as a state machine: fed one line at a time, it answers with the records to
/// append and the events to show.
///
/// It never reads or writes anything itself.
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
///
/// A run (`n 9`) that reaches sentences not on screen (the sentence and `context` after it) is
/// asked about first (`question`); the next line answers it. A note or flag typed on a sentence
/// without a decision waits for that sentence's next decision, wherever the annotator goes in
/// between; the ones still waiting when the session ends are listed as not saved.
public struct LabelingSession {
    public let corpus: Corpus
    public let labelSet: LabelSet
    public private(set) var queue: SessionQueue
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
    /// The label Enter on an empty line gives a sentence (a review: the majority); nil: none.
    public let proposal: (@Sendable (Sentence) -> Int?)?
    /// Whether `n 3` gives one label to a run of sentences.
    ///
    /// An adjudication session settles one item at a time: a run would reach sentences outside
    /// its queue.
    public let allowsRuns: Bool

    /// The corpus position on screen; nil before `start` and once the queue is done.
    public internal(set) var current: Int?
    var nextSlot = 0
    var backStack: [Int] = []
    var forwardStack: [Int] = []
    /// Notes and flags typed on sentences without a decision, by position: saved with the next
    /// decision on that sentence.
    var pending: [Int: PendingMark] = [:]
    var shownAt = Timestamp(millisecondsSince1970: 0)
    public internal(set) var startedAt = Timestamp(millisecondsSince1970: 0)
    /// Per position, this session's records on its undo history, oldest first: true for a
    /// decision (a label), false for an amendment (a note or flag on a decision in force).
    var ownRecords: [Int: [Bool]] = [:]
    /// Sentences whose decision in force was made in this session, and their labels.
    public internal(set) var decisionsThisSession = 0
    var countsThisSession: [Int]
    /// Sentences skipped in this session, in the order first skipped.
    var skipped: [Int] = []
    var skippedSet: Set<Int> = []
    /// Sentences shown either side of the current one (0–`SessionCommand.maximumContext`).
    public internal(set) var context = 1
    /// What `:context` alone brings back after hiding.
    var shownContext = 1
    /// The question a run is waiting on (`[y/N]`); the next line answers it.
    public internal(set) var question: String?
    var awaitingRun: (label: Int, count: Int)?
    /// Whether the queue goes through documents in order (not a shuffle): only then does
    /// leaving a document end it.
    var documentOrder: Bool
    /// Suggestions from the model in the loop; nil for none.
    ///
    /// Set by the setup before `start`.
    public var suggestions: (any SuggestionProvider)?
    /// The suggestion shown for the current sentence: what Enter accepts and records carry.
    public internal(set) var shownSuggestion: SessionSuggestion?

    /// A note and a flag waiting for a decision.
    struct PendingMark {
        var note: String?
        var flag: Bool?
    }

    /// A session writing `annotator`'s journal (its adjudication lane when `adjudicated`), over
    /// the corpus of `decisions`, which must have one.
    ///
    /// `ledger` is the lane over the corpus (`DecisionLedger(view:journal:adjudicated:scope:)`),
    /// made by the caller to choose its scope.
    public init(
        decisions: DecisionView, annotator: String, adjudicated: Bool = false, queue: SessionQueue,
        ledger: DecisionLedger, recordMaker: any SessionRecordMaker, sessionID: String,
        describe: (@Sendable (Sentence) -> [String])? = nil, proposal: (@Sendable (Sentence) -> Int?)? = nil,
        allowsRuns: Bool = true
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
        self.proposal = proposal
        self.allowsRuns = allowsRuns
        countsThisSession = Array(repeating: 0, count: labelSet.count)
        documentOrder = zip(queue.positions, queue.positions.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// Shows the first sentence of the queue, saying where a resumed session starts and why.
    public mutating func start(at time: Timestamp) -> [SessionEvent] {
        startedAt = time
        var events: [SessionEvent] = [
            .started(queued: queue.count, decided: ledger.decidedInScope, total: ledger.scopeCount)
        ]
        let shown = advance(at: time, leaving: false)
        if let current, ledger.decidedInScope > 0, ledger.label(at: current) == nil, let last = latestDecision() {
            events.append(
                .resuming(
                    at: place(of: current), last: place(of: last), earlier: documentOrder ? current < last : nil))
        }
        events += (suggestions?.takeNotices() ?? []).map { .message($0) }
        return events + shown
    }

    /// Adds work handed out during the session (a team pool's next unit) at the end of the queue.
    ///
    /// When the session had run out of sentences, the first new one is shown. Positions the
    /// queue holds already are left out; nothing happens when none is new.
    public mutating func extendQueue(_ positions: [Int], at time: Timestamp) -> [SessionEvent] {
        let last = queue.positions.last
        let added = queue.append(positions)
        guard !added.isEmpty else { return [] }
        ledger.extendScope(added)
        if documentOrder, let last, let first = added.first, first < last { documentOrder = false }
        if documentOrder { documentOrder = zip(added, added.dropFirst()).allSatisfy { $0 < $1 } }
        var events: [SessionEvent] = [.queueExtended(added: added.count)]
        if current == nil { events += advance(at: time, leaving: false) }
        return events
    }

    /// Sets how many sentences are shown either side (`--context N`), 0 to 5.
    public mutating func setContext(_ size: Int) {
        context = min(max(size, 0), SessionCommand.maximumContext)
        if context > 0 { shownContext = context }
    }

    // MARK: - Planning

    /// What a line means here and now, and the records it needs on disk before `apply`.
    public func plan(_ line: String, at time: Timestamp) -> SessionStep {
        if let run = awaitingRun {
            let answer = line.trimmed(of: " \t\r\n").lowercased()
            guard answer == "y" || answer == "yes" else {
                return SessionStep(line: line, command: nil, action: .cancelRun)
            }
            return planLabel(
                run.label, count: run.count, command: .label(run.label, count: run.count), line: line,
                at: time, confirmed: true)
        }
        switch SessionCommand.parse(line, labels: labelSet) {
        case .failure(let error):
            return SessionStep(line: line, command: nil, action: .reject(error.description))
        case .success(let command):
            return plan(command, line: line, at: time)
        }
    }

    static let nothingHere = "no sentence on screen: the queue is done (u undo, b back, :goto, :find, :quit)"

    private func plan(_ command: SessionCommand, line: String, at time: Timestamp) -> SessionStep {
        func step(_ action: SessionStep.Action, _ records: [AnnotationRecord] = []) -> SessionStep {
            SessionStep(line: line, command: command, action: action, records: records)
        }
        switch command {
        case .nothing:
            // Enter on an empty line takes the suggestion on screen, else the proposal.
            if current != nil, let suggestion = shownSuggestion {
                let label = suggestion.labelIndex
                return planLabel(
                    label, count: 1, command: .label(label, count: 1), line: line, at: time, confirmed: true)
            }
            guard let position = current, let label = proposal?(corpus.sentences[position]) else { return step(.none) }
            return planLabel(label, count: 1, command: .label(label, count: 1), line: line, at: time, confirmed: true)
        case .label(let label, let count):
            return planLabel(label, count: count, command: command, line: line, at: time, confirmed: false)
        case .undo:
            return planUndo(line: line, at: time)
        case .back:
            guard !backStack.isEmpty else {
                return step(.inform("no earlier sentence in this session; :goto reaches any sentence"))
            }
            return step(.back)
        case .skip:
            guard current != nil else { return step(.reject(Self.nothingHere)) }
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
            guard let position = current else { return step(.reject(Self.nothingHere)) }
            guard let label = ledger.label(at: position) else { return step(.pendingNote(position: position, text)) }
            let flag = pending[position]?.flag ?? ledger.isFlagged(position)
            let record = amendment(position, label: label, note: text, flag: flag ? true : nil, at: time)
            return step(.amend(position: position), [record])
        case .flag:
            guard let position = current else { return step(.reject(Self.nothingHere)) }
            let flag = !(pending[position]?.flag ?? ledger.isFlagged(position))
            guard let label = ledger.label(at: position) else { return step(.pendingFlag(position: position, flag)) }
            let note = pending[position]?.note ?? existingNote(at: position)
            let record = amendment(position, label: label, note: note, flag: flag, at: time)
            return step(.amend(position: position), [record])
        case .stats:
            return step(.stats)
        case .guide(let section):
            return step(.guide(section))
        case .context(let size):
            return step(.context(size))
        case .instant:
            return step(.instant)
        case .similar:
            guard let position = current else { return step(.reject(Self.nothingHere)) }
            guard let suggestions else { return step(.inform("no similar sentences: this session has no model")) }
            switch suggestions.similar(to: position, count: 3) {
            case .found(let sentences): return step(.similar(sentences))
            case .unavailable(let why): return step(.inform(why))
            }
        case .quit:
            return step(.quit)
        }
    }

    /// `label` for the sentence on screen and, in a run, the next `count - 1` of its document.
    ///
    /// A run reaching sentences that are not on screen is asked about first, unless `confirmed`.
    private func planLabel(
        _ label: Int, count: Int, command: SessionCommand, line: String, at time: Timestamp, confirmed: Bool
    ) -> SessionStep {
        func step(_ action: SessionStep.Action, _ records: [AnnotationRecord] = []) -> SessionStep {
            SessionStep(line: line, command: command, action: action, records: records)
        }
        guard let position = current else { return step(.reject(Self.nothingHere)) }
        if count > 1 && !allowsRuns {
            let error = SessionInputError.runNotAllowed(line.trimmed(of: " \t\r\n"), accepted: labelSet.summary)
            return step(.reject(error.description))
        }
        let documentEnd = corpus.documentRanges[corpus.documentIndex(ofSentenceAt: position)].upperBound
        // A run stays in the document and in the session's scope (a plan's share).
        var runEnd = position + 1
        while runEnd < min(position + count, documentEnd) && ledger.inScope(runEnd) { runEnd += 1 }
        let positions = Array(position..<runEnd)
        let name = labelSet.labels[label].name
        let onScreen = min(1 + context, positions.count)
        if !confirmed && onScreen < positions.count {
            let unseen = positions.count - onScreen
            let range = place(of: positions[onScreen], through: positions[positions.count - 1])
            let noun = unseen == 1 ? "sentence" : "sentences"
            return step(
                .ask(
                    question: "label \(unseen) \(noun) you have not seen as \(name) (\(range))? [y/N] ", label: label,
                    count: count))
        }
        var records: [AnnotationRecord] = []
        for (i, p) in positions.enumerated() {
            let first = i == 0
            let note = pending[p]?.note ?? (first ? existingNote(at: p) : nil)
            let flag = pending[p]?.flag ?? (first ? ledger.isFlagged(p) : false)
            var details = RecordDetails(
                time: time, ms: first ? milliseconds(from: shownAt, to: time) : 0, note: note,
                flag: flag ? true : nil, session: sessionID)
            details.run = !first
            details.suggested = first ? shownSuggestion?.label : nil
            records.append(recordMaker.makeRecord(for: corpus.sentences[p], label: name, details: details))
        }
        let shortfall = positions.count < count ? positions.count : nil
        return step(.decide(positions: positions, label: label, shortfall: shortfall), records)
    }

    /// Retracts the last step of the session's lane, restoring what each decision replaced.
    private func planUndo(line: String, at time: Timestamp) -> SessionStep {
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
        guard !undone.isEmpty else {
            return SessionStep(line: line, command: .undo, action: .inform("nothing to undo"))
        }
        return SessionStep(line: line, command: .undo, action: .undo(undone), records: records)
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

    /// The note of the decision in force at `position`, if any.
    func existingNote(at position: Int) -> String? {
        guard ledger.label(at: position) != nil else { return nil }
        return decisions.table.journals[journal].lane(adjudicated: adjudicated).note(of: corpus.sentences[position].id)
    }

    // MARK: - Applying

    /// Carries out a planned step whose records are stored (at `positions`, one per record; none
    /// needed without records), and says what to show.
    public mutating func apply(_ step: SessionStep, at time: Timestamp, positions: [RecordPosition] = [])
        -> [SessionEvent]
    {
        let affected = Set(step.records.compactMap { corpus.position(of: $0.id) })
        for position in affected { countThisSession(position, by: -1) }
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
        case .decide(let positions, _, _):
            for position in positions { ownRecords[position, default: []].append(true) }
        case .amend(let position):
            ownRecords[position, default: []].append(false)
        case .undo(let undone):
            for (position, _) in undone {
                ownRecords[position]?.removeLast()
                if ownRecords[position]?.isEmpty == true { ownRecords[position] = nil }
            }
        default:
            break
        }
        for position in affected { countThisSession(position, by: 1) }
        return events(for: step, at: time)
    }

    /// Whether the decision in force at `position` was made in this session.
    func isOwnDecision(_ position: Int) -> Bool { ownRecords[position]?.contains(true) ?? false }

    /// Adds (`by: 1`) or removes (`by: -1`) a sentence's share of this session's counts.
    private mutating func countThisSession(_ position: Int, by sign: Int) {
        guard isOwnDecision(position), let label = ledger.label(at: position) else { return }
        countsThisSession[label] += sign
        decisionsThisSession += sign
    }

    private mutating func events(for step: SessionStep, at time: Timestamp) -> [SessionEvent] {
        switch step.action {
        case .none:
            return []
        case .reject(let message):
            return [.problem(message)]
        case .inform(let message):
            return [.message(message)]
        case .ask(let question, let label, let count):
            self.question = question
            awaitingRun = (label, count)
            return []
        case .cancelRun:
            question = nil
            awaitingRun = nil
            return [.message("not labeled: the run was cancelled, nothing was saved")]
        case .decide(let positions, let label, let shortfall):
            question = nil
            awaitingRun = nil
            for position in positions { pending[position] = nil }
            let range = place(of: positions[0], through: positions[positions.count - 1])
            var events: [SessionEvent] = [
                .saved(label: labelSet.labels[label].name, count: positions.count, place: range)
            ]
            if let shortfall, let last = positions.last {
                let documentEnd = corpus.documentRanges[corpus.documentIndex(ofSentenceAt: last)].upperBound
                events.append(
                    .message(
                        last + 1 < documentEnd
                            ? "the run stopped after \(shortfall) sentence\(shortfall == 1 ? "" : "s"): the next one is not in this session's queue"
                            : "only \(shortfall) sentence\(shortfall == 1 ? "" : "s") left in this document"))
            }
            events += (suggestions?.takeNotices() ?? []).map { .message($0) }
            return events + advance(at: time, leaving: true)
        case .undo(let undone):
            // Show the oldest sentence of the step: where the annotator was when it began.
            let position = undone[undone.count - 1].position
            let newest = undone[0].position
            let restored = ledger.label(at: position).map { labelSet.labels[$0].name }
            if position != current {
                if let current { forwardStack.append(current) }
                if backStack.last == position { backStack.removeLast() }
                show(position, at: time)
            }
            pending[position] = nil
            let range = place(of: min(position, newest), through: max(position, newest))
            return [
                .undone(label: undone[undone.count - 1].label, count: undone.count, restored: restored, place: range),
                .show,
            ]
        case .amend:
            switch step.command {
            case .flag?:
                return [.message(current.map { ledger.isFlagged($0) } == true ? "flagged as unsure" : "flag removed")]
            default: return [.message("note saved")]
            }
        case .pendingNote(let position, let text):
            pending[position, default: PendingMark()].note = text
            return [.message("note kept; it is saved with the label you give this sentence")]
        case .pendingFlag(let position, let flag):
            pending[position, default: PendingMark()].flag = flag
            return [.message(flag ? "flagged as unsure; the flag is saved with the label" : "flag removed")]
        case .back:
            if let current { forwardStack.append(current) }
            show(backStack.removeLast(), at: time)
            return [.show]
        case .skip:
            guard let position = current else { return [] }
            if skippedSet.insert(position).inserted { skipped.append(position) }
            var message = "skipped"
            if let mark = pending[position] {
                let kept = [mark.note.map { _ in "note" }, mark.flag == true ? "flag" : nil].compactMap { $0 }
                if !kept.isEmpty {
                    let what = kept.joined(separator: " and ")
                    message +=
                        "; the \(what) on \(place(of: position)) \(kept.count == 1 ? "is" : "are") kept, not saved: "
                        + "saved when you label that sentence"
                }
            }
            return [.message(message)] + advance(at: time, leaving: true)
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
            return [.help, .show]
        case .stats:
            return [.stats(stats(at: time)), .show]
        case .guide(let section):
            return [.guide(section: section), .show]
        case .context(let size):
            let size = size ?? (context == 0 ? shownContext : 0)
            setContext(size)
            let text =
                context == 0
                ? "context off" : "context: \(context) sentence\(context == 1 ? "" : "s") either side"
            return [.message(text), .show]
        case .instant:
            return [.toggleInstant]
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

    mutating func show(_ position: Int, at time: Timestamp) {
        current = position
        shownAt = time
        shownSuggestion = suggestions?.suggestion(at: position)
    }

    /// Tells the suggestion provider what a stored step recorded: each sentence's label (nil
    /// for an undo or an amendment, which teach the model nothing) and its consensus now.
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
    ///
    /// Leaving the last sentence of a document (in a queue in document order) ends that
    /// document with its summary.
    mutating func advance(at time: Timestamp, leaving: Bool) -> [SessionEvent] {
        let left = current
        if leaving, let current { backStack.append(current) }
        if let position = forwardStack.popLast() {
            show(position, at: time)
            return [.show]
        }
        while nextSlot < queue.count {
            let position = queue.positions[nextSlot]
            nextSlot += 1
            if isOwnDecision(position) || position == current { continue }
            let ending = documentEnd(leaving: left, for: position)
            show(position, at: time)
            return ending + [.show]
        }
        let ending = documentEnd(leaving: left, for: nil)
        current = nil
        shownSuggestion = nil
        return ending + [.finished]
    }

    /// The summary of the document of `left` when the queue's next sentence (`next`, nil at
    /// the end) is in another one.
    private func documentEnd(leaving left: Int?, for next: Int?) -> [SessionEvent] {
        guard documentOrder, let left else { return [] }
        let document = corpus.documentIndex(ofSentenceAt: left)
        if let next, corpus.documentIndex(ofSentenceAt: next) == document { return [] }
        return [.documentDone(summary(ofDocument: document))]
    }
}
