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
    /// Unreadable lines that were skipped.
    public var warnings: [LabelFileWarning]
    /// Pauses longer than this (seconds) between two labeling lines are not active time.
    public var idleLimit: Double

    /// Distinct sentence ids among the orphaned records.
    public var orphanedItems: Int { Set(orphaned.map(\.id)).count }

    /// Progress of the label files in `directory` over the sentences of `corpus`. A folder without
    /// label files is no error: it is progress zero.
    public static func compute(
        directory: AnnotationsDirectory, corpus: Corpus, labelSet: LabelSet, idleLimit: Double = defaultIdleLimit
    ) throws(AnnotationError) -> AnnotationStats {
        let names = try directory.annotators()
        let files = try LabelFileIndex.read(paths: names.map { directory.labelFilePath(for: $0) })
        var labelMaps: [[Int16]] = []
        for file in files { labelMaps.append(try file.labelPositions(in: labelSet)) }

        let q = labelSet.count
        var progress: [AnnotatorProgress] = []
        var orphaned: [OrphanedRecord] = []
        var warnings: [LabelFileWarning] = []
        var ratingsPerSentence = [Int](repeating: 0, count: corpus.count)
        var coveredPerDocument = [[Int]](
            repeating: [Int](repeating: 0, count: names.count), count: corpus.documents.count)
        for (column, file) in files.enumerated() {
            warnings += file.warnings
            let current = file.currentDecisions(adjudicated: false)
            let adjudications = file.currentDecisions(adjudicated: true)
            var labelCounts = [Int](repeating: 0, count: q)
            var flagged = 0
            var orphanEntries: [(LabelFileEntry, Bool)] = []
            for position in current.values {
                let entry = file.entries[position]
                labelCounts[Int(labelMaps[column][Int(entry.label)])] += 1
                if entry.flagged { flagged += 1 }
                if let sentence = corpus.position(of: entry.id) {
                    ratingsPerSentence[sentence] += 1
                    coveredPerDocument[corpus.documentIndex(ofSentenceAt: sentence)][column] += 1
                } else {
                    orphanEntries.append((entry, false))
                }
            }
            for position in adjudications.values where corpus.position(of: file.entries[position].id) == nil {
                orphanEntries.append((file.entries[position], true))
            }
            // Times come from one more pass over the file; the orphans' texts from their records.
            let entryTimes = RecordTimes.read(file)
            var times: [Timestamp] = []
            var labeling = 0
            for (position, entry) in file.entries.enumerated() where !entry.isRetraction {
                labeling += 1
                if let time = entryTimes[position] { times.append(time) }
            }
            let (records, unreadable) = readRecords(file, orphanEntries.map(\.0))
            warnings += unreadable
            let (active, perMinute) = AnnotatorProgress.pace(times: times, idleLimit: idleLimit)
            orphanEntries.sort { $0.0.line < $1.0.line }
            for (entry, adjudicated) in orphanEntries {
                let record = records[entry.line]
                orphaned.append(
                    OrphanedRecord(
                        annotator: names[column], path: file.path, line: Int(entry.line), id: entry.id,
                        doc: record?.doc ?? "?", index: record?.index ?? -1, text: record?.text ?? "",
                        label: labelSet.names[Int(labelMaps[column][Int(entry.label)])], adjudicated: adjudicated))
            }
            progress.append(
                AnnotatorProgress(
                    name: names[column], decisions: current.count, labelCounts: labelCounts,
                    records: file.entries.count,
                    retractions: file.entries.count - labeling, adjudications: adjudications.count,
                    flagged: flagged,
                    activeSeconds: active, labelsPerMinute: perMinute, first: times.min(), last: times.max()))
        }
        var overlap = [Int](repeating: 0, count: names.count + 1)
        for count in ratingsPerSentence { overlap[count] += 1 }
        let documents = corpus.documents.enumerated().map { index, document in
            let range = corpus.documentRanges[index]
            return DocumentCoverage(
                doc: document.id, sentences: range.count,
                labeled: ratingsPerSentence[range].filter { $0 > 0 }.count, covered: coveredPerDocument[index])
        }
        return AnnotationStats(
            labels: labelSet.names, annotators: progress, documents: documents, sentences: corpus.count,
            overlap: overlap, orphaned: orphaned, warnings: warnings, idleLimit: idleLimit)
    }

    /// The full records of `entries`, by line number; a record that cannot be read again (the
    /// file changed since it was indexed) becomes a warning instead of failing the whole report.
    static func readRecords(
        _ file: LabelFileIndex, _ entries: [LabelFileEntry]
    ) -> (records: [Int32: AnnotationRecord], warnings: [LabelFileWarning]) {
        var byLine: [Int32: AnnotationRecord] = [:]
        byLine.reserveCapacity(entries.count)
        if let records = try? file.records(entries) {
            for (entry, record) in zip(entries, records) { byLine[entry.line] = record }
            return (byLine, [])
        }
        var warnings: [LabelFileWarning] = []
        for entry in entries where byLine[entry.line] == nil {
            do {
                byLine[entry.line] = try file.record(entry)
            } catch {
                warnings.append(
                    LabelFileWarning(
                        path: file.path, line: Int(entry.line), reason: "cannot be read again (\(error.description))"))
            }
        }
        return (byLine, warnings)
    }

    public init(
        labels: [String], annotators: [AnnotatorProgress], documents: [DocumentCoverage], sentences: Int,
        overlap: [Int],
        orphaned: [OrphanedRecord], warnings: [LabelFileWarning], idleLimit: Double
    ) {
        self.labels = labels
        self.annotators = annotators
        self.documents = documents
        self.sentences = sentences
        self.overlap = overlap
        self.orphaned = orphaned
        self.warnings = warnings
        self.idleLimit = idleLimit
    }
}
