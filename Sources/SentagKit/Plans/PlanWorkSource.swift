/// An annotator's work under a plan, as the store hands it out: the overlap units the plan gives
/// them, and the single-annotation units the store says they label (`JournalStore.singleUnits`).
///
/// A database hands single units out of the team's shared pool: the session starts with what the
/// annotator claimed before, and each time their queue runs out, `more()` claims the next free
/// unit, so a fast annotator is never idle while a slow one holds a fixed share. A folder answers
/// with the plan's own share, so its queue is the plan's and `more()` has nothing to add.
public final class PlanWorkSource {
    let store: any JournalStore
    let assignment: WorkAssignment
    let match: PlanCorpusMatch
    let annotator: String
    /// The single units the annotator holds, by name.
    public private(set) var units: [String]
    /// The queue they make with the overlap units and the gold checks.
    public private(set) var queue: PlannedQueue

    /// Asks the store what the annotator holds, claiming nothing.
    public init(
        store: any JournalStore, assignment: WorkAssignment, match: PlanCorpusMatch, annotator: String
    ) throws(StoreError) {
        self.store = store
        self.assignment = assignment
        self.match = match
        self.annotator = annotator
        units = try store.singleUnits(assignment.singleUnitRequest(for: annotator, more: 0))
        queue = assignment.queue(for: annotator, in: match, singleUnits: units)
    }

    /// Claims the next unit (again, while a claimed one brings no sentence: a document edited
    /// since the plan) and returns the positions it adds to the queue, in queue order; empty
    /// when the store has nothing more to give (a folder, a dry pool) or cannot be reached.
    public func more() -> [Int] {
        for _ in 0..<16 {
            guard let held = try? store.singleUnits(assignment.singleUnitRequest(for: annotator, more: 1)),
                held.count > units.count
            else { return [] }
            units = held
            let before = Set(queue.positions)
            queue = assignment.queue(for: annotator, in: match, singleUnits: held)
            let added = queue.positions.filter { !before.contains($0) }
            if !added.isEmpty { return added }
        }
        return []
    }
}
