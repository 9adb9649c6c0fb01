/// A plan's documents matched against the corpus at hand: which planned document is which
/// corpus document, and what differs (documents added, edited or removed since the plan).
///
/// A planned document counts only when the corpus has a document with its id and the same
/// sentence ids (`CorpusHash.document`); an edited one is left out of every queue until
/// `plan --extend` plans its new version, so a queue never holds a sentence the plan did not
/// assign. When the corpus hash equals the plan's, nothing is compared document by document.
public struct PlanCorpusMatch: Sendable {
    public let corpus: Corpus
    /// Per document of the plan (`Plan.documents` order): its index in the corpus, -1 when it
    /// is missing or differs.
    public let corpusDocument: [Int32]
    /// Corpus documents the plan does not cover, in corpus order.
    public let added: [String]
    /// Documents whose sentences differ from the plan's.
    public let changed: [String]
    /// Documents of the plan the corpus does not have.
    public let removed: [String]
    /// Per corpus position: a gold item of the plan.
    public let isGold: [Bool]

    /// Matches `documents` (the plan's, `Plan.documents`) against `corpus`.
    public init(plan: Plan, documents: [PlannedDocument], corpus: Corpus) {
        self.corpus = corpus
        let exact =
            plan.corpus.sentences == corpus.count && plan.corpus.documents == corpus.documents.count
            && documents.count == corpus.documents.count && CorpusHash.corpus(corpus) == plan.corpus.hash
        var mapping = [Int32](repeating: -1, count: documents.count)
        var changed: [String] = []
        var removed: [String] = []
        var covered = [Bool](repeating: false, count: corpus.documents.count)
        for (index, document) in documents.enumerated() {
            guard let found = corpus.documentIndex(of: document.id) else {
                removed.append(document.id)
                continue
            }
            covered[found] = true
            // The count is checked even when the corpus hash matches: a miscounted history entry
            // (a hand edit, a bad merge) would otherwise make units past the document's end.
            if corpus.documentRanges[found].count == document.sentences
                && (exact || CorpusHash.document(corpus, found) == document.hash)
            {
                mapping[index] = Int32(found)
            } else {
                changed.append(document.id)
            }
        }
        self.corpusDocument = mapping
        self.changed = changed
        self.removed = removed
        self.added = corpus.documents.indices.filter { !covered[$0] }.map { corpus.documents[$0].id }
        var isGold = [Bool](repeating: false, count: corpus.count)
        for item in plan.gold?.items ?? [] {
            if let position = corpus.position(of: item.id) { isGold[position] = true }
        }
        self.isGold = isGold
    }

    /// True when the corpus is exactly the one the plan covers.
    public var isExact: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// Planned documents found unchanged.
    public var matchedDocuments: Int { corpusDocument.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

    /// What differs, for people: `2 documents added (x, y), 1 edited (z)`; nil when nothing does.
    public var differences: String? {
        guard !isExact else { return nil }
        func list(_ ids: [String]) -> String {
            ids.prefix(3).map { TerminalText.visible($0) }.joined(separator: ", ") + (ids.count > 3 ? ", …" : "")
        }
        var parts: [String] = []
        if !added.isEmpty {
            parts.append("\(added.count) document\(added.count == 1 ? "" : "s") added (\(list(added)))")
        }
        if !changed.isEmpty { parts.append("\(changed.count) edited (\(list(changed)))") }
        if !removed.isEmpty { parts.append("\(removed.count) removed (\(list(removed)))") }
        return parts.joined(separator: ", ")
    }
}

extension PlanCorpusMatch {
    /// The match of `assignment`'s documents in `corpus`; throws `PlanError.otherCorpus` when
    /// not one planned document is found unchanged (a plan for another corpus).
    public static func checked(
        _ assignment: WorkAssignment, corpus: Corpus, sources: [String], store: any JournalStore
    ) throws(PlanError) -> PlanCorpusMatch {
        let match = PlanCorpusMatch(plan: assignment.plan, documents: assignment.documents, corpus: corpus)
        if match.matchedDocuments == 0 && !assignment.documents.isEmpty {
            throw .otherCorpus(
                location: PlanDocument.location(in: store),
                planned:
                    "\(assignment.plan.corpus.description) from \(assignment.plan.sources.joined(separator: ", "))",
                sources: sources, found: CorpusSummary(corpus).description)
        }
        return match
    }
}
