/// `sentag check`: the current labels most likely wrong, best first, and the groups of duplicate
/// sentences whose labels disagree.
///
/// - **The model's doubts.** Every current label that counts (each annotator's vote, each
///   adjudication) is judged by a classifier trained on the consensus labels of the other
///   documents only (`CrossValidation.predictions(for:trainedOn:)`, folds by document), so a
///   wrong label cannot vouch for itself. Its score is the margin by which the model prefers
///   another label (`LabelErrorFinder.score`); labels the model agrees with are not listed.
/// - **Duplicates labeled differently.** The labeled sentences are grouped by
///   `DuplicateFinder` (exact after normalising, or near); a group whose current labels are not
///   all the same is listed, saying whether one annotator labeled copies differently and
///   whether annotators disagree. Each label that is not the group's strict majority is a
///   suspect, with the group's most common other label as the suggestion and, as its score, the
///   share of the group's other labels that disagree with it.
///
/// A label listed for both reasons is one line with both, and the higher score. The model's
/// part needs the consensus to be ready (`SuggestionReadiness`) and labels in two documents;
/// without them `modelNote` says why and only duplicates are checked.
public struct LabelCheck: Sendable {
    /// Why a label is listed.
    public enum Reason: String, Sendable, Comparable {
        case model
        case duplicate

        public static func < (lhs: Reason, rhs: Reason) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A current label that is likely wrong.
    public struct Suspect: Equatable, Sendable {
        public var id: SentenceID
        public var position: Int
        public var annotator: String
        public var adjudicated: Bool
        /// The label given, and the one suggested instead (label-set names).
        public var label: String
        public var suggested: String
        public var score: Double
        public var reasons: [Reason]
        /// The cross-validated model's probability of `suggested`, when the model was asked.
        public var probability: Double?
        /// The duplicate group (index into `conflicts`) that makes it a suspect.
        public var conflict: Int?
    }

    /// One current label in a duplicate group.
    public struct GroupLabel: Equatable, Sendable {
        public var position: Int
        public var annotator: String
        public var adjudicated: Bool
        public var label: String
    }

    /// A group of duplicate sentences whose current labels disagree.
    public struct Conflict: Equatable, Sendable {
        public var kind: DuplicateGroup.Kind
        /// Corpus positions of the group's labeled sentences, ascending.
        public var positions: [Int]
        public var labels: [GroupLabel]
        /// Annotators who gave copies of the sentence different labels themselves.
        public var inconsistentAnnotators: [String]
        /// Whether different annotators (or adjudicators) gave different labels.
        public var acrossAnnotators: Bool
    }

    public var suspects: [Suspect]
    public var conflicts: [Conflict]
    /// Why the model's part was skipped; nil when it ran.
    public var modelNote: String?
    /// Consensus labels the model trained on, and the folds it was cross-validated with.
    public var trainingLabels: Int
    public var folds: Int
    /// Current labels judged (votes and adjudications that count).
    public var labelsChecked: Int

