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
    /// - Parameter proceed: asked before each file and each document; false stops the visit
    ///   there (`segment` stops once its output is gone).
    public static func forEachDocument(
        in sources: [String], while proceed: () -> Bool = { true }, _ body: (Document) throws(SourceError) -> Void
    ) throws(SourceError) {
        var seen: [String: String] = [:]
        for source in sources {
            for file in try files(of: source) {
                guard proceed() else { return }
                try readDocuments(file: file.path, idPrefix: file.idPrefix) { (document) throws(SourceError) in
                    guard proceed() else { return }
                    if let first = seen.updateValue(document.origin, forKey: document.id) {
                        throw .duplicateDocumentID(id: document.id, first: first, second: document.origin)
                    }
                    try body(document)
                }
            }
        }
    }

    /// A file to read and the id its documents take (without the `:line` of JSONL).
    struct SourceFile: Equatable {
        var path: String
        var idPrefix: String
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
        file path: String, idPrefix: String, _ body: (Document) throws(SourceError) -> Void
    ) throws(SourceError) {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(path)
        } catch {
            if error.detail == FileSystem.notRegularFile { throw .notRegularFile(path: path) }
            throw .unreadable(path: path, reason: error.reason)
        }
        if bytes.isEmpty { throw .emptyFile(path: path) }
        if FileSystem.fileExtension(path) == "jsonl" {
            try readJSONLines(bytes, path: path, idPrefix: idPrefix, body)
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .invalidUTF8(path: path, line: nil, byteOffset: UTF8Validation.firstInvalidOffset(bytes) ?? 0)
            }
            try body(Document(id: idPrefix, text: text, origin: path))
        }
    }

    private static func readJSONLines(
        _ bytes: [UInt8], path: String, idPrefix: String, _ body: (Document) throws(SourceError) -> Void
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
            try body(Document(id: id, text: text, origin: "\(path):\(lineNumber)", meta: value["meta"]))
        }
        if documents == 0 { throw .emptyFile(path: path) }
    }
}

/// Locating the first byte that breaks UTF-8, for error messages.
enum UTF8Validation {
    static func firstInvalidOffset<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var offset = 0
        var lastGood = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                lastGood = offset
            case .emptyInput:
                return nil
            case .error:
                return lastGood
            }
        }
    }
}
