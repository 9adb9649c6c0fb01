/// The items of a review: the rated sentences of the sources that the criteria select, in
/// document order, and every rated sentence's votes.
///
/// Built once from the ratings of a decision view with the corpus (`Ratings`: the votes that
/// count, on sentences of the sources). Ratings whose record is not on a sentence of the
/// sources cannot be shown: the items the criteria would select among them are counted in
/// `outsideItems` and `outsideRatings` instead. Votes stay available for every rated sentence,
/// selected or not, so an undo that reaches an item no longer in the review still shows and
/// records them. O(items × annotators) to build; lookups are O(1).
public struct ReviewItems: Sendable {
    public let table: RatingTable
    public let criteria: ReviewCriteria
    /// Corpus positions of the selected items, ascending (document order).
    public let positions: [Int]
    /// Rated sentences of the sources with at least `criteria.minimumRatings` ratings.
    public let eligibleInSources: Int
    /// Items the criteria select whose id is not a sentence of the sources, and their ratings.
    public let outsideItems: Int
    public let outsideRatings: Int
    /// Table row of every rated id.
    private let rows: SentenceIDTable

    /// Selects the items of `table` that `criteria` asks for, in the order of `corpus`.
    ///
    /// - Parameters:
    ///   - table: the current ratings, one row per rated sentence id.
    ///   - corpus: the sentences of the sources.
    ///   - criteria: which items to select.
    ///   - outside: the labels of the ratings that are not on a sentence of the sources, by
    ///     sentence id (`DecisionView.orphanedVotes`).
    public init(
        table: RatingTable, corpus: Corpus, criteria: ReviewCriteria, outside: [SentenceID: [Int]] = [:]
    ) {
        var rows = SentenceIDTable(capacity: table.itemCount)
        var positions: [Int] = []
        var eligible = 0
        var outsideItems = 0
        var outsideRatings = 0
        let width = table.annotatorCount
        table.cells.withUnsafeBufferPointer { cells in
            for row in 0..<table.itemCount {
                let id = table.itemIDs[row]
                rows.insert(id, row: Int32(row))
                var ratings = 0
                var first: Int16 = -1
                var disagree = false
                for cell in cells[(row * width)..<((row + 1) * width)] where cell >= 0 {
                    ratings += 1
                    if first < 0 { first = cell } else if cell != first { disagree = true }
                }
                let position = corpus.position(of: id)
                if position != nil && ratings >= criteria.minimumRatings { eligible += 1 }
                guard criteria.includes(ratings: ratings, disagree: disagree) else { continue }
                if let position {
                    positions.append(position)
                } else {
                    outsideItems += 1
                    outsideRatings += ratings
                }
            }
        }
        for labels in outside.values {
            let disagree = labels.contains { $0 != labels[0] }
            guard criteria.includes(ratings: labels.count, disagree: disagree) else { continue }
            outsideItems += 1
            outsideRatings += labels.count
        }
        positions.sort()
        self.table = table
        self.criteria = criteria
        self.positions = positions
        self.eligibleInSources = eligible
        self.outsideItems = outsideItems
        self.outsideRatings = outsideRatings
        self.rows = rows
    }

    /// The progress scope of the adjudicator's ledger: the selected items.
    public var scope: DecisionLedger.ProgressScope { .positions(Set(positions)) }

    /// The table row of a rated id; nil when nobody has a current rating of it.
    public func row(of id: SentenceID) -> Int? {
        rows.row(of: id).map(Int.init)
    }

    /// The ratings of a row as (annotator, label), in annotator order.
    public func votes(ofRow row: Int) -> [(annotator: String, label: String)] {
        var votes: [(annotator: String, label: String)] = []
        for column in 0..<table.annotatorCount {
            if let label = table[row, column] { votes.append((table.annotators[column], table.labels[label])) }
        }
        return votes
    }

    /// The ratings of a sentence, annotator → label, as an adjudication's `votes` records them;
    /// nil when it has none.
    public func votes(of id: SentenceID) -> [String: String]? {
        guard let row = row(of: id) else { return nil }
        var votes: [String: String] = [:]
        for vote in self.votes(ofRow: row) { votes[vote.annotator] = vote.label }
        return votes.isEmpty ? nil : votes
    }

    /// Ratings per label of a row, most frequent first (ties in label set order), labels without
    /// a rating left out.
    public func counts(ofRow row: Int) -> [(label: String, count: Int)] {
        var counts = [Int](repeating: 0, count: table.labelCount)
        for column in 0..<table.annotatorCount {
            if let label = table[row, column] { counts[label] += 1 }
        }
        let order = counts.indices.filter { counts[$0] > 0 }.sorted {
            counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
        }
        return order.map { (table.labels[$0], counts[$0]) }
    }

    /// The label most ratings of a sentence give, when one has strictly more than any other;
    /// nil on a tie or without ratings.
    ///
    /// What Enter accepts in a review.
    public func majority(of id: SentenceID) -> String? {
        guard let row = row(of: id) else { return nil }
        let counts = counts(ofRow: row)
        guard let top = counts.first, counts.count == 1 || counts[1].count < top.count else { return nil }
        return top.label
    }
}
