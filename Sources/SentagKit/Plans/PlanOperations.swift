/// What `sentag plan` does in each of its modes, as functions of the store that return what to
/// print, so the command stays wiring and the modes are testable without a process.
///
/// Every mode that changes the plan writes it through `PlanDocument.write` with the bytes it
/// read, so two leads at once never both win, and nothing is written when anything fails.
public enum PlanOperations {
    /// What to print: lines on standard output, warnings on standard error.
    public struct Output: Sendable {
        public var lines: [String]
        public var warnings: [String]

        public init(lines: [String], warnings: [String] = []) {
            self.lines = lines
            self.warnings = warnings
        }
    }

    /// `sentag plan --annotators …`: makes the plan and writes it (replacing the store's with
    /// `replace`).
    public static func make(_ options: PlanMaker.Options, replace: Bool, store: any JournalStore) throws -> Output {
        let labelSet = try LabelSet.load(from: store)
        let corpus = try Corpus.load(options.sources, cache: store.cache)
        let previous = try store.readDocument(.plan)
        if let previous, !replace {
            // The same plan again is no error (a second lead, a script run twice); another is.
            let plan = try PlanMaker.make(options, corpus: corpus, labelSet: labelSet)
            if plan.jsonBytes == previous { return Output(lines: unchanged(store)) }
            let summary = (try? Plan(jsonBytes: previous, location: PlanDocument.location(in: store)))?.summary
            throw PlanError.planExists(location: PlanDocument.location(in: store), summary: summary ?? "unreadable")
        }
        let plan = try PlanMaker.make(options, corpus: corpus, labelSet: labelSet)
        let outcome = try PlanDocument.write(plan, replacing: replace ? previous : nil, in: store)
        if outcome == .unchanged { return Output(lines: unchanged(store)) }
        let assignment = try WorkAssignment(plan: plan)
        let match = PlanCorpusMatch(plan: plan, documents: assignment.documents, corpus: corpus)
        var lines = ["\(PlanDocument.location(in: store)): \(plan.summary)"]
        lines += shares(assignment, match: match)
        lines.append(
            "Each annotator labels their share with 'sentag label --annotator NAME'; 'sentag plan --status' shows "
                + "progress. Share the plan with the journals (commit and push \(StoreDocument.plan.rawValue), or "
                + "copy the folder).")
        var warnings: [String] = []
        for source in plan.sources where source.hasPrefix("/") {
            warnings.append(
                "warning: the plan records the source '\(source)' as given; every machine needs it at that path "
                    + "(a path relative to the project, run from its root, travels better)")
        }
        return Output(lines: lines, warnings: warnings)
    }

    private static func unchanged(_ store: any JournalStore) -> [String] {
        ["\(PlanDocument.location(in: store)) already holds this very plan; nothing changed"]
    }

    /// Per annotator, the single units the store says they hold: the plan's shares in a folder,
    /// what each claimed from the shared pool in a database (claiming nothing).
    static func heldUnits(_ assignment: WorkAssignment, store: any JournalStore) throws -> [String: [String]] {
        var held: [String: [String]] = [:]
        for name in assignment.annotators {
            held[name] = try store.singleUnits(assignment.singleUnitRequest(for: name, more: 0))
        }
        return held
    }

    /// One line per annotator: their share.
    static func shares(_ assignment: WorkAssignment, match: PlanCorpusMatch) -> [String] {
        var rows: [[String]] = []
        for name in assignment.annotators {
            let queue = assignment.queue(for: name, in: match)
            var parts: [String] = []
            let overlap = queue.count(of: .overlap)
            let gold = queue.count(of: .gold)
            if overlap > 0 { parts.append("\(ReportText.count(overlap)) shared") }
            if gold > 0 { parts.append("\(ReportText.count(gold)) gold") }
            if queue.isAbsent { parts.append("absent") }
            rows.append([
                name, "\(ReportText.count(queue.count)) sentence\(queue.count == 1 ? "" : "s")",
                parts.isEmpty ? "" : "(" + parts.joined(separator: ", ") + ")",
            ])
        }
        return ReportText.table(rows, leftAligned: [0, 2])
    }

    /// The store's plan with the project read against it (sources: those given, else the
    /// plan's).
    struct Loaded {
        var plan: Plan
        var bytes: [UInt8]
        var assignment: WorkAssignment
        var match: PlanCorpusMatch
        var project: ProjectSnapshot
        var progress: PlanProgress
    }

