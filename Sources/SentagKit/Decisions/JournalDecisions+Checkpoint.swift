/// A journal's decisions saved as a checkpoint (a cache file), so the next command reads the
/// checkpoint and only the records appended since (`DecisionTableLoader`).
///
/// The file is sealed (`CacheEnvelope`) with the format version, the layout sizes and the build
/// that wrote it; a file that differs in any of them, or that fails to parse, is ignored and
/// the journal is read from the start. Arrays of fixed-size values are
/// written as memory, so a million decisions load in milliseconds.
extension JournalDecisions {
    static let checkpointMagic: UInt64 = 0x3143_444A_4754_4E53  // "SNTGJDC1"
    /// Raised whenever the meaning of a journal line or of this layout changes.
    static let checkpointVersion: UInt32 = 2

    /// The format version, the layout sizes and the build: a checkpoint is read only by the build
    /// that wrote it (the rules for a line may have changed since).
    private static var layoutSignature: UInt64 {
        (UInt64(checkpointVersion) << 48 | UInt64(MemoryLayout<CurrentVote>.stride) << 32
            | UInt64(MemoryLayout<RecordPosition>.stride) << 16 | UInt64(GapHistogram.buckets)) ^ BuildIdentity.current
    }

    /// The checkpoint's bytes.
    public func checkpoint() -> [UInt8] {
        var payload = BinaryWriter(capacity: 64 + (votes.count + adjudications.count) * 64)
        payload.write(annotator)
        payload.write(mark.offset)
        payload.write(mark.lines)
        payload.write(mark.fingerprint)
        payload.write(labels.names)
        payload.write(docs.names)
        payload.write(summary.records)
        payload.write(summary.retractions)
        payload.write(summary.adjudicationRecords)
        payload.write(summary.firstTime ?? Int64.min)
        payload.write(summary.lastTime ?? Int64.min)
        payload.write(summary.previousTime ?? Int64.min)
        payload.write(array: summary.gaps.counts)
        payload.write(array: summary.gaps.sums)
        payload.write(warningCount)
        payload.write(warnings.count)
        for warning in warnings {
            payload.write(warning.location)
            payload.write(warning.message)
        }
        for lane in [votes, adjudications] { Self.write(lane, to: &payload) }

        return CacheEnvelope.seal(payload, magic: Self.checkpointMagic, signature: Self.layoutSignature)
    }

    private static func write(_ lane: DecisionLane, to writer: inout BinaryWriter) {
        writer.write(array: lane.ids.map(\.rawValue))
        writer.write(array: lane.votes)
        writer.write(lane.notes.count)
        for (slot, note) in lane.notes.sorted(by: { $0.key < $1.key }) {
            writer.write(slot)
            writer.write(note)
        }
        let entries = lane.undo.entries
        writer.write(array: entries.map(\.slot))
        writer.write(array: entries.map(\.serial))
        writer.write(array: entries.map(\.previousSerial))
        writer.write(array: entries.map { $0.joinsPrevious ? UInt8(1) : 0 })
        writer.write(array: entries.map(\.previous))
        let notes = lane.undo.previousNotes.sorted { $0.key < $1.key }
        writer.write(notes.count)
        for (serial, note) in notes {
            writer.write(serial)
            writer.write(note)
        }
        writer.write(array: lane.undo.liveSerial)
        writer.write(lane.undo.nextSerial)
    }

    /// The decisions saved in `bytes`, or nil when the bytes are not a checkpoint of this
    /// version for `annotator`, or are damaged.
    public init?(checkpoint bytes: [UInt8], annotator: String) {
        self.init(checkpoint: CacheBytes(bytes), annotator: annotator)
    }

