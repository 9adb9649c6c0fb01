/// A source (file or folder of articles) that cannot be read as SPEC.md describes.
public enum SourceError: Error, Equatable, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case unsupportedFileType(path: String)
    /// A FIFO, a device or a socket where an article file was expected.
    case notRegularFile(path: String)
    /// A folder reached a second time inside one SOURCE (a symbolic link back to a folder being
    /// read, or a second link to one read already); `first` is the path it was read under.
    case repeatedFolder(path: String, first: String)
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
        case .notRegularFile(let path):
            "\(path): \(FileSystem.notRegularFile); give article files or a folder that holds them"
        case .repeatedFolder(let path, let first):
            "\(path): the folder \(first) again, through a symbolic link; remove the link, or give the "
                + "folders as separate sources"
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