    /// Checks every current label of `view` (which must have a corpus).
    public static func compute(view: DecisionView, folds: Int = 5) -> LabelCheck {
        guard let corpus = view.corpus else { preconditionFailure("check needs a view with a corpus") }
        let names = view.labelSet.names
        // Every current label that counts.
        var given: [(position: Int, journal: Int, adjudicated: Bool, label: Int)] = []
        for journal in view.table.journals.indices {
            for adjudicated in [false, true] {
                view.forEachDecision(journal: journal, adjudicated: adjudicated) { decision in
                    guard let position = decision.position else {
                        preconditionFailure("a decision of a view with a corpus has a position")
                    }
                    given.append((position, journal, adjudicated, decision.label))
                }
            }
        }
        given.sort {
            ($0.position, $0.journal, $0.adjudicated ? 1 : 0) < ($1.position, $1.journal, $1.adjudicated ? 1 : 0)
        }
        var found: [String: Suspect] = [:]
        func key(_ entry: (position: Int, journal: Int, adjudicated: Bool, label: Int)) -> String {
            "\(entry.position) \(entry.journal) \(entry.adjudicated)"
        }

        // The model's doubts.
        let consensus = ConsensusLabels(view: view)
        let set = ModelTrainingSet(consensus: consensus, corpus: corpus, labelSet: view.labelSet)
        let examples = set.examples(corpus: corpus)
        let documents = Set(examples.map(\.document)).count
        var modelNote: String?
        var usedFolds = 0
        if names.count < 2 {
            modelNote = ModelError.tooFewLabels(names).description
        } else if case .waiting(let why) = set.readiness {
            modelNote = ModelError.notReady(why).description
        } else if documents < 2 {
            modelNote = ModelError.tooFewDocuments(documents).description
        } else {
            let positions = Array(Set(given.map(\.position))).sorted()
            let sentences = ModelSentence.sentences(of: corpus, at: positions)
            let targets = zip(positions, sentences).map { position, sentence in
                (sentence: sentence, document: corpus.documents[corpus.documentIndex(ofSentenceAt: position)].id)
            }
            let predictions = CrossValidation.predictions(
                for: targets, trainedOn: examples, labels: names, folds: folds)
            usedFolds = min(folds, documents)
            var predictionAt: [Int: ClassifierPrediction] = [:]
            for (position, prediction) in zip(positions, predictions) { predictionAt[position] = prediction }
            for entry in given {
                guard let prediction = predictionAt[entry.position],
                    let score = LabelErrorFinder.score(prediction, given: entry.label)
                else { continue }
                found[key(entry)] = Suspect(
                    id: corpus.id(at: entry.position), position: entry.position,
                    annotator: view.table.journals[entry.journal].annotator, adjudicated: entry.adjudicated,
                    label: names[entry.label], suggested: prediction.label, score: score, reasons: [.model],
                    probability: prediction.probability, conflict: nil)
            }
        }

        // Duplicates labeled differently.
        let labeled = Array(Set(given.map(\.position))).sorted()
        let groups = DuplicateFinder().groups(labeled.map { corpus.sentences[$0].text })
        var conflicts: [Conflict] = []
        var byPosition: [Int: [Int]] = [:]
        for (index, entry) in given.enumerated() { byPosition[entry.position, default: []].append(index) }
        for group in groups {
            let positions = group.members.map { labeled[$0] }
            let entries = positions.flatMap { byPosition[$0] ?? [] }.map { given[$0] }
            guard Set(entries.map(\.label)).count > 1 else { continue }
            var perAnnotator: [Int: Set<Int>] = [:]
            for entry in entries where !entry.adjudicated {
                perAnnotator[entry.journal, default: []].insert(entry.label)
            }
            let inconsistent = perAnnotator.filter { $0.value.count > 1 }.keys.sorted().map {
                view.table.journals[$0].annotator
            }
            let labelsByJournal = Dictionary(grouping: entries, by: { "\($0.journal) \($0.adjudicated)" })
            let across = labelsByJournal.count > 1 && Set(labelsByJournal.values.map { Set($0.map(\.label)) }).count > 1
            let conflictIndex = conflicts.count
            conflicts.append(
                Conflict(
                    kind: group.kind, positions: positions,
                    labels: entries.map {
                        GroupLabel(
                            position: $0.position, annotator: view.table.journals[$0.journal].annotator,
                            adjudicated: $0.adjudicated, label: names[$0.label])
                    }, inconsistentAnnotators: inconsistent, acrossAnnotators: across))
            var counts = [Int](repeating: 0, count: names.count)
            for entry in entries { counts[entry.label] += 1 }
            let majority = counts.indices.first { counts[$0] * 2 > entries.count }
            for entry in entries where entry.label != majority {
                var others = counts
                others[entry.label] -= 1
                let otherCount = entries.count - 1
                let disagree = otherCount - others[entry.label]
                guard disagree > 0 else { continue }
                var best = -1
                for k in others.indices where k != entry.label && (best < 0 || others[k] > others[best]) { best = k }
                let score = Double(disagree) / Double(otherCount)
                let k = key(entry)
                if var existing = found[k] {
                    existing.reasons.append(.duplicate)
                    existing.conflict = conflictIndex
                    if score > existing.score {
                        existing.score = score
                        existing.suggested = names[best]
                    }
                    found[k] = existing
                } else {
                    found[k] = Suspect(
                        id: corpus.id(at: entry.position), position: entry.position,
                        annotator: view.table.journals[entry.journal].annotator, adjudicated: entry.adjudicated,
                        label: names[entry.label], suggested: names[best], score: score, reasons: [.duplicate],
                        probability: nil, conflict: conflictIndex)
                }
            }
        }
        let suspects = found.values.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.position != rhs.position { return lhs.position < rhs.position }
            if lhs.annotator != rhs.annotator {
                return lhs.annotator.utf8.lexicographicallyPrecedes(rhs.annotator.utf8)
            }
            return !lhs.adjudicated && rhs.adjudicated
        }
        return LabelCheck(
            suspects: suspects, conflicts: conflicts, modelNote: modelNote, trainingLabels: set.count,
            folds: usedFolds, labelsChecked: given.count)
    }
}
