#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why `sentag export` could not write a dataset, each with what to do about it.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// `--split` is not three non-negative numbers summing to 100 or to 1.
    case badSplit(String, reason: String)
    case unknownPolicy(String)
    /// `--drop` names a label that is not in the label set.
    case unknownDropLabel(String, known: [String])
    /// Nothing is left to export; `detail` says why (no decisions, or what the policy left out).
    case noExamples(annotations: String, detail: String)
    /// `--out` names something that is not a folder.
    case outputNotADirectory(path: String)
    /// `--out` names a folder that holds other files than a previous export; it is not replaced.
    case outputNotAnExport(path: String, entry: String)
    case cannotWrite(path: String, reason: String)
    /// The finished dataset could not be moved into place; `kept` says where things are.
    case cannotReplace(path: String, reason: String, kept: String)

    public var description: String {
        switch self {
        case .badSplit(let text, let reason):
            "bad --split '\(text)': \(reason); expected train/dev/test as percentages (80/10/10) or fractions (0.8/0.1/0.1)"
        case .unknownPolicy(let text):
            "unknown policy '\(text)'; use adjudicated-majority, majority, unanimous or annotator:NAME"
        case .unknownDropLabel(let label, let known):
            "--drop \(label): no such label; the label set is \(known.joined(separator: ", "))"
        case .noExamples(let annotations, let detail):
            "\(annotations): nothing to export: \(detail)"
        case .outputNotADirectory(let path):
            "\(path) exists and is not a folder; choose a new folder for --out"
        case .outputNotAnExport(let path, let entry):
            "\(path) holds '\(entry)', which a sentag export does not write; it would be replaced, so "
                + "choose a new or empty folder for --out (or a previous export's folder)"
        case .cannotWrite(let path, let reason):
            "\(path): cannot write: \(reason); nothing was replaced"
        case .cannotReplace(let path, let reason, let kept):
            "\(path): cannot move the new dataset into place: \(reason); \(kept)"
        }
    }

    public var errorDescription: String? { description }
}
