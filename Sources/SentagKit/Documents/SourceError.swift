/// A source (file or folder of articles) that cannot be read as SPEC.md describes.
public enum SourceError: Error, Equatable, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case unsupportedFileType(path: String)
    case noDocuments(path: String)
    case emptyFile(path: String)
    case invalidUTF8(path: String, line: Int?, byteOffset: Int)
    case badJSONLine(path: String, line: Int, reason: String)
    case duplicateDocumentID(id: String, first: String, second: String)
}

extension SourceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no such file or folder"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .unsupportedFileType(let path):
            "\(path): not a .txt or .jsonl file; give article files or a folder that holds them"
        case .noDocuments(let path):
            "\(path): the folder holds no .txt or .jsonl files"
        case .emptyFile(let path):
            "\(path): the file is empty; an article needs some text"
        case .invalidUTF8(let path, let line, let byteOffset):
            if let line {
                "\(path):\(line): invalid UTF-8 (byte \(byteOffset + 1) of the file); save the file as UTF-8"
            } else {
                "\(path): invalid UTF-8 at byte \(byteOffset + 1); save the file as UTF-8"
            }
        case .badJSONLine(let path, let line, let reason):
            "\(path):\(line): \(reason); each line must be an object with a string \"text\""
        case .duplicateDocumentID(let id, let first, let second):
            "document id '\(id)' appears twice (\(first) and \(second)); ids must be unique"
        }
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SourceError: LocalizedError {
    public var errorDescription: String? { description }
}
