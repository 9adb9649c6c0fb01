#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What can go wrong making, reading or following a plan, each message saying what was wrong,
/// where, and what to do.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The store has no plan.
    case noPlan(location: String)
    /// Options that cannot make a plan (`PlanMaker.Options.problem`).
    case badOption(String)
    /// `annotator` is not on the plan's roster.
    case notInRoster(annotator: String, roster: [String], location: String)
    /// `plan.json` could not be understood (bad JSON, a merge conflict, a wrong value).
    case unreadablePlan(location: String, reason: String)
    /// `plan.json` was written by a newer sentag.
    case newerFormat(location: String, format: Int)
    /// A different plan is already in the store; a second lead is refused.
    case planExists(location: String, summary: String)
    /// The plan changed between reading and writing it (another lead at the same moment).
    case changedMeanwhile(location: String)
    /// None of the plan's documents is in the sources: the plan is for another corpus.
    case otherCorpus(location: String, planned: String, sources: [String], found: String)
    /// The sources hold no sentence.
    case emptyCorpus(sources: [String])
    /// The gold file cannot be read.
    case goldUnreadable(path: String, reason: String)
    /// A line of the gold file is not a gold item.
    case goldLine(path: String, line: Int, reason: String)
    /// Gold ids that are not sentences of the sources: `(line, id)` of the first ones, and how many.
    case goldUnknownIDs(path: String, examples: [String], count: Int, sources: [String])
    /// Gold labels that are not in the label set: `line: label` of the first ones, and how many.
    case goldUnknownLabels(path: String, examples: [String], count: Int, labels: [String])
    /// The same id with two different labels.
    case goldConflict(path: String, id: String, lines: [Int], labels: [String])
    case goldEmpty(path: String)
    /// Names given to `--absent` or `--add` that do not fit the roster.
    case unknownAnnotators(names: [String], roster: [String])
    case alreadyPresent(names: [String])
    /// A rebalance would leave nobody to label.
    case nobodyPresent(roster: [String])
    /// An overlap unit cannot get K distinct annotators from those present.
    case cannotKeepDistinct(place: String, k: Int, present: [String])
    /// A step of the plan's history does not replay (a hand edit).
    case badHistory(location: String, reason: String)

    public var description: String {
        switch self {
        case .noPlan(let location):
            "\(location) has no plan (plan.json); make one with 'sentag plan --annotators A,B,…'"
        case .badOption(let problem):
            problem
        case .notInRoster(let annotator, let roster, let location):
            "'\(annotator)' is not on the plan's roster (\(roster.joined(separator: ", "))) in \(location); "
                + "label as one of them, or ask the lead to add you ('sentag plan --add \(annotator)')"
        case .unreadablePlan(let location, let reason):
            "\(location): not a plan sentag can read: \(reason); "
                + "if a git merge left conflict markers in it, keep one side ('git checkout --theirs' or '--ours'), "
                + "or make the plan again with 'sentag plan --replace'"
        case .newerFormat(let location, let format):
            "\(location) is a plan of format \(format), newer than this sentag understands (1); update sentag"
        case .planExists(let location, let summary):
            "\(location) already holds another plan (\(summary)); 'sentag plan --status' shows it. "
                + "To replace it pass --replace (decisions are kept; the queues change), "
                + "or change it with --rebalance, --add or --extend"
        case .changedMeanwhile(let location):
            "\(location) changed while this plan was being made (another lead at the same moment?); "
                + "nothing was written: look at it with 'sentag plan --status' and try again"
        case .otherCorpus(let location, let planned, let sources, let found):
            "the plan in \(location) was made for another corpus (\(planned)); none of its documents is in "
                + "\(sources.joined(separator: ", ")) (\(found)). Pass the sources it was made for, "
                + "or make a new plan with 'sentag plan --replace'"
        case .emptyCorpus(let sources):
            "\(sources.joined(separator: ", ")) holds no sentence to plan"
        case .goldUnreadable(let path, let reason):
            "\(path): cannot read the gold file: \(reason)"
        case .goldLine(let path, let line, let reason):
            "\(path):\(line): \(reason); a gold file holds JSON lines with at least \"id\" and \"label\" "
                + "(export lines and label-file lines qualify)"
        case .goldUnknownIDs(let path, let examples, let count, let sources):
            "\(path): \(count) gold id\(count == 1 ? " is" : "s are") not a sentence of "
                + "\(sources.joined(separator: ", ")) (\(examples.joined(separator: ", "))\(count > examples.count ? ", …" : "")); "
                + "pass the sources the gold file was made from, or remove those lines"
        case .goldUnknownLabels(let path, let examples, let count, let labels):
            "\(path): \(count) gold label\(count == 1 ? " is" : "s are") not in the label set "
                + "(\(examples.joined(separator: ", "))\(count > examples.count ? ", …" : "")); "
                + "expected \(labels.joined(separator: ", ")) (labels.json sets them)"
        case .goldConflict(let path, let id, let lines, let labels):
            "\(path): sentence \(id) has two gold labels (\(labels.joined(separator: ", ")) on lines "
                + "\(lines.map(String.init).joined(separator: " and "))); keep one"
        case .goldEmpty(let path):
            "\(path): no gold item; a gold file holds JSON lines with at least \"id\" and \"label\""
        case .unknownAnnotators(let names, let roster):
            "not on the plan's roster: \(names.joined(separator: ", ")); the roster is \(roster.joined(separator: ", "))"
        case .alreadyPresent(let names):
            "already on the roster and present: \(names.joined(separator: ", ")); --add takes new annotators "
                + "or ones a rebalance marked absent"
        case .nobodyPresent(let roster):
            "that would leave nobody of \(roster.joined(separator: ", ")) to label; add someone with "
                + "'sentag plan --add NAME' first"
        case .cannotKeepDistinct(let place, let k, let present):
            "\(place) needs \(k) distinct annotators, and those present (\(present.joined(separator: ", "))) "
                + "are too few or hold it already; add an annotator ('sentag plan --add NAME') first"
        case .badHistory(let location, let reason):
            "\(location): the plan's history does not replay: \(reason); was plan.json edited by hand? "
                + "Restore it from git, or make a new plan with 'sentag plan --replace'"
        }
    }

    public var errorDescription: String? { description }
}
