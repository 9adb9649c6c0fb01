/// Reads SOURCE arguments (files and folders) into documents, as SPEC.md describes.
///
/// - A `.txt` file is one document; its id is its path relative to the SOURCE folder without the
///   extension, or, for a file given directly, its name without the extension.
/// - A folder is read recursively (`*.txt`, `*.jsonl`, hidden entries skipped) in sorted path order.
///   Symbolic links are followed; a folder reached twice (a link back into the walk) is an error.
/// - Only regular files are read: a FIFO, a device or a socket is an error, never a wait.
/// - A `.jsonl` file holds one document per line: `{"text": …, "id": …?, "meta": …?}`. Without an
///   `id`, the id is `<path relative to the SOURCE folder, without extension>:<line number>`
///   (the file stem for a file at the top of the folder or given directly). Blank lines are skipped.
public enum DocumentLoader {
    /// Every document of the sources, in order.
    public static func load(_ sources: [String]) throws(SourceError) -> [Document] {
        var documents: [Document] = []
        try forEachDocument(in: sources) { documents.append($0) }
        return documents
    }

    /// Visits the documents one at a time, so a corpus need not be held whole by callers that
    /// stream (for example `sentag segment`).
    ///
    /// - Parameters:
    ///   - sources: the files and folders to read, as `load(_:)` takes them.
    ///   - proceed: asked before each file and each document; false stops the visit there
    ///     (`segment` stops once its output is gone).
    ///   - body: called with each document, in order.
    /// - Throws: `SourceError` when a source is missing, unreadable or not a corpus (bad UTF-8,
    ///   a bad JSONL line, a document id twice), or what `body` throws.
    public static func forEachDocument(
        in sources: [String], while proceed: () -> Bool = { true }, _ body: (Document) throws(SourceError) -> Void
    ) throws(SourceError) {
        var seen = DocumentIDs()
        for file in try files(of: sources) {
            guard proceed() else { return }
            try readDocuments(try read(file), file: file.path, idPrefix: file.idPrefix) {
                (document, _) throws(SourceError) in
                guard proceed() else { return }
                try seen.add(document.id, origin: document.origin)
                try body(document)
            }
        }
    }

    /// Visits the files of the sources in order, each with its bytes and its documents; a
    /// document id used twice (in any files) is an error.
    public static func forEachFile(
        in sources: [String], _ body: (SourceFile, [UInt8], [Document]) throws(SourceError) -> Void
    ) throws(SourceError) {
        var seen = DocumentIDs()
        for file in try files(of: sources) {
            let bytes = try read(file)
            var documents: [Document] = []
            try readDocuments(bytes, file: file.path, idPrefix: file.idPrefix) { (document, _) throws(SourceError) in
                try seen.add(document.id, origin: document.origin)
                documents.append(document)
            }
            try body(file, bytes, documents)
        }
    }

    /// The files of all the sources, in order.
    static func files(of sources: [String]) throws(SourceError) -> [SourceFile] {
        var all: [SourceFile] = []
        for source in sources { all += try files(of: source) }
        return all
    }

    /// The bytes of a source file.
    static func read(_ file: SourceFile) throws(SourceError) -> [UInt8] {
        do {
            return try FileSystem.readFile(file.path)
        } catch {
            if error.detail == FileSystem.notRegularFile { throw .notRegularFile(path: file.path) }
            throw .unreadable(path: file.path, reason: error.reason)
        }
    }

    /// Where a document's text is in its file: the bytes of a `.txt` file, or the body of a JSONL
    /// line's `"text"` string (with escapes to decode, or not).
    ///
    /// Nil when it cannot be said simply (a key written with escapes).
    public struct TextPlace: Equatable, Sendable {
        public var range: Range<Int>
        public var hasEscapes: Bool
    }

    /// Document ids seen so far, to refuse one used twice.
    struct DocumentIDs {
        private var origins: [String: String] = [:]

        mutating func add(_ id: String, origin: String) throws(SourceError) {
            if let first = origins.updateValue(origin, forKey: id) {
                throw .duplicateDocumentID(id: id, first: first, second: origin)
            }
        }
    }

    /// A file to read and the id its documents take (without the `:line` of JSONL).
    public struct SourceFile: Equatable, Sendable {
        public var path: String
        public var idPrefix: String
    }

    static func files(of source: String) throws(SourceError) -> [SourceFile] {
        guard let status = FileSystem.status(of: source) else { throw .notFound(path: source) }
        switch status.kind {
        case .other:
            throw .notRegularFile(path: source)
        case .file:
            guard ["txt", "jsonl"].contains(FileSystem.fileExtension(source)) else {
                throw .unsupportedFileType(path: source)
            }
            return [SourceFile(path: source, idPrefix: FileSystem.stem(source))]
        case .directory:
            var walk = FolderWalk(read: [status.identity: source])
            try walk.collect(folder: source, relative: "")
            if walk.found.isEmpty { throw .noDocuments(path: source) }
            // Sorted path order: whole relative paths compared bytewise ("a.txt" before "a/z.txt").
            return walk.found.sorted { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }.map(\.file)
        }
    }