    /// The same from a cache file's bytes.
    public init?(checkpoint bytes: CacheBytes, annotator: String) {
        guard var reader = CacheEnvelope.open(bytes, magic: Self.checkpointMagic, signature: Self.layoutSignature),
            reader.readString() == annotator, let offset = reader.read(Int64.self),
            let lines = reader.read(Int64.self), let fingerprint = reader.read(UInt64.self),
            let labelNames = reader.readStrings(), let docNames = reader.readStrings()
        else { return nil }
        var summary = JournalSummary()
        guard let records = reader.readInt(), let retractions = reader.readInt(),
            let adjudicationRecords = reader.readInt(), let first = reader.read(Int64.self),
            let last = reader.read(Int64.self), let previous = reader.read(Int64.self),
            let gapCounts = reader.readArray(of: Int32.self), let gapSums = reader.readArray(of: Int64.self),
            gapCounts.count == gapSums.count, gapCounts.isEmpty || gapCounts.count == GapHistogram.buckets,
            let warningCount = reader.readInt(), let kept = reader.readCount(limit: Self.warningLimit)
        else { return nil }
        summary.records = records
        summary.retractions = retractions
        summary.adjudicationRecords = adjudicationRecords
        summary.firstTime = first == Int64.min ? nil : first
        summary.lastTime = last == Int64.min ? nil : last
        summary.previousTime = previous == Int64.min ? nil : previous
        summary.gaps = GapHistogram(counts: gapCounts, sums: gapSums)
        var warnings: [Diagnostic] = []
        for _ in 0..<kept {
            guard let location = reader.readString(), let message = reader.readString() else { return nil }
            warnings.append(Diagnostic(location: location, message: message))
        }
        guard let votes = Self.readLane(&reader), let adjudications = Self.readLane(&reader), reader.isAtEnd else {
            return nil
        }
        // Every name a vote refers to must be there (a damaged file must not crash a view).
        let labelCount = Int32(labelNames.count)
        let docCount = Int32(docNames.count)
        for lane in [votes, adjudications] {
            for vote in lane.votes + lane.undo.entries.map(\.previous) {
                guard vote.label < labelCount, vote.suggested < labelCount, vote.doc < docCount else { return nil }
            }
        }
        self.init(annotator: annotator)
        self.mark = JournalMark(offset: offset, lines: lines, fingerprint: fingerprint)
        self.labels = NameInterner(names: labelNames)
        self.docs = NameInterner(names: docNames)
        self.summary = summary
        self.warnings = warnings
        self.warningCount = warningCount
        self.votes = votes
        self.adjudications = adjudications
        // Interned numbers must be what the arrays refer to: names are unique by construction.
        guard labels.names.count == labelNames.count, docs.names.count == docNames.count else { return nil }
    }

    private static func readLane(_ reader: inout BinaryReader) -> DecisionLane? {
        guard let ids = reader.readArray(of: UInt64.self), let votes = reader.readArray(of: CurrentVote.self),
            ids.count == votes.count, let noteCount = reader.readCount(limit: ids.count)
        else { return nil }
        var notes: [Int32: String] = [:]
        for _ in 0..<noteCount {
            guard let slot = reader.read(Int32.self), (0..<Int32(ids.count)).contains(slot),
                let note = reader.readString()
            else { return nil }
            notes[slot] = note
        }
        guard let slots = reader.readArray(of: Int32.self), let serials = reader.readArray(of: Int32.self),
            let previousSerials = reader.readArray(of: Int32.self), let joins = reader.readArray(of: UInt8.self),
            let previous = reader.readArray(of: CurrentVote.self),
            [serials.count, previousSerials.count, joins.count, previous.count].allSatisfy({ $0 == slots.count }),
            slots.allSatisfy({ (0..<Int32(ids.count)).contains($0) }),
            let previousNoteCount = reader.readCount(limit: slots.count)
        else { return nil }
        let entries = slots.indices.map { i in
            UndoHistory.Entry(
                slot: slots[i], serial: serials[i], previousSerial: previousSerials[i], joinsPrevious: joins[i] != 0,
                previous: previous[i])
        }
        var previousNotes: [Int32: String] = [:]
        for _ in 0..<previousNoteCount {
            guard let serial = reader.read(Int32.self), let note = reader.readString() else { return nil }
            previousNotes[serial] = note
        }
        guard let liveSerial = reader.readArray(of: Int32.self), liveSerial.count == ids.count,
            let nextSerial = reader.read(Int32.self)
        else { return nil }
        return DecisionLane(
            ids: ids.map(SentenceID.init(rawValue:)), votes: votes, notes: notes,
            undo: UndoHistory(
                entries: entries, previousNotes: previousNotes, liveSerial: liveSerial, nextSerial: nextSerial))
    }
}
