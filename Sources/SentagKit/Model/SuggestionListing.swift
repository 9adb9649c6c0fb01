import Dispatch

/// What `sentag suggest` prints: the model's label and calibrated probability per sentence.
///
/// Every sentence without a consensus label (with `all`, every sentence), in corpus order:
/// pre-annotation for other tools and for scripts.
///
/// The model is trained on the consensus (`ConsensusLabels`), from the store's cache when it was
/// saved for exactly these labels, else rebuilt and saved (`SuggestionModelCache`), so the output
/// is the same for the same store. Documents are featurized and predicted in batches on every
/// core, written in order; nothing holds a million predictions at once.
public struct SuggestionListing: Sendable {
    public let corpus: Corpus
    public let labelSet: LabelSet
    public let consensus: ConsensusLabels
    public let classifier: SentenceClassifier
    /// Whether the model was read from the cache rather than rebuilt.
    public let fromCache: Bool

    public enum Format: Sendable { case readable, json }

    /// The model for the consensus of a view, which must have a corpus.
    ///
    /// Throws when the corpus is empty or the consensus is not enough to suggest
    /// (`SuggestionReadiness`).
    public static func prepare(view: DecisionView, sources: [String], cache: (any StoreCache)?) throws(ModelError)
        -> SuggestionListing
    {
        guard let corpus = view.corpus else { preconditionFailure("suggest needs a view with a corpus") }
        guard view.labelSet.count >= 2 else { throw .tooFewLabels(view.labelSet.names) }
        guard corpus.count > 0 else { throw .emptyCorpus(sources: sources) }
        let consensus = ConsensusLabels(view: view)
        let set = ModelTrainingSet(consensus: consensus, corpus: corpus, labelSet: view.labelSet)
        if case .waiting(let why) = set.readiness { throw .notReady(why) }
        let (classifier, fromCache) = SuggestionModelCache(cache: cache, labelSet: view.labelSet, corpus: corpus)
            .classifier(for: set, corpus: corpus)
        return SuggestionListing(
            corpus: corpus, labelSet: view.labelSet, consensus: consensus, classifier: classifier,
            fromCache: fromCache)
    }

    /// Sentences listed: those without a consensus label, or all of them.
    public func count(all: Bool) -> Int { all ? corpus.count : corpus.count - consensus.count }

    /// Writes one line per listed sentence to `output`, in corpus order.
    ///
    /// JSON: `{"id","doc","index","label","p"}` (SPEC.md), `p` rounded to 4 decimals, plus
    /// `"consensus"` (the consensus label, with `all`, when there is one). Readable:
    /// `doc:N  label  p  text`.
    public func write(all: Bool, format: Format, to output: OutputSink) {
        let batches = Self.batches(corpus, size: 4096)
        let workers = max(1, min(ProcessorCount.active, 8))
        var next = 0
        while next < batches.count {
            let round = Array(batches[next..<min(next + workers * 4, batches.count)])
            var chunks = [[UInt8]](repeating: [], count: round.count)
            chunks.withUnsafeMutableBufferPointer { buffer in
                let slots = ChunkSlots(buffer: buffer)
                DispatchQueue.concurrentPerform(iterations: round.count) { i in
                    slots.buffer[i] = lines(documents: round[i], all: all, format: format)
                }
            }
            for chunk in chunks { output.write(chunk) }
            next += round.count
        }
        output.flush()
    }

    /// The lines of a range of documents.
    func lines(documents: Range<Int>, all: Bool, format: Format) -> [UInt8] {
        var out: [UInt8] = []
        var writer = JSONWriter()
        for document in documents {
            let range = corpus.documentRanges[document]
            let listed = range.filter { all || consensus.labels[$0] < 0 }
            guard !listed.isEmpty else { continue }
            let sentences = Array(corpus.sentences[range])
            let model = ModelSentence.sentences(of: corpus.documents[document], sentences)
            let predictions = classifier.predict(listed.map { model[$0 - range.lowerBound] })
            for (position, prediction) in zip(listed, predictions) {
                let sentence = sentences[position - range.lowerBound]
                let p = (prediction.probability * 10_000).rounded() / 10_000
                switch format {
                case .json:
                    writer.removeAll()
                    writer.beginObject()
                    writer.field("id", sentence.id.description)
                    writer.field("doc", sentence.doc)
                    writer.field("index", sentence.index)
                    writer.field("label", prediction.label)
                    writer.field("p", p)
                    if all, let agreed = consensus.label(at: position) {
                        writer.field("consensus", labelSet.labels[agreed].name)
                    }
                    writer.endObject()
                    out += writer.bytes
                    out.append(0x0A)
                case .readable:
                    let line = "\(sentence.doc):\(sentence.index + 1)  \(prediction.label)  \(p)  \(sentence.text)\n"
                    out += line.utf8
                }
            }
        }
        return out
    }

    /// Consecutive documents grouped into batches of about `size` sentences.
    static func batches(_ corpus: Corpus, size: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var sentences = 0
        for (index, range) in corpus.documentRanges.enumerated() {
            sentences += range.count
            if sentences >= size {
                result.append(start..<(index + 1))
                start = index + 1
                sentences = 0
            }
        }
        if start < corpus.documents.count { result.append(start..<corpus.documents.count) }
        return result
    }
}

/// Per-batch output slots the worker threads fill; each index is written by exactly one thread.
private struct ChunkSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[UInt8]>
}
