#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why `suggest`, `check` or `review --suspects` cannot use the model, each with what to do.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Too few consensus labels (or a label set of one label): `SuggestionReadiness`'s message.
    case notReady(String)
    /// The label set has fewer than two labels: there is nothing to choose between.
    case tooFewLabels([String])
    /// The sources hold no sentence at all.
    case emptyCorpus(sources: [String])
    /// Cross-validation holds each document out in turn: labels in one document give nothing to
    /// check against.
    case tooFewDocuments(Int)

    public var description: String {
        switch self {
        case .notReady(let why):
            "no model yet: \(why); label more with 'sentag label' (consensus labels count: an adjudication, else a strict majority of the votes)"
        case .tooFewLabels(let labels):
            "the label set has \(labels.count) label\(labels.count == 1 ? "" : "s")"
                + (labels.isEmpty ? "" : " (\(labels.joined(separator: ", ")))")
                + "; a model needs at least two to choose between: add labels to labels.json"
        case .emptyCorpus(let sources):
            "\(sources.joined(separator: ", ")) holds no sentence; nothing to suggest or check"
        case .tooFewDocuments(let count):
            "the labels are in \(count) document\(count == 1 ? "" : "s"); checking them needs labels in at least two, "
                + "since each document is held out of the model that judges it"
        }
    }

    public var errorDescription: String? { description }
}
