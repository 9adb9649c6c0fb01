/// The plan in a store (`plan.json` in a folder), read and written only through the store, so a
/// database store holds it the same way.
public enum PlanDocument {
    /// Where the plan is, for messages.
    public static func location(in store: any JournalStore) -> String {
        store.documentLocation(.plan)
    }

    /// The store's plan and its bytes; nil when it has none.
    public static func read(from store: any JournalStore) throws -> (plan: Plan, bytes: [UInt8])? {
        guard let bytes = try store.readDocument(.plan) else { return nil }
        return (try Plan(jsonBytes: bytes, location: location(in: store)), bytes)
    }

    /// The store's plan; throws `PlanError.noPlan` when it has none.
    public static func require(from store: any JournalStore) throws -> (plan: Plan, bytes: [UInt8]) {
        guard let found = try read(from: store) else { throw PlanError.noPlan(location: store.location) }
        return found
    }

    /// What writing a plan did.
    public enum Outcome: Equatable, Sendable {
        case written
        /// The store held these very bytes already (another lead made the same plan).
        case unchanged
    }

    /// Writes `plan` in place of `previous` (the bytes read before; nil for a first plan).
    ///
    /// Refused with `PlanError.planExists` when a first plan finds another plan there, and with
    /// `.changedMeanwhile` when the plan changed since it was read; the same bytes are no error.
    public static func write(_ plan: Plan, replacing previous: [UInt8]?, in store: any JournalStore) throws -> Outcome {
        let bytes = plan.jsonBytes
        if try store.replaceDocument(.plan, expecting: previous, with: bytes) { return .written }
        guard let now = try store.readDocument(.plan) else {
            throw PlanError.changedMeanwhile(location: location(in: store))
        }
        if now == bytes { return .unchanged }
        if previous == nil {
            let summary = (try? Plan(jsonBytes: now, location: location(in: store)))?.summary ?? "unreadable"
            throw PlanError.planExists(location: location(in: store), summary: summary)
        }
        throw PlanError.changedMeanwhile(location: location(in: store))
    }
}
