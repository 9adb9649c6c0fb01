#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Problems with label files and the annotations folder, each with what to do.
public enum AnnotationError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case badAnnotatorName(String)
    /// Another process holds the label file; `holder` describes it (pid, host, since when).
    case locked(path: String, holder: String)
    case cannotOpen(path: String, reason: String)
    case unreadable(path: String, reason: String)
    /// A write or fsync failed; the decision was not recorded.
    case writeFailed(path: String, reason: String)
    /// A record's label is not in the label set.
    case unknownLabel(path: String, line: Int, label: String, known: [String])
    case noLabelFiles(directory: String)
    case unknownAnnotator(name: String, known: [String])

    public var description: String {
        switch self {
        case .badAnnotatorName(let name):
            "bad annotator name '\(name)'; use letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit)"
        case .locked(let path, let holder):
            "\(path) is in use by \(holder); finish that session first (one session per annotator)"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open: \(reason)"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .writeFailed(let path, let reason):
            "\(path): could not save the decision: \(reason); it was not recorded"
        case .unknownLabel(let path, let line, let label, let known):
            "\(path):\(line): label '\(label)' is not in the label set (\(known.joined(separator: ", "))); fix the line or add the label to labels.json"
        case .noLabelFiles(let directory):
            "\(directory): no label files (*.jsonl) yet; label some sentences with 'sentag label' first"
        case .unknownAnnotator(let name, let known):
            "no label file for annotator '\(name)'; known: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        }
    }

    public var errorDescription: String? { description }
}
