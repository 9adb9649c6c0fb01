import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sentag export`: label files in, a training dataset out.
///
/// 1. Each label file is read once into a `LabelFileIndex` (compact entries, no String per line;
///    the files are scanned concurrently).
/// 2. A `VoteTable` gathers every id's current votes and adjudication; `LabelDecider` applies the
///    policy, `--min-votes` and `--drop`.
/// 3. Only the kept items' lines are read again (`SentenceFieldReader`: few large `pread`s, only
///    `doc`, `index` and `text` decoded).
/// 4. `DocumentSplitter` shares the documents out; the examples are written, sorted by document
///    and position, into a staging folder with their SHA-256 computed on the way, then the
///    dataset card and the manifest; `AtomicDirectoryReplacement` swaps the folder into place.
///
/// On the benchmark (1M lines, three annotators, ~330 MB) this takes about 1.5 s; see
/// `Sources/sentag-bench/ExportBenchmark.swift`.
public enum DatasetExporter {
    /// At most this many bad-line warnings are passed on one by one; the rest are counted.
    static let warningLimit = 20

    /// Runs the export and returns its manifest. `warn` receives each warning (bad lines in the
    /// label files, leftovers of a killed run cleaned up, too few documents for a split) as it
    /// comes.
    public static func export(_ configuration: ExportConfiguration, warn: (String) -> Void = { _ in }) throws
        -> ExportManifest
    {
        let annotations = AnnotationsDirectory(path: configuration.annotationsDirectory)
        let labelSet = try annotations.labelSet()
        let names = try annotations.annotators()
        if names.isEmpty { throw AnnotationError.noLabelFiles(directory: configuration.annotationsDirectory) }
        let decider = try makeDecider(configuration, labelSet: labelSet, names: names)

        let destination = try AtomicDirectoryReplacement(target: configuration.outputDirectory)
        for note in destination.recoverAbandoned() { warn(note) }
        try destination.checkReplaceable()

        let indexes = try LabelFileIndex.read(paths: names.map { annotations.labelFilePath(for: $0) })
        passOnLineWarnings(indexes, warn)
        let table = try VoteTable(indexes: indexes, labels: labelSet)
        let agreement = ExportAgreementSummary(report: try AgreementReport.compute(files: indexes, labelSet: labelSet))

        let decisions = decide(table, decider)
        if decisions.kept.isEmpty { throw noExamples(decisions, configuration) }
        var (examples, documentOfExample, documentNames) = try readExamples(
            decisions.kept, table: table, indexes: indexes, names: names, labelSet: labelSet)
        let (order, emptySplits) = assignSplits(
            &examples, documentOfExample: documentOfExample, documentNames: documentNames,
            configuration: configuration)
        var warnings: [String] = []
        if !emptySplits.isEmpty {
            let message =
                "only \(documentNames.count) document\(documentNames.count == 1 ? "" : "s") to share out; "
                + "\(emptySplits.map(\.name).joined(separator: " and ")) \(emptySplits.count == 1 ? "is" : "are") "
                + "empty (splits are by document; label more documents or change --split)"
            warnings.append(message)
            warn(message)
        }

        let exportedLabels = labelSet.names.enumerated().filter { !decider.dropped[$0.offset] }.map(\.element)
        let staging = try destination.createStaging()
        do {
            let (summaries, checksums) = try writeSplits(
                examples, order: order, documentOfExample: documentOfExample, labels: exportedLabels,
                into: staging, configuration: configuration)
            var manifest = ExportManifest(
                sentagVersion: configuration.sentagVersion, configuration: configuration, labels: exportedLabels,
                annotators: names.indices.filter { table.hasVotes(column: $0) }.map { names[$0] },
                adjudicators: table.adjudicatorColumns.sorted().map { names[$0] },
                sources: indexes.map {
                    ExportManifest.Source(
                        file: $0.path, annotator: $0.annotator, lines: $0.entries.count, skippedLines: $0.warnings.count
                    )
                },
                items: decisions.items, splits: summaries, leftOut: decisions.leftOut, agreement: agreement,
                warnings: warnings, checksums: checksums)
            let card = Array(DatasetCard.markdown(for: manifest, labelSet: labelSet).utf8)
            let cardChecksum = try HashingFileWriter.writeFile(
                FileSystem.join(staging, "README.md"), card, digest: configuration.sha256)
            manifest.checksums.append(("README.md", cardChecksum))
            _ = try HashingFileWriter.writeFile(
                FileSystem.join(staging, "manifest.json"), manifest.fileContents, digest: configuration.sha256)

            pauseForTest(.beforeSwap, configuration)
            try destination.install()
            return manifest
        } catch {
            destination.discardStaging()
            throw error
        }
    }

    /// Checks `--drop` and `annotator:NAME` against the label set and the label files.
    static func makeDecider(_ configuration: ExportConfiguration, labelSet: LabelSet, names: [String]) throws
        -> LabelDecider
    {
        var dropped: Set<Int> = []
        for name in configuration.droppedLabels {
            guard let position = labelSet.index(of: name) else {
                throw ExportError.unknownDropLabel(name, known: labelSet.names)
            }
            dropped.insert(position)
        }
        var annotatorColumn: Int?
        if case .annotator(let name) = configuration.policy {
            guard let column = names.firstIndex(of: name) else {
                throw AnnotationError.unknownAnnotator(name: name, known: names)
            }
            annotatorColumn = column
        }
        return LabelDecider(
            policy: configuration.policy, minVotes: configuration.minVotes, labelCount: labelSet.count,
            droppedLabels: dropped, annotatorColumn: annotatorColumn)
    }

    private static func passOnLineWarnings(_ indexes: [LabelFileIndex], _ warn: (String) -> Void) {
        var count = 0
        for index in indexes {
            for warning in index.warnings {
                if count < warningLimit { warn(warning.description) }
                count += 1
            }
        }
        if count > warningLimit { warn("\(count - warningLimit) more lines skipped in the label files") }
    }

    /// What the policy made of every item.
    struct Decisions {
        var kept: [KeptItem] = []
        /// By `LeftOutReason.rawValue`.
        var leftOut = [Int](repeating: 0, count: LeftOutReason.allCases.count)
        /// Ids with at least one current vote or adjudication.
        var items = 0
    }

    /// An item the policy kept, and the line to read its text from (the adjudication, or the
    /// vote of the first annotator, in name order, who gave the kept label).
    struct KeptItem {
        var row: Int32
        var label: Int32
        var adjudicated: Bool
        var column: Int32
        var entry: Int32
    }

    static func decide(_ table: VoteTable, _ decider: LabelDecider) -> Decisions {
        var decisions = Decisions()
        var counts = [Int32](repeating: 0, count: decider.labelCount)
        for row in 0..<table.rows {
            let adjudication = table.adjudications[row]
            let decision = table.withVotes(ofRow: row) { votes -> LabelDecider.Decision? in
                guard adjudication >= 0 || votes.contains(where: { $0 >= 0 }) else { return nil }
                return decider.decide(votes: votes, adjudication: adjudication, counts: &counts)
            }
            guard let decision else { continue }  // every line for the id retracted
            decisions.items += 1
            switch decision {
            case .leaveOut(let reason):
                decisions.leftOut[reason.rawValue] += 1
            case .keep(let label, let adjudicated):
                let column: Int
                let entry: Int32
                if adjudicated {
                    column = Int(table.adjudicationColumns[row])
                    entry = table.adjudicationEntries[row]
                } else {
                    let base = row * table.columns
                    column = (0..<table.columns).first { table.votes[base + $0] == Int32(label) }!
                    entry = table.voteEntries[base + column]
                }
                decisions.kept.append(
                    KeptItem(
                        row: Int32(row), label: Int32(label), adjudicated: adjudicated, column: Int32(column),
                        entry: entry))
            }
        }
        return decisions
    }

    private static func noExamples(_ decisions: Decisions, _ configuration: ExportConfiguration) -> ExportError {
        let detail: String
        if decisions.items == 0 {
            detail = "the label files hold no current decision (every line is retracted or unreadable)"
        } else {
            let reasons = LeftOutReason.allCases.filter { decisions.leftOut[$0.rawValue] > 0 }
                .map { "\($0): \(decisions.leftOut[$0.rawValue])" }.joined(separator: ", ")
            detail =
                "policy \(configuration.policy) left out all \(decisions.items) items (\(reasons)); "
                + "try another --policy, a lower --min-votes or fewer --drop labels"
        }
        return .noExamples(annotations: configuration.annotationsDirectory, detail: detail)
    }

    /// Sets each example's split (documents in canonical order, bytewise by id, whatever order
    /// the files were read in) and returns the writing order (by document, then position, then
    /// id) and the requested splits that got no document.
    static func assignSplits(
        _ examples: inout [ExportExample], documentOfExample: [Int], documentNames: [String],
        configuration: ExportConfiguration
    ) -> (order: [Int], emptySplits: [DatasetSplit]) {
        let canonical = documentNames.indices.sorted {
            documentNames[$0].utf8.lexicographicallyPrecedes(documentNames[$1].utf8)
        }
        var rank = [Int](repeating: 0, count: documentNames.count)
        for (position, document) in canonical.enumerated() { rank[document] = position }
        var sentenceCounts = [Int](repeating: 0, count: documentNames.count)
        for document in documentOfExample { sentenceCounts[rank[document]] += 1 }
        let splitOfRank = DocumentSplitter(ratios: configuration.ratios, seed: configuration.seed)
            .assign(sentenceCounts: sentenceCounts)
        for position in examples.indices {
            examples[position].split = splitOfRank[rank[documentOfExample[position]]]
        }
        let order = examples.indices.sorted { a, b in
            let ra = rank[documentOfExample[a]]
            let rb = rank[documentOfExample[b]]
            if ra != rb { return ra < rb }
            if examples[a].index != examples[b].index { return examples[a].index < examples[b].index }
            return examples[a].id < examples[b].id
        }
        let empty = DatasetSplit.allCases.filter { configuration.ratios.fraction($0) > 0 && !splitOfRank.contains($0) }
        return (order, empty)
    }

    /// Writes train, dev and test into `staging`; returns their summaries and checksums.
    static func writeSplits(
        _ examples: [ExportExample], order: [Int], documentOfExample: [Int], labels: [String], into staging: String,
        configuration: ExportConfiguration
    ) throws -> ([ExportManifest.SplitSummary], [(String, String)]) {
        var encoder = ExampleLineEncoder(format: configuration.format, labels: labels, soft: configuration.soft)
        var summaries: [ExportManifest.SplitSummary] = []
        var checksums: [(String, String)] = []
        for split in DatasetSplit.allCases {
            let file = configuration.format.fileName(split)
            let writer = try HashingFileWriter(path: FileSystem.join(staging, file), digest: configuration.sha256)
            writer.write(encoder.header)
            var labelCounts = [Int](repeating: 0, count: labels.count)
            var documents = Set<Int>()
            var count = 0
            for position in order where examples[position].split == split {
                writer.append { encoder.append(examples[position], to: &$0) }
                labelCounts[labels.firstIndex(of: examples[position].label)!] += 1
                documents.insert(documentOfExample[position])
                count += 1
            }
            checksums.append((file, try writer.finish()))
            summaries.append(
                ExportManifest.SplitSummary(
                    split: split, file: file, documents: documents.count, examples: count, labelCounts: labelCounts))
            if split == .train { pauseForTest(.midWrite, configuration) }
        }
        return (summaries, checksums)
    }

    /// Reads doc, index and text of the kept items (grouped by file, in file order) into
    /// examples (split not set yet), with each example's document number and the document ids.
    static func readExamples(
        _ kept: [KeptItem], table: VoteTable, indexes: [LabelFileIndex], names: [String], labelSet: LabelSet
    ) throws -> (examples: [ExportExample], documents: [Int], documentNames: [String]) {
        var fields = [SentenceFieldReader.Fields?](repeating: nil, count: kept.count)
        var documents = SentenceFieldReader.DocumentTable()
        var byColumn = [[Int]](repeating: [], count: indexes.count)
        for position in kept.indices { byColumn[Int(kept[position].column)].append(position) }
        for column in indexes.indices where !byColumn[column].isEmpty {
            let wanted = byColumn[column].sorted { kept[$0].entry < kept[$1].entry }
            let read = try SentenceFieldReader.read(
                indexes[column], positions: wanted.map { kept[$0].entry }, documents: &documents)
            for (position, item) in zip(wanted, read) { fields[position] = item }
        }
        let labelNames = labelSet.names
        let documentNames = documents.names
        var examples: [ExportExample] = []
        var documentOfExample: [Int] = []
        examples.reserveCapacity(kept.count)
        documentOfExample.reserveCapacity(kept.count)
        for (position, item) in kept.enumerated() {
            let field = fields[position]!
            var votes: [AnnotatorVote] = []
            table.withVotes(ofRow: Int(item.row)) { row in
                for (column, vote) in row.enumerated() where vote >= 0 {
                    votes.append(AnnotatorVote(annotator: names[column], label: labelNames[Int(vote)]))
                }
            }
            examples.append(
                ExportExample(
                    id: table.ids[Int(item.row)], doc: documentNames[Int(field.document)], index: field.index,
                    text: field.text, label: labelNames[Int(item.label)], split: .train, votes: votes,
                    adjudicated: item.adjudicated))
            documentOfExample.append(Int(field.document))
        }
        return (examples, documentOfExample, documentNames)
    }

    /// The test hook: tell the test where we are, then wait (at most a minute) to be killed.
    private static func pauseForTest(_ point: ExportConfiguration.TestPause, _ configuration: ExportConfiguration) {
        guard configuration.testPause == point else { return }
        let message = "sentag export: paused \(point.rawValue)\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        sleep(60)
    }
}
