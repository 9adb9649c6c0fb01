/// The gold (check) items of a plan: sentences whose label is known, mixed into every queue at
/// `rate`, so each annotator's accuracy can be measured.
///
/// They are not agreement items.
///
/// The plan holds the items themselves (with the document and index they had), so every machine
/// has them without the file they came from.
public struct GoldSet: Equatable, Sendable {
    /// One gold sentence.
    public struct Item: Equatable, Sendable {
        public var id: SentenceID
        public var label: String
        public var doc: String
        /// The sentence's position in its document when the plan was made, from 0.
        public var index: Int

        public init(id: SentenceID, label: String, doc: String, index: Int) {
            self.id = id
            self.label = label
            self.doc = doc
            self.index = index
        }
    }

    /// The share of each queue that is gold, in [0, 1).
    public var rate: Double
    /// The file the items were read from, for people.
    public var file: String
    /// In corpus order.
    public var items: [Item]

    public init(rate: Double, file: String, items: [Item]) {
        self.rate = rate
        self.file = file
        self.items = items
    }

    /// Gold label by sentence id.
    public var labels: [SentenceID: String] {
        var labels: [SentenceID: String] = [:]
        labels.reserveCapacity(items.count)
        for item in items { labels[item.id] = item.label }
        return labels
    }

    /// The number of gold items in a queue of `own` other sentences at `rate`: `rate` of the
    /// whole queue, rounded, at most every item.
    public func count(besides own: Int) -> Int {
        guard rate > 0, own > 0, !items.isEmpty else { return 0 }
        let wanted = (rate * Double(own) / (1 - rate)).rounded()
        return min(items.count, max(1, Int(wanted)))
    }
}