    static func load(sources given: [String], store: any JournalStore) throws -> Loaded {
        let (plan, bytes) = try PlanDocument.require(from: store)
        let assignment = try WorkAssignment(plan: plan, location: PlanDocument.location(in: store))
        let sources = given.isEmpty ? plan.sources : given
        let project = try ProjectSnapshot.read(store, sources: sources)
        guard let corpus = project.view.corpus else { preconditionFailure("a snapshot with sources has a corpus") }
        let match = try PlanCorpusMatch.checked(assignment, corpus: corpus, sources: sources, store: store)
        let progress = PlanProgress(view: project.view, roster: plan.annotators)
        return Loaded(
            plan: plan, bytes: bytes, assignment: assignment, match: match, project: project, progress: progress)
    }

    /// `sentag plan --status`: the readable report, or one JSON line.
    public static func status(
        sources: [String], json: Bool, style: TerminalStyle = TerminalStyle(enabled: false), store: any JournalStore
    )
        throws -> Output
    {
        let loaded = try load(sources: sources, store: store)
        let status = PlanStatus.compute(
            assignment: loaded.assignment, match: loaded.match, progress: loaded.progress,
            singleUnits: try heldUnits(loaded.assignment, store: store))
        let text =
            json
            ? String(decoding: status.jsonLine.dropLast(), as: UTF8.self) : String(status.text(style: style).dropLast())
        return Output(lines: [text], warnings: loaded.project.warningLines)
    }

    /// `sentag plan --queue NAME`: an annotator's queue in order, one line per sentence
    /// (`doc:n kind text`, or with `json` `{"id", "doc", "index", "kind", "done"}`), for the lead.
    public static func queue(_ annotator: String, sources: [String], json: Bool, store: any JournalStore) throws
        -> Output
    {
        let loaded = try load(sources: sources, store: store)
        guard let number = loaded.assignment.number(of: annotator) else {
            throw PlanError.notInRoster(
                annotator: annotator, roster: loaded.plan.annotators, location: PlanDocument.location(in: store))
        }
        let held = try store.singleUnits(loaded.assignment.singleUnitRequest(for: annotator, more: 0))
        let queue = loaded.assignment.queue(for: annotator, in: loaded.match, singleUnits: held)
        let sentences = loaded.match.corpus.sentences
        var lines: [String] = []
        lines.reserveCapacity(queue.count)
        for (slot, position) in queue.positions.enumerated() {
            let sentence = sentences[position]
            let kind = queue.kinds[slot]
            let done = loaded.progress.hasDecided(number, position)
            if json {
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("id", sentence.id.description)
                writer.field("doc", sentence.doc)
                writer.field("index", sentence.index)
                writer.field("kind", "\(kind)")
                writer.field("done", done)
                writer.endObject()
                lines.append(String(decoding: writer.bytes, as: UTF8.self))
            } else {
                lines.append(
                    "\(done ? "✓" : " ") \(TerminalText.visible(sentence.doc)):\(sentence.index + 1)  \(kind)  "
                        + TerminalText.visible(sentence.text))
            }
        }
        return Output(lines: lines, warnings: loaded.project.warningLines)
    }

    /// `sentag plan --rebalance`: hands the unstarted work of `absent` (or of everyone idle for
    /// `idleSeconds`) to the others.
    public static func rebalance(
        sources: [String], absent named: [String]?, idleSeconds: Double?, now: Timestamp = .now(),
        store: any JournalStore
    ) throws -> Output {
        let loaded = try load(sources: sources, store: store)
        var names = named ?? []
        if let idleSeconds {
            // Past half of Int64's milliseconds (146 million years, or NaN) no label is that old.
            let longest = Double(Int64.max / 2)
            let span = idleSeconds * 1000 < longest ? max(0, idleSeconds * 1000) : longest
            let cutoff = Timestamp(millisecondsSince1970: now.millisecondsSince1970 - Int64(span))
            names = PlanRebalancer.idle(loaded.assignment, progress: loaded.progress, before: cutoff)
            if names.isEmpty {
                return Output(
                    lines: ["nobody present has been idle that long; nothing to rebalance"],
                    warnings: loaded.project.warningLines)
            }
        }
        guard
            let plan = try PlanRebalancer.rebalance(
                loaded.assignment, match: loaded.match, progress: loaded.progress, absent: names)
        else {
            return Output(
                lines: [
                    "\(names.joined(separator: ", ")) already absent, with no unstarted work left; nothing changed"
                ],
                warnings: loaded.project.warningLines)
        }
        _ = try PlanDocument.write(plan, replacing: loaded.bytes, in: store)
        var lines: [String] = []
        if case .rebalanced(let absent, let moves)? = plan.history.last {
            lines.append(
                describe(moves, who: absent, verb: "absent now", assignment: loaded.assignment, match: loaded.match))
        }
        return Output(
            lines: lines + written(plan, store: store, match: loaded.match), warnings: loaded.project.warningLines)
    }