    /// The walk of one SOURCE folder: the files found, and every folder read so far.
    ///
    /// Symbolic links are followed (a linked file is read like any other), but a folder is read
    /// once: one reached again by its device and inode (a link back to a folder being read,
    /// which would otherwise loop until the kernel's link limit, or a second link to a folder
    /// read already) is an error naming both paths. Not a warning and a skip: document ids come
    /// from paths, so which path wins would decide the ids and the labels filed under them.
    private struct FolderWalk {
        var read: [FileSystem.Identity: String]
        var found: [(relative: String, file: SourceFile)] = []

        mutating func collect(folder: String, relative: String) throws(SourceError) {
            let names: [String]
            do {
                names = try FileSystem.listDirectory(folder)
            } catch {
                throw .unreadable(path: folder, reason: error.reason)
            }
            for name in names where !name.hasPrefix(".") {
                let path = FileSystem.join(folder, name)
                let rel = relative.isEmpty ? name : relative + "/" + name
                guard let status = FileSystem.status(of: path) else { continue }  // a dangling link
                let ext = FileSystem.fileExtension(name)
                let isArticle = ext == "txt" || ext == "jsonl"
                switch status.kind {
                case .directory:
                    if let first = read.updateValue(path, forKey: status.identity) {
                        throw .repeatedFolder(path: path, first: first)
                    }
                    try collect(folder: path, relative: rel)
                case .file where isArticle:
                    found.append((rel, SourceFile(path: path, idPrefix: String(rel.dropLast(ext.count + 1)))))
                case .other where isArticle:
                    throw .notRegularFile(path: path)
                default:
                    continue
                }
            }
        }
    }

    static func readDocuments(
        _ bytes: [UInt8], file path: String, idPrefix: String,
        _ body: (Document, TextPlace?) throws(SourceError) -> Void
    ) throws(SourceError) {
        if bytes.isEmpty { throw .emptyFile(path: path) }
        if FileSystem.fileExtension(path) == "jsonl" {
            try readJSONLines(bytes, path: path, idPrefix: idPrefix, body)
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .invalidUTF8(path: path, line: nil, byteOffset: UTF8Validation.firstInvalidOffset(bytes) ?? 0)
            }
            try body(
                Document(id: idPrefix, text: text, origin: path), TextPlace(range: 0..<bytes.count, hasEscapes: false))
        }
    }

    /// The body of the top-level `"text"` string of a JSON line, as a place in the file.
    static func textPlace(_ line: UnsafeBufferPointer<UInt8>, lineStart: Int) -> TextPlace? {
        var place: TextPlace?
        try? JSONObjectScanner.scan(line) { (member) throws(JSONObjectScanner.Failure) in
            guard JSONObjectScanner.key(line, member.key, is: "text"), case .string(let escapes) = member.kind else {
                return
            }
            place = TextPlace(
                range: (lineStart + member.value.lowerBound)..<(lineStart + member.value.upperBound),
                hasEscapes: escapes)
        }
        return place
    }

    private static func readJSONLines(
        _ bytes: [UInt8], path: String, idPrefix: String, _ body: (Document, TextPlace?) throws(SourceError) -> Void
    ) throws(SourceError) {
        var documents = 0
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { lineStart = next }
            let line = bytes[lineStart..<lineEnd]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if let bad = UTF8Validation.firstInvalidOffset(line) {
                throw .invalidUTF8(path: path, line: lineNumber, byteOffset: lineStart + bad)
            }
            let value: JSONValue
            do {
                value = try line.withUnsafeBufferPointer { (buffer) throws(JSONParser.JSONParseError) in
                    try JSONParser.parse(buffer)
                }
            } catch {
                throw .badJSONLine(path: path, line: lineNumber, reason: "not valid JSON (\(error))")
            }
            guard value.isObject else {
                throw .badJSONLine(path: path, line: lineNumber, reason: "\(value.kindDescription), not an object")
            }
            guard let text = value["text"]?.stringValue else {
                let found = value["text"].map { "\"text\" is \($0.kindDescription)" } ?? "no \"text\" key"
                throw .badJSONLine(path: path, line: lineNumber, reason: found)
            }
            let id: String
            switch value["id"] {
            case nil, .null?: id = "\(idPrefix):\(lineNumber)"
            case .string(let s)?: id = s
            case .number?:
                guard let n = value["id"]?.intValue else {
                    throw .badJSONLine(path: path, line: lineNumber, reason: "\"id\" must be a string or an integer")
                }
                id = String(n)
            case let other?:
                throw .badJSONLine(
                    path: path, line: lineNumber, reason: "\"id\" is \(other.kindDescription), not a string")
            }
            documents += 1
            let place = line.withUnsafeBufferPointer { textPlace($0, lineStart: lineStart) }
            try body(Document(id: id, text: text, origin: "\(path):\(lineNumber)", meta: value["meta"]), place)
        }
        if documents == 0 { throw .emptyFile(path: path) }
    }
}
