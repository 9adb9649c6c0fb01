/// One step of a plan's history.
///
/// The queues are what replaying the steps in order gives (`WorkAssignment`); nothing else is
/// needed, so every machine derives the same queues.
public enum PlanEvent: Equatable, Sendable {
    /// The plan was made: the roster and the documents, cut into units and assigned.
    case planned(annotators: [String], documents: [PlannedDocument])
    /// New documents (or new versions of edited ones) were added and assigned to the annotators
    /// present; `removed` documents left the corpus, and their units with them.
    case extended(documents: [PlannedDocument], removed: [String])
    /// `absent` annotators' unstarted work was handed to the others.
    case rebalanced(absent: [String], moves: [UnitMove])
    /// `annotators` joined the roster (or came back) and took over unstarted work.
    case added(annotators: [String], moves: [UnitMove])

    /// The name `plan.json` gives the step (`"event"`).
    public var name: String {
        switch self {
        case .planned: "plan"
        case .extended: "extend"
        case .rebalanced: "rebalance"
        case .added: "add"
        }
    }
}
