/// Reads a gold file for `sentag plan --gold FILE`: JSON lines with at least `id` and `label`.
///
/// Two shapes qualify. Export lines (`{"id", "doc", "text", "label", "split"}`, or any object
/// with a sentence id and a label name) give one gold item each; the same id twice must carry
/// the same label. A journal (an adjudicator's, or any annotator's) is recognised by its first
/// line being a record (`RecordDecoder`), and is read the way every command reads a journal
/// (`JournalDecisions`): its current adjudications, or, when it has none, its current votes;
/// retracted decisions are not gold.
///
/// Every id must be a sentence of the corpus and every label in the label set: anything else is
/// an error naming the lines, so a plan never holds a check that cannot be shown or scored.
public enum GoldFileReader {
    /// Items shown in an error before counting the rest.
    static let examples = 3

    /// The gold items of the file at `path` over `corpus`, in corpus order.
    public static func read(_ path: String, corpus: Corpus, labelSet: LabelSet, sources: [String])
        throws(PlanError) -> [GoldSet.Item]
    {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(path)
        } catch {
            throw .goldUnreadable(path: path, reason: error.reason)
        }
        var entries: [(line: Int, id: SentenceID, label: String)] = []
        // Lines as a journal's are read: a byte order mark first and a CR before each LF are not
        // part of them (a label file saved by an editor on Windows qualifies as it does there).
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        var lines: [ArraySlice<UInt8>] = body.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            $0.last == 0x0D ? $0.dropLast() : $0
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        let firstRecord = lines.firstIndex { !isBlank($0) }.map { index in
            lines[index].withUnsafeBufferPointer {
                if case .success = RecordDecoder.decode($0) { return true }
                return false
            }
        }
        if firstRecord == true {
            entries = try journalEntries(lines, path: path)
        } else {
            entries = try exportEntries(lines, path: path)
        }
        guard !entries.isEmpty else { throw .goldEmpty(path: path) }

        var unknownIDs: [String] = []
        var unknownIDCount = 0
        var unknownLabels: [String] = []
        var unknownLabelCount = 0
        var byID: [SentenceID: (line: Int, label: String)] = [:]
        var items: [(position: Int, item: GoldSet.Item)] = []
        for entry in entries {
            guard let position = corpus.position(of: entry.id) else {
                unknownIDCount += 1
                if unknownIDs.count < examples { unknownIDs.append("line \(entry.line): \(entry.id)") }
                continue
            }
            guard labelSet.contains(entry.label) else {
                unknownLabelCount += 1
                if unknownLabels.count < examples { unknownLabels.append("line \(entry.line): \(entry.label)") }
                continue
            }
            if let earlier = byID[entry.id] {
                guard earlier.label == entry.label else {
                    throw .goldConflict(
                        path: path, id: entry.id.description, lines: [earlier.line, entry.line],
                        labels: [earlier.label, entry.label])
                }
                continue
            }
            byID[entry.id] = (entry.line, entry.label)
            let sentence = corpus.sentences[position]
            items.append(
                (position, GoldSet.Item(id: entry.id, label: entry.label, doc: sentence.doc, index: sentence.index)))
        }
        if unknownIDCount > 0 {
            throw .goldUnknownIDs(path: path, examples: unknownIDs, count: unknownIDCount, sources: sources)
        }
        if unknownLabelCount > 0 {
            throw .goldUnknownLabels(
                path: path, examples: unknownLabels, count: unknownLabelCount, labels: labelSet.names)
        }
        return items.sorted { $0.position < $1.position }.map(\.item)
    }

    /// Export lines (or any objects with `id` and `label`).
    static func exportEntries(_ lines: [ArraySlice<UInt8>], path: String) throws(PlanError)
        -> [(line: Int, id: SentenceID, label: String)]
    {
        var entries: [(line: Int, id: SentenceID, label: String)] = []
        for (index, line) in lines.enumerated() where !isBlank(line) {
            let number = index + 1
            let value: JSONValue
            do {
                value = try JSONParser.parse(Array(line))
            } catch {
                throw .goldLine(path: path, line: number, reason: "not JSON: \(error)")
            }
            guard value.isObject else {
                throw .goldLine(path: path, line: number, reason: "\(value.kindDescription), not an object")
            }
            // As in a journal line (`RecordProblem.duplicateKey`): which of two is meant is not ours to guess.
            if let key = value.repeatedKey {
                throw .goldLine(path: path, line: number, reason: "\"\(key)\" appears twice")
            }
            guard let text = value["id"]?.stringValue, let id = SentenceID(text) else {
                throw .goldLine(path: path, line: number, reason: "\"id\" is missing or not 16 hex digits")
            }
            guard let label = value["label"]?.stringValue else {
                throw .goldLine(path: path, line: number, reason: "\"label\" is missing or not a string")
            }
            entries.append((number, id, label))
        }
        return entries
    }

    /// The current decisions of a journal: adjudications when it has any, else votes.
    static func journalEntries(_ lines: [ArraySlice<UInt8>], path: String) throws(PlanError)
        -> [(line: Int, id: SentenceID, label: String)]
    {
        let annotator =
            lines.lazy.compactMap { line -> String? in
                line.withUnsafeBufferPointer { bytes in
                    guard case .success(let record) = RecordDecoder.decode(bytes) else { return nil }
                    return DecodedRecord.string(record.annotator, in: bytes)
                }
            }.first ?? ""
        var journal = JournalDecisions(annotator: annotator)
        var offset: Int64 = 0
        for (index, line) in lines.enumerated() {
            let position = RecordPosition(line: Int64(index + 1), offset: offset)
            line.withUnsafeBufferPointer { journal.ingest($0, at: position) { "\(path):\($0.line)" } }
            offset += Int64(line.count + 1)
        }
        if let first = journal.warnings.first {
            var reason = first.message
            if reason.hasSuffix("; line skipped") { reason.removeLast("; line skipped".count) }
            throw .goldLine(path: path, line: Self.lineNumber(first.location), reason: reason)
        }
        let lane = journal.adjudications.decisionCount > 0 ? journal.adjudications : journal.votes
        var entries: [(line: Int, id: SentenceID, label: String)] = []
        for (slot, vote) in lane.votes.enumerated() where vote.isDecision {
            guard let label = journal.labelName(vote) else { continue }
            entries.append((Int(vote.position.line), lane.ids[slot], label))
        }
        return entries.sorted { $0.line < $1.line }
    }

    private static func lineNumber(_ location: String) -> Int {
        location.split(separator: ":").last.flatMap { Int($0) } ?? 0
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
