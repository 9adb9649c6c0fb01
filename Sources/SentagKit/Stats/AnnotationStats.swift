/// Labeling progress (`sentag stats`): per annotator, per document, per label, the overlap
/// between annotators, and the records that no longer match a sentence of the sources.
///
/// A decision is what agreement counts as a rating: an annotator's latest non-adjudicated line
/// for a sentence id, unless it retracts. Adjudications are counted apart.
public struct AnnotationStats: Sendable {
    /// Pauses longer than this (seconds) between two labeling lines do not count as active time.
    public static let defaultIdleLimit = 300.0

    public var labels: [String]
    /// Everyone with a label file, sorted (adjudicators included).
    public var annotators: [AnnotatorProgress]
    /// The documents of the sources, in order.
    public var documents: [DocumentCoverage]
    /// Sentences of the sources.
    public var sentences: Int
    /// `overlap[k]`: sentences of the sources with k current decisions (k = 0: not labeled yet).
    public var overlap: [Int]
    /// Current decisions and adjudications whose id matches no sentence of the sources.
    public var orphaned: [OrphanedRecord]
    /// Journal lines skipped as unreadable (listed on standard error by the command).
    public var skippedLines: Int
    /// Pauses longer than this (seconds) between two labeling lines are not active time.
    public var idleLimit: Double
    /// How often each annotator was shown a suggestion and took it.
    public var suggestions: SuggestionEffect?
    /// Pace and attention per annotator, and accuracy on a plan's gold items
    /// (`AnnotationStats+Quality.swift`).
    public var pace: [AnnotatorPace] = []
    public var paceFloor = AnnotatorPace.Floor()
    public var gold: GoldReport?

    /// Distinct sentence ids among the orphaned records.
    public var orphanedItems: Int { Set(orphaned.map(\.id)).count }

    /// How many orphaned records the report quotes with their text (read again from the store).
    public static let quotedOrphans = 50

    /// Progress of every journal of `view` over the sentences of its corpus.
    ///
    /// A store without journals is no error: it is progress zero. The texts of the first
    /// `quotedOrphans` orphaned records are read from `store`.
    public static func compute(
        view: DecisionView, store: (any JournalStore)? = nil, idleLimit: Double = defaultIdleLimit
    ) -> AnnotationStats {
        guard let corpus = view.corpus else { preconditionFailure("stats needs a view with a corpus") }
        let journals = view.table.journals
        let names = journals.map(\.annotator)
        let q = view.labelSet.count
        var progress: [AnnotatorProgress] = []
        var orphaned: [OrphanedRecord] = []
        var ratingsPerSentence = [Int](repeating: 0, count: corpus.count)
        var coveredPerDocument = [[Int]](
            repeating: [Int](repeating: 0, count: names.count), count: corpus.documents.count)
        for (column, journal) in journals.enumerated() {
            var labelCounts = [Int](repeating: 0, count: q)
            var flagged = 0
            var decisions = 0
            view.forEachDecision(journal: column, adjudicated: false) { decision in
                decisions += 1
                labelCounts[decision.label] += 1
                if decision.vote.flagged { flagged += 1 }
                guard let position = decision.position else {
                    preconditionFailure("a view with a corpus gives every decision that counts its position")
                }
                ratingsPerSentence[position] += 1
                coveredPerDocument[corpus.documentIndex(ofSentenceAt: position)][column] += 1
            } orphans: { slot, vote in
                guard let label = view.label(vote.label, journal: column) else { return }
                decisions += 1
                labelCounts[label] += 1
                if vote.flagged { flagged += 1 }
                orphaned.append(
                    Self.orphan(
                        journal, adjudicated: false, slot: slot, vote: vote, label: label, view: view, store: store))
            }
            var adjudications = 0
            view.forEachDecision(journal: column, adjudicated: true) { _ in
                adjudications += 1
            } orphans: { slot, vote in
                guard let label = view.label(vote.label, journal: column) else { return }
                adjudications += 1
                orphaned.append(
                    Self.orphan(
                        journal, adjudicated: true, slot: slot, vote: vote, label: label, view: view, store: store))
            }
            let summary = journal.summary
            let (gaps, active) = summary.gaps.within(idleLimit: idleLimit)
            progress.append(
                AnnotatorProgress(
                    name: journal.annotator, decisions: decisions, labelCounts: labelCounts, records: summary.records,
                    retractions: summary.retractions, adjudications: adjudications, flagged: flagged,
                    activeSeconds: active, labelsPerMinute: active > 0 ? Double(gaps) / (active / 60) : nil,
                    first: summary.firstTime.map(Timestamp.init(millisecondsSince1970:)),
                    last: summary.lastTime.map(Timestamp.init(millisecondsSince1970:))))
        }
        orphaned.sort { ($0.annotator, $0.line) < ($1.annotator, $1.line) }
        if let store { quoteTexts(&orphaned, store: store) }
        var overlap = [Int](repeating: 0, count: names.count + 1)
        for count in ratingsPerSentence { overlap[count] += 1 }
        let documents = corpus.documents.enumerated().map { index, document in
            let range = corpus.documentRanges[index]
            return DocumentCoverage(
                doc: document.id, sentences: range.count,
                labeled: ratingsPerSentence[range].filter { $0 > 0 }.count, covered: coveredPerDocument[index])
        }
        var stats = AnnotationStats(
            labels: view.labelSet.names, annotators: progress, documents: documents, sentences: corpus.count,
            overlap: overlap, orphaned: orphaned, skippedLines: view.table.warnings.total, idleLimit: idleLimit)
        stats.suggestions = try? SuggestionEffect.compute(view: view)
        return stats
    }

    private static func orphan(
        _ journal: JournalDecisions, adjudicated: Bool, slot: Int, vote: CurrentVote, label: Int, view: DecisionView,
        store: (any JournalStore)?
    ) -> OrphanedRecord {
        OrphanedRecord(
            annotator: journal.annotator,
            path: store?.journalLocation(journal.annotator) ?? journal.annotator, line: Int(vote.position.line),
            offset: vote.position.offset, id: journal.lane(adjudicated: adjudicated).ids[slot],
            doc: journal.docNames[Int(vote.doc)], index: Int(vote.index), text: nil, label: view.labelSet.names[label],
            adjudicated: adjudicated)
    }

    /// Reads the texts of the first `quotedOrphans` orphaned records again.
    static func quoteTexts(_ orphaned: inout [OrphanedRecord], store: any JournalStore) {
        let quoted = orphaned.indices.prefix(quotedOrphans)
        var byAnnotator: [String: [Int]] = [:]
        for index in quoted { byAnnotator[orphaned[index].annotator, default: []].append(index) }
        for (annotator, indices) in byAnnotator {
            let positions = indices.map { RecordPosition(line: Int64(orphaned[$0].line), offset: orphaned[$0].offset) }
            guard let lines = try? store.readRecords(annotator, at: positions) else { continue }
            for (index, line) in zip(indices, lines) {
                guard let line else { continue }
                orphaned[index].text = line.withUnsafeBufferPointer { try? AnnotationRecord(jsonLine: $0).text }
            }
        }
    }

    public init(
        labels: [String], annotators: [AnnotatorProgress], documents: [DocumentCoverage], sentences: Int,
        overlap: [Int],
        orphaned: [OrphanedRecord], skippedLines: Int, idleLimit: Double
    ) {
        self.labels = labels
        self.annotators = annotators
        self.documents = documents
        self.sentences = sentences
        self.overlap = overlap
        self.orphaned = orphaned
        self.skippedLines = skippedLines
        self.idleLimit = idleLimit
    }
}
