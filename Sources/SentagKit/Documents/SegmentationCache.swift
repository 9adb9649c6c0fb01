/// Segmentations of source files kept in the store's cache (`segments/…`), so that a command
/// started again on an unchanged corpus does not segment it again.
///
/// One cache file per list of sources, holding for each source file its path, id prefix, size,
/// the `XXHash64` of its bytes and, per document, its id and sentences (spans, ids,
/// fingerprints). The bytes of every source are read and hashed on every load (the documents'
/// texts are needed anyway); a file whose path, prefix, hash and document ids match is not
/// segmented again, any other is, and the cache is rewritten. A cache from another build of
/// sentag (`BuildIdentity`), damaged or missing is ignored: it only ever saves time.
struct SegmentationCache {
    let cache: (any StoreCache)?
    let sources: [String]

    static let magic: UInt64 = 0x3147_4553_4754_4E53  // "SNTGSEG1"

    /// The cache key: a hash of the source arguments as given.
    var key: String {
        var hash = XXHash64.hash(sources.joined(separator: "\u{0}"))
        hash ^= UInt64(sources.count)
        let digits = String(hash, radix: 16)
        return "segments/" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// One source file's cached documents.
    struct FileEntry {
        var contentHash: UInt64
        var size: Int
        var documentIDs: [String]
        var segmentations: [DocumentSegmentation]
    }

    func load(segmenter: SentenceSegmenter) throws(SourceError) -> Corpus {
        let stored = cache?.read(key).flatMap(Self.decode) ?? [:]
        var documents: [Document] = []
        var segmentations: [DocumentSegmentation] = []
        var entries: [(String, FileEntry)] = []
        var reused = 0
        try DocumentLoader.forEachFile(in: sources) { (file, bytes, fileDocuments) throws(SourceError) in
            let name = file.path + "\u{0}" + file.idPrefix
            let hash = XXHash64.hash(bytes)
            let ids = fileDocuments.map(\.id)
            let entry: FileEntry
            if let old = stored[name], old.contentHash == hash, old.size == bytes.count, old.documentIDs == ids,
                Self.fits(old.segmentations, fileDocuments)
            {
                entry = old
                reused += 1
            } else {
                entry = FileEntry(
                    contentHash: hash, size: bytes.count, documentIDs: ids,
                    segmentations: fileDocuments.map { DocumentSegmentation($0, segmenter: segmenter) })
            }
            documents += fileDocuments
            segmentations += entry.segmentations
            entries.append((name, entry))
        }
        if let cache, reused != entries.count || stored.count != entries.count {
            cache.write(key, Self.encode(entries))
        }
        return Corpus(documents: documents, segmentations: segmentations)
    }

    /// Whether every cached span lies inside its document's text (a damaged cache never reaches
    /// past a text).
    static func fits(_ segmentations: [DocumentSegmentation], _ documents: [Document]) -> Bool {
        zip(segmentations, documents).allSatisfy { segmentation, document in
            let length = document.text.utf8.count
            return segmentation.spans.allSatisfy {
                $0.utf8Start >= 0 && $0.utf8Start <= $0.utf8End && $0.utf8End <= length
            }
        }
    }

    static func encode(_ entries: [(String, FileEntry)]) -> [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 16)
        writer.write(entries.count)
        for (name, entry) in entries {
            writer.write(name)
            writer.write(entry.contentHash)
            writer.write(entry.size)
            writer.write(entry.documentIDs)
            writer.write(array: entry.segmentations.map { Int64($0.ids.count) })
            writer.write(array: entry.segmentations.flatMap(\.spans))
            writer.write(array: entry.segmentations.flatMap(\.ids).map(\.rawValue))
            writer.write(array: entry.segmentations.flatMap(\.fingerprints))
        }
        var file = BinaryWriter(capacity: writer.bytes.count + 32)
        file.write(magic)
        file.write(BuildIdentity.current)
        file.write(XXHash64.hash(writer.bytes))
        return file.bytes + writer.bytes
    }

    static func decode(_ bytes: [UInt8]) -> [String: FileEntry]? {
        var header = BinaryReader(bytes)
        guard header.read(UInt64.self) == magic, header.read(UInt64.self) == BuildIdentity.current,
            let hash = header.read(UInt64.self)
        else { return nil }
        let start = header.offset
        guard bytes.withUnsafeBytes({ XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }) == hash else {
            return nil
        }
        var reader = BinaryReader(bytes, from: start)
        guard let count = reader.readInt(), count >= 0 else { return nil }
        var entries: [String: FileEntry] = [:]
        for _ in 0..<count {
            guard let name = reader.readString(), let contentHash = reader.read(UInt64.self),
                let size = reader.readInt(), let documentIDs = reader.readStrings(),
                let counts = reader.readArray(of: Int64.self), counts.count == documentIDs.count,
                let spans = reader.readArray(of: SentenceSpan.self), let ids = reader.readArray(of: UInt64.self),
                let fingerprints = reader.readArray(of: UInt64.self),
                spans.count == ids.count, ids.count == fingerprints.count,
                counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, +) == Int64(ids.count)
            else { return nil }
            var segmentations: [DocumentSegmentation] = []
            var offset = 0
            for n in counts.map(Int.init) {
                segmentations.append(
                    DocumentSegmentation(
                        spans: Array(spans[offset..<(offset + n)]),
                        ids: ids[offset..<(offset + n)].map(SentenceID.init(rawValue:)),
                        fingerprints: Array(fingerprints[offset..<(offset + n)])))
                offset += n
            }
            entries[name] = FileEntry(
                contentHash: contentHash, size: size, documentIDs: documentIDs, segmentations: segmentations)
        }
        return reader.isAtEnd ? entries : nil
    }
}
