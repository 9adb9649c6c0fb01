/// Reads SOURCE arguments (files and folders) into documents, as SPEC.md describes.
///
/// - A `.txt` file is one document; its id is its path relative to the SOURCE folder without the
///   extension, or, for a file given directly, its name without the extension.
/// - A folder is read recursively (`*.txt`, `*.jsonl`, hidden entries skipped) in sorted path order.
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
    public static func forEachDocument(
        in sources: [String], _ body: (Document) throws(SourceError) -> Void
    ) throws(SourceError) {
        try forEachFile(in: sources) { (_, _, documents) throws(SourceError) in
            for document in documents { try body(document) }
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
            throw .unreadable(path: file.path, reason: error.reason)
        }
    }

    /// Where a document's text is in its file: the bytes of a `.txt` file, or the body of a JSONL
    /// line's `"text"` string (with escapes to decode, or not). Nil when it cannot be said
    /// simply (a key written with escapes).
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
        switch FileSystem.kind(of: source) {
        case nil:
            throw .notFound(path: source)
        case .other:
            throw .unsupportedFileType(path: source)
        case .file:
            guard ["txt", "jsonl"].contains(FileSystem.fileExtension(source)) else {
                throw .unsupportedFileType(path: source)
            }
            return [SourceFile(path: source, idPrefix: FileSystem.stem(source))]
        case .directory:
            var found: [(relative: String, file: SourceFile)] = []
            try collect(folder: source, relative: "", into: &found)
            if found.isEmpty { throw .noDocuments(path: source) }
            // Sorted path order: whole relative paths compared bytewise ("a.txt" before "a/z.txt").
            return found.sorted { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }.map(\.file)
        }
    }

    private static func collect(
        folder: String, relative: String, into found: inout [(relative: String, file: SourceFile)]
    ) throws(SourceError) {
        let names: [String]
        do {
            names = try FileSystem.listDirectory(folder)
        } catch {
            throw .unreadable(path: folder, reason: error.reason)
        }
        for name in names where !name.hasPrefix(".") {
            let path = FileSystem.join(folder, name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            switch FileSystem.kind(of: path) {
            case .directory:
                try collect(folder: path, relative: rel, into: &found)
            case .file:
                let ext = FileSystem.fileExtension(name)
                guard ext == "txt" || ext == "jsonl" else { continue }
                found.append((rel, SourceFile(path: path, idPrefix: String(rel.dropLast(ext.count + 1)))))
            default:
                continue
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
