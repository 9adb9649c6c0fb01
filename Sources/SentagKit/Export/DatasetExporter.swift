import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sentag export`: the decision table in, a training dataset out.
///
/// 1. The votes and adjudications of every sentence of the corpus come from the decision view
///    (`ExportVotes`); records that do not match a sentence of the sources are orphans, counted
///    in the manifest and never exported. `LabelDecider` applies the policy, `--min-votes` and
///    `--drop`.
/// 2. The examples take their doc, index and text from the corpus, never from the records.
/// 3. `DocumentSplitter` (`StratifiedDocumentSplitter` with `--stratify`) shares the documents
///    out; the examples are written, sorted by document and position, into a staging folder with
///    their SHA-256 computed on the way, then `SplitWarnings` checks the splits, then the spaCy
///    files, the dataset card and the manifest; `AtomicDirectoryReplacement` swaps the folder
///    into place.
public enum DatasetExporter {
    /// Runs the export over `view` (which must have the corpus of the sources) and returns its
    /// manifest.
    ///
    /// `warn` receives each warning (leftovers of a killed run cleaned up, too few documents
    /// for a split) as it comes.
    public static func export(
        _ configuration: ExportConfiguration, view: DecisionView, store: (any JournalStore)? = nil,
        warn: (String) -> Void = { _ in }
    ) throws -> ExportManifest {
        guard let corpus = view.corpus else { preconditionFailure("export needs a view with a corpus") }
        let labelSet = view.labelSet
        let names = view.table.annotators
        if names.isEmpty { throw StoreError.noJournals(location: configuration.annotationsDirectory) }
        let decider = try makeDecider(configuration, labelSet: labelSet, names: names)

        let destination = try AtomicDirectoryReplacement(target: configuration.outputDirectory)
        for note in destination.recoverAbandoned() { warn(note) }
        try destination.checkReplaceable()

        let votes = ExportVotes(view: view)
        let agreementView = DecisionView(table: view.table, labelSet: labelSet)
        let agreement = ExportAgreementSummary(report: try AgreementReport.compute(view: agreementView))

        let decisions = decide(votes, decider, corpus: corpus)
        if decisions.kept.isEmpty { throw noExamples(decisions, configuration, orphaned: votes.orphaned) }
        var (examples, documentOfExample, documentNames) = makeExamples(
            decisions.kept, votes: votes, corpus: corpus, names: names, labelSet: labelSet)
        let exportedLabels = labelSet.names.enumerated().filter { !decider.dropped[$0.offset] }.map(\.element)
        let (order, emptySplits) = assignSplits(
            &examples, documentOfExample: documentOfExample, documentNames: documentNames, labels: exportedLabels,
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

        let staging = try destination.createStaging()
        do {
            var (summaries, checksums) = try writeSplits(
                examples, order: order, documentOfExample: documentOfExample, labels: exportedLabels,
                into: staging, configuration: configuration)
            for message in SplitWarnings.check(
                summaries, ratios: configuration.ratios, labels: exportedLabels, stratified: configuration.stratify)
            {
                warnings.append(message)
                warn(message)
            }
            checksums += try writeSpacyFiles(
                labels: exportedLabels, folder: configuration.outputDirectory, into: staging,
                digest: configuration.sha256)
            var manifest = ExportManifest(
                sentagVersion: configuration.sentagVersion, configuration: configuration, labels: exportedLabels,
                annotators: names.indices.filter { votes.hasVotes(column: $0) }.map { names[$0] },
                adjudicators: votes.adjudicatorColumns.sorted().map { names[$0] },
                sources: view.table.journals.map {
                    ExportManifest.Source(
                        file: store?.journalLocation($0.annotator) ?? $0.annotator, annotator: $0.annotator,
                        lines: $0.summary.records + $0.warningCount, skippedLines: $0.warningCount)
                },
                items: decisions.items, splits: summaries, leftOut: decisions.leftOut, agreement: agreement,
                warnings: warnings, checksums: checksums)
            manifest.orphaned = votes.orphaned
            let card = Array(
                (DatasetCardHeader.yaml(for: manifest) + DatasetCard.markdown(for: manifest, labelSet: labelSet)).utf8)
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
                throw StoreError.unknownAnnotator(name: name, known: names)
            }
            annotatorColumn = column
        }
        return LabelDecider(
            policy: configuration.policy, minVotes: configuration.minVotes, labelCount: labelSet.count,
            droppedLabels: dropped, annotatorColumn: annotatorColumn)
    }

    /// What the policy made of every item.
    struct Decisions {
        var kept: [KeptItem] = []
        /// By `LeftOutReason.rawValue`.
        var leftOut = [Int](repeating: 0, count: LeftOutReason.allCases.count)
        /// Ids with at least one current vote or adjudication.
        var items = 0
    }

    /// An item the policy kept.
    struct KeptItem {
        /// Its corpus position.
        var position: Int32
        var label: Int32
        var adjudicated: Bool
    }

    static func decide(_ votes: ExportVotes, _ decider: LabelDecider, corpus: Corpus) -> Decisions {
        var decisions = Decisions()
        var counts = [Int32](repeating: 0, count: decider.labelCount)
        for position in 0..<corpus.count {
            let adjudication = votes.adjudications[position]
            let decision = votes.withVotes(ofPosition: position) { row -> LabelDecider.Decision? in
                guard adjudication >= 0 || row.contains(where: { $0 >= 0 }) else { return nil }
                return decider.decide(votes: row, adjudication: adjudication, counts: &counts)
            }
            guard let decision else { continue }
            decisions.items += 1
            switch decision {
            case .leaveOut(let reason):
                decisions.leftOut[reason.rawValue] += 1
            case .keep(let label, let adjudicated):
                decisions.kept.append(
                    KeptItem(position: Int32(position), label: Int32(label), adjudicated: adjudicated))
            }
        }
        return decisions
    }

    private static func noExamples(_ decisions: Decisions, _ configuration: ExportConfiguration, orphaned: Int)
        -> ExportError
    {
        let detail: String
        if decisions.items == 0 && orphaned > 0 {
            detail =
                "none of the \(orphaned) current decision\(orphaned == 1 ? "" : "s") is on a sentence of the sources "
                + "(\(configuration.sources.joined(separator: ", "))); export with the sources they were labeled from"
        } else if decisions.items == 0 {
            detail = "the journals hold no current decision (every line is retracted or unreadable)"
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
    ///
    /// `labels` (the exported labels) are what `--stratify` balances.
    static func assignSplits(
        _ examples: inout [ExportExample], documentOfExample: [Int], documentNames: [String], labels: [String],
        configuration: ExportConfiguration
    ) -> (order: [Int], emptySplits: [DatasetSplit]) {
        let canonical = documentNames.indices.sorted {
            documentNames[$0].utf8.lexicographicallyPrecedes(documentNames[$1].utf8)
        }
        var rank = [Int](repeating: 0, count: documentNames.count)
        for (position, document) in canonical.enumerated() { rank[document] = position }
        let splitOfRank: [DatasetSplit]
        if configuration.stratify {
            let labelIDs = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            var labelCounts = [[Int]](
                repeating: [Int](repeating: 0, count: labels.count), count: documentNames.count)
            for (position, document) in documentOfExample.enumerated() {
                guard let label = labelIDs[examples[position].label] else {
                    preconditionFailure("an example is kept only with a label that is exported")
                }
                labelCounts[rank[document]][label] += 1
            }
            splitOfRank = StratifiedDocumentSplitter(ratios: configuration.ratios, seed: configuration.seed)
                .assign(labelCounts: labelCounts)
        } else {
            var sentenceCounts = [Int](repeating: 0, count: documentNames.count)
            for document in documentOfExample { sentenceCounts[rank[document]] += 1 }
            splitOfRank = DocumentSplitter(ratios: configuration.ratios, seed: configuration.seed)
                .assign(sentenceCounts: sentenceCounts)
        }
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
                guard let label = labels.firstIndex(of: examples[position].label) else {
                    preconditionFailure("an example is kept only with a label that is exported")
                }
                labelCounts[label] += 1
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

    /// Writes `config.cfg` and `to_docbin.py` (`SpacyTrainingFiles`) into `staging`; returns
    /// their checksums.
    static func writeSpacyFiles(
        labels: [String], folder: String, into staging: String, digest: any SHA256Digest.Type
    ) throws -> [(String, String)] {
        let files = [
            (SpacyTrainingFiles.configName, SpacyTrainingFiles.configuration(labels: labels, folder: folder)),
            (SpacyTrainingFiles.converterName, SpacyTrainingFiles.converter),
        ]
        return try files.map { name, text in
            (name, try HashingFileWriter.writeFile(FileSystem.join(staging, name), Array(text.utf8), digest: digest))
        }
    }

    /// The examples of the kept items, with doc, index and text from the corpus (split not set
    /// yet), each example's document number and the document ids.
    static func makeExamples(
        _ kept: [KeptItem], votes: ExportVotes, corpus: Corpus, names: [String], labelSet: LabelSet
    ) -> (examples: [ExportExample], documents: [Int], documentNames: [String]) {
        let labelNames = labelSet.names
        var documentNumber = [Int32](repeating: -1, count: corpus.documents.count)
        var documentNames: [String] = []
        var examples: [ExportExample] = []
        var documentOfExample: [Int] = []
        examples.reserveCapacity(kept.count)
        documentOfExample.reserveCapacity(kept.count)
        for item in kept {
            let position = Int(item.position)
            let sentence = corpus.sentences[position]
            let document = corpus.documentIndex(ofSentenceAt: position)
            if documentNumber[document] < 0 {
                documentNumber[document] = Int32(documentNames.count)
                documentNames.append(corpus.documents[document].id)
            }
            var exampleVotes: [AnnotatorVote] = []
            votes.withVotes(ofPosition: position) { row in
                for (column, vote) in row.enumerated() where vote >= 0 {
                    exampleVotes.append(AnnotatorVote(annotator: names[column], label: labelNames[Int(vote)]))
                }
            }
            examples.append(
                ExportExample(
                    id: sentence.id, doc: sentence.doc, index: sentence.index, text: sentence.text,
                    label: labelNames[Int(item.label)], split: .train, votes: exampleVotes,
                    adjudicated: item.adjudicated))
            documentOfExample.append(Int(documentNumber[document]))
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
