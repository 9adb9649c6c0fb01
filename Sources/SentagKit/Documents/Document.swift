import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One article: an id and its text exactly as read.
///
/// All offsets the tool reports (`start`, `end`) are Unicode scalar offsets into `text`. A
/// document of a corpus loaded from the segmentation cache reads its text from its source file
/// the first time it is asked for (`DocumentText`), so starting on an unchanged corpus does not
/// read every article.
public struct Document: Equatable, Sendable {
    public var id: String
    /// Where the text came from, for messages: a path, or `path:line` for a JSONL document.
    public var origin: String
    /// The `meta` object of a JSONL document, if it had one (not kept for a document whose text
    /// is read on demand).
    public var meta: JSONValue?
    private var content: Content

    private enum Content: Sendable {
        case loaded(String)
        case onDemand(DocumentText)
    }

    public init(id: String, text: String, origin: String, meta: JSONValue? = nil) {
        self.id = id
        self.origin = origin
        self.meta = meta
        self.content = .loaded(text)
    }

    /// A document whose text is read from its file when first asked for.
    init(id: String, origin: String, text: DocumentText) {
        self.id = id
        self.origin = origin
        self.meta = nil
        self.content = .onDemand(text)
    }

    public var text: String {
        get {
            switch content {
            case .loaded(let text): text
            case .onDemand(let source): source.text
            }
        }
        set { content = .loaded(newValue) }
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.id == rhs.id && lhs.origin == rhs.origin && lhs.meta == rhs.meta && lhs.text == rhs.text
    }
}

/// The text of a document in a source file that was unchanged when the corpus was loaded (same
/// size, modification time and inode as when its content hash was taken), read from its place
/// in the file on first use and kept.
///
/// If the file has changed since, the whole file is read and its hash checked; a file whose
/// content changed gives an empty text (and `Corpus` never slices past a text), never a crash.
final class DocumentText: Sendable {
    let path: String
    let place: DocumentLoader.TextPlace
    let identity: FileIdentity
    let contentHash: UInt64
    private let loaded = Mutex<String?>(nil)

    init(path: String, place: DocumentLoader.TextPlace, identity: FileIdentity, contentHash: UInt64) {
        self.path = path
        self.place = place
        self.identity = identity
        self.contentHash = contentHash
    }

    var text: String {
        loaded.withLock { cached in
            if let cached { return cached }
            let text = read() ?? ""
            cached = text
            return text
        }
    }

    private func read() -> String? {
        let bytes: [UInt8]
        if FileIdentity(path: path) == identity {
            // Unchanged: read just this document's bytes.
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { FileSystem.closeDescriptor(fd) }
            let slice = SafeFile.read(fd, count: place.range.count, at: Int64(place.range.lowerBound))
            guard slice.count == place.range.count else { return nil }
            bytes = slice
        } else {
            // Touched since: only the same content will do.
            guard let whole = try? FileSystem.readFile(path), XXHash64.hash(whole) == contentHash,
                place.range.upperBound <= whole.count
            else { return nil }
            bytes = Array(whole[place.range])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            place.hasEscapes
                ? JSONStringScanner.decode(buffer, hasEscapes: true) : String(decoding: buffer, as: UTF8.self)
        }
    }
}
