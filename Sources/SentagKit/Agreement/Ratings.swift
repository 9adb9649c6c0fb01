/// The current ratings of a `DecisionView` as a `RatingTable`: one row per rated sentence id, one
/// column per annotator, and for each cell the slot of the rating in its journal, so a view can
/// show the rating's note and flag.
///
/// A rating is a vote that counts in the view (`DecisionView.forEachDecision`: label in the
/// label set, and, when the view has a corpus, a sentence of the corpus); adjudications are not
/// ratings. Rows come in order of first appearance, journal by journal.
public struct Ratings: Sendable {
    public var table: RatingTable
    /// The view's journal index of each column.
    public var journals: [Int]
    /// `rows × columns`: the slot of the rating in the column's vote lane, -1 for none.
    public var slots: [Int32]
    /// Annotators with a journal but no current rating, left out of the table (an adjudicator,
    /// someone who undid everything).
    ///
    /// Annotators asked for by name are never left out.
    public var leftOut: [String]

    /// The ratings of `annotators` (every annotator with a current rating when nil), leaving out
    /// the sentences `excluded` (a plan's gold checks, which are not agreement items).
    ///
    /// Throws when a named annotator has no journal.
    public static func collect(
        _ view: DecisionView, annotators selected: [String]? = nil, excluding excluded: Set<SentenceID> = []
    ) throws(StoreError) -> Ratings {
        let available = view.table.annotators
        var columns = Array(available.indices)
        if let selected {
            for name in selected where !available.contains(name) {
                throw .unknownAnnotator(name: name, known: available)
            }
            let wanted = Set(selected)
            columns = available.indices.filter { wanted.contains(available[$0]) }
        }
        let width = columns.count
        var grid = Grid(width: width, view: view)
        for (column, journal) in columns.enumerated() {
            view.forEachDecision(journal: journal, adjudicated: false) { decision in
                if !excluded.isEmpty && excluded.contains(decision.id) { return }
                grid.add(decision, column: column)
            }
            grid.flush(column: column)
        }
        let (ids, perColumn) = (grid.ids, grid.perColumn)
        var (cells, slots) = (grid.cells, grid.slots)
        var keep = Array(0..<width)
        var leftOut: [String] = []
        if selected == nil {
            keep = keep.filter { perColumn[$0] > 0 }
            leftOut = (0..<width).filter { perColumn[$0] == 0 }.map { available[columns[$0]] }
        }
        if keep.count < width {
            // Drop the empty columns (rows stay: every row has a rating in a kept column).
            var keptCells: [Int16] = []
            var keptSlots: [Int32] = []
            keptCells.reserveCapacity(ids.count * keep.count)
            keptSlots.reserveCapacity(ids.count * keep.count)
            for row in 0..<ids.count {
                for column in keep {
                    keptCells.append(cells[row * width + column])
                    keptSlots.append(slots[row * width + column])
                }
            }
            cells = keptCells
            slots = keptSlots
        }
        let names = keep.map { available[columns[$0]] }
        return Ratings(
            table: RatingTable(annotators: names, labels: view.labelSet.names, itemIDs: ids, cells: cells),
            journals: keep.map { columns[$0] }, slots: slots, leftOut: leftOut)
    }

    /// The rows and cells `collect` fills, a row per item in the order first met.
    ///
    /// Rows are found by corpus position when the view has a corpus (an array lookup; hashing
    /// the id was a third of warm `stats` over ten 1M-line journals), by id otherwise. Ratings
    /// are taken in blocks, the block's id lookups started together so that their cache misses
    /// overlap (one miss after another was half of `agreement` over ten 1M-line journals).
    private struct Grid {
        /// A rating waiting in the block.
        struct Pending {
            var id: SentenceID
            /// The corpus position (-1: no corpus).
            var position: Int32
            var label: Int16
            var slot: Int32
        }

        static let blockSize = 32
        let width: Int
        var rowOfPosition: [Int32]
        var rowOf: SentenceIDTable
        var ids: [SentenceID] = []
        var cells: [Int16] = []
        var slots: [Int32] = []
        var perColumn: [Int]
        var block: [Pending] = []

        init(width: Int, view: DecisionView) {
            self.width = width
            rowOfPosition = [Int32](repeating: -1, count: view.corpus?.count ?? 0)
            rowOf = SentenceIDTable(
                capacity: view.corpus == nil ? view.table.journals.map(\.votes.count).max() ?? 16 : 16)
            perColumn = [Int](repeating: 0, count: width)
            block.reserveCapacity(Self.blockSize)
        }

        mutating func add(_ decision: DecisionView.Decision, column: Int) {
            block.append(
                Pending(
                    id: decision.id, position: decision.position.map(Int32.init) ?? -1, label: Int16(decision.label),
                    slot: Int32(decision.slot)))
            if block.count == Self.blockSize { flush(column: column) }
        }

        mutating func flush(column: Int) {
            for decision in block where decision.position < 0 { rowOf.touch(decision.id) }
            for decision in block {
                let (found, inserted) = row(of: decision)
                if inserted {
                    ids.append(decision.id)
                    cells.append(contentsOf: repeatElement(RatingTable.none, count: width))
                    slots.append(contentsOf: repeatElement(-1, count: width))
                }
                let cell = Int(found) * width + column
                cells[cell] = decision.label
                slots[cell] = decision.slot
            }
            perColumn[column] += block.count
            block.removeAll(keepingCapacity: true)
        }

        private mutating func row(of decision: Pending) -> (row: Int32, inserted: Bool) {
            guard decision.position >= 0 else { return rowOf.row(for: decision.id) }
            let known = rowOfPosition[Int(decision.position)]
            if known >= 0 { return (known, false) }
            rowOfPosition[Int(decision.position)] = Int32(ids.count)
            return (Int32(ids.count), true)
        }
    }

    /// The slot of the rating in `row` by `column`, if any.
    public func slot(row: Int, column: Int) -> Int? {
        let slot = slots[row * journals.count + column]
        return slot < 0 ? nil : Int(slot)
    }
}