    /// `sentag plan --add`: new annotators (or absent ones back) take unstarted work.
    public static func add(_ names: [String], sources: [String], store: any JournalStore) throws -> Output {
        let loaded = try load(sources: sources, store: store)
        let plan = try PlanRebalancer.add(
            loaded.assignment, match: loaded.match, progress: loaded.progress, names: names)
        _ = try PlanDocument.write(plan, replacing: loaded.bytes, in: store)
        var lines: [String] = []
        if case .added(let added, let moves)? = plan.history.last {
            lines.append(
                describe(moves, who: added, verb: "on the roster", assignment: loaded.assignment, match: loaded.match))
        }
        return Output(
            lines: lines + written(plan, store: store, match: loaded.match), warnings: loaded.project.warningLines)
    }

    /// `sentag plan --extend`: plans the documents the corpus gained (or changed) since.
    public static func extend(sources: [String], store: any JournalStore) throws -> Output {
        let loaded = try load(sources: sources, store: store)
        guard let plan = try PlanMaker.extend(loaded.plan, match: loaded.match) else {
            return Output(
                lines: ["the corpus is the one the plan covers (\(loaded.plan.corpus.description)); nothing to extend"],
                warnings: loaded.project.warningLines)
        }
        _ = try PlanDocument.write(plan, replacing: loaded.bytes, in: store)
        let match = loaded.match
        var parts: [String] = []
        let fresh = match.added.count + match.changed.count
        if fresh > 0 {
            parts.append(
                "\(fresh) document\(fresh == 1 ? "" : "s") planned among \(plan.present.joined(separator: ", "))"
                    + (match.changed.isEmpty ? "" : " (\(match.changed.count) of them edited: their new sentences)"))
        }
        if !match.removed.isEmpty {
            parts.append("\(match.removed.count) document\(match.removed.count == 1 ? "" : "s") left the plan")
        }
        return Output(
            lines: [parts.joined(separator: "; ")] + written(plan, store: store, match: match),
            warnings: loaded.project.warningLines)
    }

    /// The sentence that reports `moves`.
    ///
    /// For example `alice absent now: 5 units (40 sentences) handed to bob (20) and carol (20); 3
    /// sentences alice had decided stay hers.`
    static func describe(
        _ moves: [UnitMove], who: [String], verb: String, assignment: WorkAssignment, match: PlanCorpusMatch
    ) -> String {
        var given: [String: Int] = [:]
        var kept = 0
        var total = 0
        var unitAt: [String: Int] = [:]
        if !moves.isEmpty {
            for unit in 0..<assignment.unitCount {
                unitAt["\(assignment.unitDocument[unit]):\(assignment.unitStart[unit])"] = unit
            }
        }
        var entryOf: [String: Int] = [:]
        for (entry, document) in assignment.documents.enumerated() { entryOf[document.id] = entry }
        for move in moves {
            guard let entry = entryOf[move.doc], let unit = unitAt["\(entry):\(move.start)"],
                let range = assignment.corpusRange(unit, in: match)
            else { continue }
            let sentences = range.filter { !match.isGold[$0] }.count - move.keep.count
            given[move.to, default: 0] += sentences
            total += sentences
            kept += move.keep.count
        }
        var line = "\(who.joined(separator: ", ")) \(verb)"
        if moves.isEmpty {
            line += ": no unstarted work to move."
            return line
        }
        let recipients = given.sorted { $0.key < $1.key }.map { "\($0.key) (\(ReportText.count($0.value)))" }
        line +=
            ": \(moves.count) unit\(moves.count == 1 ? "" : "s") (\(ReportText.count(total)) sentence\(total == 1 ? "" : "s")) "
            + "went to \(ReportText.list(recipients))"
        if kept > 0 {
            line +=
                "; \(ReportText.count(kept)) sentence\(kept == 1 ? "" : "s") already decided stay with who decided them"
        }
        return line + "."
    }

    /// The closing lines after a change: the new shares, and how to pass the plan on.
    static func written(_ plan: Plan, store: any JournalStore, match: PlanCorpusMatch) -> [String] {
        var lines = ["\(PlanDocument.location(in: store)) updated: \(plan.summary)"]
        if let assignment = try? WorkAssignment(plan: plan) {
            let rematched = PlanCorpusMatch(plan: plan, documents: assignment.documents, corpus: match.corpus)
            lines += shares(assignment, match: rematched)
        }
        lines.append(
            "Every machine derives the same queues from this plan: commit and push it (or copy it) before anyone labels on."
        )
        return lines
    }
}
