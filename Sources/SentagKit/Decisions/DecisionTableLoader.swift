import Dispatch

/// Builds a `DecisionTable` from a store: for each journal its checkpoint when the journal still
/// starts with what the checkpoint covers, then only the records appended since; a new
/// checkpoint when many were.
///
/// Journals are read concurrently (one thread each, up to the number of processors) when the
/// store allows it. A journal that cannot be read (a link, a FIFO, an unreadable file) becomes
/// a warning and is left out; the others are still read.
public struct DecisionTableLoader {
    public let store: any JournalStore
    /// Lines read past a checkpoint (or with none) before a new checkpoint is written.
    public var checkpointAfterLines: Int64

    public init(store: any JournalStore, checkpointAfterLines: Int64 = 10_000) {
        self.store = store
        self.checkpointAfterLines = checkpointAfterLines
    }

    /// The checkpoint key of a journal in the store's cache.
    static func checkpointKey(_ annotator: String) -> String { "checkpoints/\(annotator).journal" }

    /// Reads the journals of `annotators` (every journal when nil).
    public func load(annotators selected: [String]? = nil) throws(StoreError) -> DecisionTable {
        let names: [String]
        if let selected {
            names = selected
        } else {
            names = try store.annotators()
        }
        var results = [Result<JournalDecisions, StoreError>?](repeating: nil, count: names.count)
        let box = StoreBox(store: store)
        let threshold = checkpointAfterLines
        let workers = min(names.count, box.store.readsConcurrently ? ProcessorCount.active : 1)
        if workers > 0 {
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = LoadSlots(buffer: buffer)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var index = worker
                    while index < names.count {
                        slots.buffer[index] = Result { () throws(StoreError) in
                            try Self.loadJournal(names[index], store: box.store, checkpointAfterLines: threshold)
                        }
                        index += workers
                    }
                }
            }
        }
        var journals: [JournalDecisions] = []
        var unreadable: [Diagnostic] = []
        for (name, result) in zip(names, results) {
            switch result {
            case .success(let journal)?: journals.append(journal)
            case .failure(let error)?:
                unreadable.append(Diagnostic(location: "", message: "\(error); the journal of '\(name)' is left out"))
            case nil: break
            }
        }
        return DecisionTable(journals: journals, unreadable: unreadable)
    }

    /// One journal: its checkpoint if still valid, then the lines after it.
    static func loadJournal(_ annotator: String, store: any JournalStore, checkpointAfterLines: Int64)
        throws(StoreError) -> JournalDecisions
    {
        let cache = store.cache
        var journal = JournalDecisions(annotator: annotator)
        if let bytes = cache?.read(checkpointKey(annotator)),
            let saved = JournalDecisions(checkpoint: bytes, annotator: annotator),
            store.isCurrent(saved.mark, of: annotator)
        {
            journal = saved
        }
        let start = journal.mark
        var lastLine: Int64 = -1
        var scratch: [JournalDecisions.PreparedRecord] = []
        let end = try store.readJournal(annotator, after: start) { batch in
            journal.ingest(batch, scratch: &scratch) { store.describe($0, of: annotator) }
            if let last = batch.positions.last { lastLine = last.line }
        }
        journal.mark = end
        // A record numbered past the mark's count is a last line without its newline yet (a
        // folder journal); the mark does not cover it. A database's records are always whole.
        journal.readsPastMark = lastLine > end.lines
        if let cache, !journal.readsPastMark, end.lines - start.lines >= checkpointAfterLines {
            cache.write(checkpointKey(annotator), journal.checkpoint())
        }
        return journal
    }
}

/// Hands the store to the reading threads; stores that read concurrently are safe to share.
private struct StoreBox: @unchecked Sendable {
    let store: any JournalStore
}

/// Per-journal result slots the reading threads fill; each index is written by exactly one thread.
private struct LoadSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result<JournalDecisions, StoreError>?>
}
