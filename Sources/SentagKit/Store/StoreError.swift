#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Problems with the store of journals (a folder or a database), each with what to do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case badAnnotatorName(String)
    /// Another session holds the annotator's journal; `holder` describes it (pid, host, since when).
    case locked(journal: String, holder: String)
    case cannotOpen(path: String, reason: String)
    case unreadable(path: String, reason: String)
    /// A file the tool will not read or write: a symbolic link, a FIFO, a device, several links.
    case unsafeFile(path: String, reason: String)
    /// A write or sync failed; the records were not stored.
    case writeFailed(path: String, reason: String)
    /// The store does not exist (a folder that is not there).
    case missing(location: String, hint: String)
    case noJournals(location: String)
    case unknownAnnotator(name: String, known: [String])
    /// A database-level problem, already worded for people (connection, schema, server).
    case database(String)

    public var description: String {
        switch self {
        case .badAnnotatorName(let name):
            "bad annotator name '\(name)'; use letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit)"
        case .locked(let journal, let holder):
            "\(journal) is in use by \(holder); finish that session first (one session per annotator)"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open: \(reason)"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .unsafeFile(let path, let reason):
            "\(path): \(reason); sentag reads and writes only regular files with one link in the annotations folder"
        case .writeFailed(let path, let reason):
            "\(path): could not save: \(reason)"
        case .missing(let location, let hint):
            "\(location): no such annotations folder; \(hint)"
        case .noJournals(let location):
            "\(location): no decisions yet; label some sentences with 'sentag label' first"
        case .unknownAnnotator(let name, let known):
            "no journal for annotator '\(name)'; known: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .database(let message):
            message
        }
    }

    public var errorDescription: String? { description }
}
