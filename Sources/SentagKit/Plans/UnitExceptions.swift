/// The rare exceptions of one unit, after a move that left some of its sentences with the
/// annotator who had already decided them.
struct UnitExceptions: Sendable {
    /// Per holder slot: sentences its holder does not label (someone else kept them).
    var excluded: [Set<SentenceID>]
    /// Sentences kept by former holders.
    var retained: [(annotator: Int32, ids: [SentenceID])]

    init(slots: Int) {
        excluded = Array(repeating: [], count: slots)
        retained = []
    }
}
