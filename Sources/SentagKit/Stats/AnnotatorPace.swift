/// One annotator's pace and attention: the median time per sentence (from each decision's
/// `ms`), and the decisions made faster than a person reads, listed as possibly unread.
///
/// A view of the decision table with the corpus: the current votes that count, with their `ms`.
/// Decisions without `ms` (written by another tool, restored by undo) and the followers of a
/// run (`n 3`: labeled with its first sentence, `ms` 0) are not timed.
public struct AnnotatorPace: Equatable, Sendable {
    /// A decision made faster than the floor on a long sentence.
    public struct FastDecision: Equatable, Sendable {
        public var id: SentenceID
        public var doc: String
        /// From 0, as in the records.
        public var index: Int
        public var milliseconds: Int
        /// The sentence's length in characters (Unicode scalars).
        public var characters: Int
    }

    /// What counts as too fast.
    public struct Floor: Equatable, Sendable {
        /// The time under which a decision (on a sentence longer than `characters`) is too fast.
        public var seconds: Double
        /// The sentence length, in characters, above which `seconds` applies.
        public var characters: Int

        public init(seconds: Double = 1, characters: Int = 100) {
            self.seconds = seconds
            self.characters = characters
        }
    }

    public var name: String
    /// Decisions with a time of their own.
    public var timed: Int
    public var medianSeconds: Double?
    /// Possibly unread, in document order.
    public var fast: [FastDecision]

    /// The pace of every journal of `view` (which must have a corpus) with votes that count.
    public static func compute(view: DecisionView, floor: Floor = Floor()) -> [AnnotatorPace] {
        guard let corpus = view.corpus else { preconditionFailure("pace needs a view with a corpus") }
        var paces: [AnnotatorPace] = []
        let limit = Int((floor.seconds * 1000).rounded(.up))
        for (index, journal) in view.table.journals.enumerated() {
            var times: [Int32] = []
            var fast: [(position: Int, decision: FastDecision)] = []
            var votes = 0
            view.forEachDecision(journal: index, adjudicated: false) { decision in
                votes += 1
                let vote = decision.vote
                guard vote.ms >= 0, !vote.run, let position = decision.position else { return }
                times.append(vote.ms)
                let characters = corpus.length(at: position)
                if Int(vote.ms) < limit && characters > floor.characters {
                    fast.append(
                        (
                            position,
                            FastDecision(
                                id: decision.id, doc: journal.docNames[Int(vote.doc)], index: Int(vote.index),
                                milliseconds: Int(vote.ms), characters: characters)
                        ))
                }
            }
            guard votes > 0 else { continue }
            paces.append(
                AnnotatorPace(
                    name: journal.annotator, timed: times.count, medianSeconds: median(&times),
                    fast: fast.sorted { $0.position < $1.position }.map(\.decision)))
        }
        return paces
    }

    /// The median of `values` (milliseconds) in seconds; nil when empty.
    static func median(_ values: inout [Int32]) -> Double? {
        guard !values.isEmpty else { return nil }
        values.sort()
        let middle = values.count / 2
        let ms =
            values.count % 2 == 1 ? Double(values[middle]) : (Double(values[middle - 1]) + Double(values[middle])) / 2
        return ms / 1000
    }
}
