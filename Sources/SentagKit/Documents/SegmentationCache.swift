/// Segmentations of source files kept in the store's cache (`segments/…`), so that a command
/// started again on an unchanged corpus neither reads nor segments it.
///
/// One cache file per list of sources, holding for each source file its path and id prefix, its
/// `FileIdentity` (size, modification time, inode, device), the `XXHash64` of its bytes and, per
/// document, its id, origin, the place of its text in the file and its sentences (spans, ids,
/// fingerprints). A file whose identity is unchanged is not read at all: its documents read
/// their texts from their places when first asked (`DocumentText`). A file whose identity
/// changed is read and hashed; when the hash still matches, its segmentation is reused; any
/// other file is segmented again, and the cache is rewritten. A cache from another build of
/// sentag (`BuildIdentity`), damaged or missing is ignored: it only ever saves time.
struct SegmentationCache {
    let cache: (any StoreCache)?
    let sources: [String]

    static let magic: UInt64 = 0x3347_4553_4754_4E53  // "SNTGSEG3"

    /// The cache key: a hash of the source arguments as given.
    var key: String {
        var hash = XXHash64.hash(sources.joined(separator: "\u{0}"))
        hash ^= UInt64(sources.count)
        let digits = String(hash, radix: 16)
        return "segments/" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// One source file's cached documents.
    struct FileEntry {
        var identity: FileIdentity
        var contentHash: UInt64
        var documentIDs: [String]
        var origins: [String]
        /// Per document, where its text is in the file; nil when it cannot be read on demand.
        var places: [DocumentLoader.TextPlace?]
        var sentences: SentenceTable

        /// The documents, reading their texts on demand; nil when one of them cannot.
        func documents(path: String) -> [Document]? {
            var documents: [Document] = []
            documents.reserveCapacity(documentIDs.count)
            for (index, place) in places.enumerated() {
                guard let place else { return nil }
                documents.append(
                    Document(
                        id: documentIDs[index], origin: origins[index],
                        text: DocumentText(path: path, place: place, identity: identity, contentHash: contentHash)))
            }
            return documents
        }
    }

    /// What a cache file holds: each file's entry, and the corpus's id index when it was saved.
    struct Contents {
        var entries: [String: FileEntry]
        var index: SentenceIDTable?
    }

    func load(segmenter: SentenceSegmenter) throws(SourceError) -> Corpus {
        let contents = cache?.read(key).flatMap(Self.decode)
        let stored = contents?.entries ?? [:]
        var documents: [Document] = []
        var sentences = SentenceTable()
        var entries: [(String, FileEntry)] = []
        var ids = DocumentLoader.DocumentIDs()
        var changed = false
        for file in try DocumentLoader.files(of: sources) {
            let name = file.path + "\u{0}" + file.idPrefix
            let identity = FileIdentity(path: file.path)
            if let old = stored[name], old.identity == identity, let unread = old.documents(path: file.path) {
                for document in unread { try ids.add(document.id, origin: document.origin) }
                documents += unread
                sentences.append(old.sentences)
                entries.append((name, old))
                continue
            }
            changed = true
            let bytes = try DocumentLoader.read(file)
            let hash = XXHash64.hash(bytes)
            var read: [Document] = []
            var places: [DocumentLoader.TextPlace?] = []
            try DocumentLoader.readDocuments(bytes, file: file.path, idPrefix: file.idPrefix) {
                (document, place) throws(SourceError) in
                try ids.add(document.id, origin: document.origin)
                read.append(document)
                places.append(place)
            }
            let documentIDs = read.map(\.id)
            let reused =
                stored[name].flatMap { old in
                    old.contentHash == hash && old.documentIDs == documentIDs && Self.fits(old.sentences, read)
                        ? old.sentences : nil
                } ?? SentenceTable(segmenting: read, with: segmenter)
            documents += read
            sentences.append(reused)
            if let identity {
                entries.append(
                    (
                        name,
                        FileEntry(
                            identity: identity, contentHash: hash, documentIDs: documentIDs,
                            origins: read.map(\.origin), places: places, sentences: reused)
                    ))
            }
        }
        let unchanged = !changed && stored.count == entries.count
        // The saved id index is for exactly these sentences only when nothing changed.
        let corpus = Corpus(documents: documents, sentences: sentences, index: unchanged ? contents?.index : nil)
        if let cache, !unchanged || contents?.index == nil {
            cache.write(key, Self.encode(entries, index: corpus.positionByID))
        }
        return corpus
    }

    /// Whether every cached span lies inside its document's text (a damaged cache never reaches
    /// past a text).
    static func fits(_ sentences: SentenceTable, _ documents: [Document]) -> Bool {
        var first = 0
        for (index, document) in documents.enumerated() {
            guard sentences.fits(document: index, first: first, length: document.text.utf8.count) else { return false }
            first += sentences.counts[index]
        }
        return true
    }

    static func encode(_ entries: [(String, FileEntry)], index: SentenceIDTable) -> [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 16)
        writer.write(entries.count)
        for (name, entry) in entries {
            writer.write(name)
            writer.write(entry.identity)
            writer.write(entry.contentHash)
            writer.write(entry.documentIDs)
            writer.write(entry.origins)
            writer.write(array: entry.places.map { Int64($0?.range.lowerBound ?? -1) })
            writer.write(array: entry.places.map { Int64($0?.range.upperBound ?? -1) })
            writer.write(array: entry.places.map { $0?.hasEscapes == true ? UInt8(1) : 0 })
            writer.write(array: entry.sentences.counts.map(Int64.init))
            writer.write(array: entry.sentences.spans)
            writer.write(array: entry.sentences.ids)
            writer.write(array: entry.sentences.fingerprints)
        }
        writer.write(index.count)
        writer.write(array: index.slots)
        return CacheEnvelope.seal(writer, magic: magic, signature: BuildIdentity.current)
    }

