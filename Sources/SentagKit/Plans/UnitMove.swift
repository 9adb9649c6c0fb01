/// A unit of work handed from one annotator to another by `plan --rebalance` or `plan --add`,
/// as the plan records it, so every machine replays the same hand-over.
///
/// A unit is named by its document and the index of its first sentence (units of a document
/// never overlap). `keep` lists the sentences of the unit that `from` had already decided when
/// the move was made: they stay with `from` (their decisions are never touched), and `to` gets
/// the rest.
public struct UnitMove: Equatable, Sendable {
    public var doc: String
    public var start: Int
    public var from: String
    public var to: String
    public var keep: [SentenceID]

    public init(doc: String, start: Int, from: String, to: String, keep: [SentenceID] = []) {
        self.doc = doc
        self.start = start
        self.from = from
        self.to = to
        self.keep = keep
    }
}
