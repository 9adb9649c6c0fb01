/// How one label is chosen for a sentence from its votes and adjudication.
///
/// Votes are the annotators' current decisions (the latest non-adjudicated line per id in each
/// label file; `"label": null` retracts). The adjudication is the latest current adjudicated line
/// for the id across all files.
public enum ExportPolicy: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The adjudication when there is one, else the label with a strict plurality of votes.
    case adjudicatedMajority
    /// The label with a strict plurality of votes; adjudications are ignored.
    case majority
    /// The label every vote agrees on.
    case unanimous
    /// One annotator's current decision.
    case annotator(String)

    /// Parses `adjudicated-majority`, `majority`, `unanimous` or `annotator:NAME`.
    public init(parsing text: String) throws(ExportError) {
        switch text {
        case "adjudicated-majority": self = .adjudicatedMajority
        case "majority": self = .majority
        case "unanimous": self = .unanimous
        default:
            guard text.hasPrefix("annotator:"), text.count > "annotator:".count else { throw .unknownPolicy(text) }
            self = .annotator(String(text.dropFirst("annotator:".count)))
        }
    }

    /// As written on the command line.
    public var description: String {
        switch self {
        case .adjudicatedMajority: "adjudicated-majority"
        case .majority: "majority"
        case .unanimous: "unanimous"
        case .annotator(let name): "annotator:\(name)"
        }
    }

    /// One sentence for the dataset card.
    public var explanation: String {
        switch self {
        case .adjudicatedMajority:
            "the adjudication when there is one, else the label with a strict plurality of the annotators' votes; ties are left out"
        case .majority:
            "the label with a strict plurality of the annotators' votes (adjudications ignored); ties are left out"
        case .unanimous:
            "only items on which every vote agrees"
        case .annotator(let name):
            "the current decisions of annotator \(name) alone"
        }
    }
}