    static func decode(_ bytes: CacheBytes) -> Contents? {
        guard var reader = CacheEnvelope.open(bytes, magic: magic, signature: BuildIdentity.current),
            let count = reader.readInt(), count >= 0
        else { return nil }
        var entries: [String: FileEntry] = [:]
        for _ in 0..<count {
            guard let name = reader.readString(), let identity = reader.read(FileIdentity.self),
                let contentHash = reader.read(UInt64.self), let documentIDs = reader.readStrings(),
                let origins = reader.readStrings(), let starts = reader.readArray(of: Int64.self),
                let ends = reader.readArray(of: Int64.self), let escapes = reader.readArray(of: UInt8.self),
                let counts = reader.readArray(of: Int64.self),
                [origins.count, starts.count, ends.count, escapes.count, counts.count].allSatisfy({
                    $0 == documentIDs.count
                }),
                let spans = reader.readArray(of: SentenceSpan.self), let ids = reader.readArray(of: SentenceID.self),
                let fingerprints = reader.readArray(of: UInt64.self),
                spans.count == ids.count, ids.count == fingerprints.count,
                counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, +) == Int64(ids.count)
            else { return nil }
            let sentences = SentenceTable(
                counts: counts.map(Int.init), spans: spans, ids: ids, fingerprints: fingerprints)
            var places: [DocumentLoader.TextPlace?] = []
            var first = 0
            for document in 0..<documentIDs.count {
                let (lower, upper) = (Int(starts[document]), Int(ends[document]))
                guard lower < 0 || (lower <= upper && upper - lower <= Int(identity.size)) else { return nil }
                let place =
                    lower < 0 ? nil : DocumentLoader.TextPlace(range: lower..<upper, hasEscapes: escapes[document] != 0)
                // A text read on demand is unchecked until then: its spans must fit it already.
                if let place, !place.hasEscapes,
                    !sentences.fits(document: document, first: first, length: place.range.count)
                {
                    return nil
                }
                places.append(place)
                first += sentences.counts[document]
            }
            entries[name] = FileEntry(
                identity: identity, contentHash: contentHash, documentIDs: documentIDs, origins: origins,
                places: places, sentences: sentences)
        }
        guard let indexCount = reader.readInt(), let slots = reader.readArray(of: SentenceIDTable.Slot.self),
            reader.isAtEnd
        else { return nil }
        let total = entries.values.reduce(0) { $0 + $1.sentences.sentenceCount }
        let index = SentenceIDTable(slots: slots, count: indexCount)
        return Contents(entries: entries, index: index.flatMap { $0.count <= total ? $0 : nil })
    }
}
