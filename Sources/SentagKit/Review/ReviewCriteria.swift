/// Which rated sentences a review goes through.
///
/// By default the items whose current ratings disagree (at least two ratings, not all the same
/// label); with `everyItem`, every item with enough ratings, agreeing or not. `minimumRatings`
/// (`--min-votes`) is the least number of ratings an item needs, 2 unless raised.
public struct ReviewCriteria: Equatable, Sendable {
    /// `--all`: agreeing items too.
    public var everyItem: Bool
    /// `--min-votes N`.
    public var minimumRatings: Int

    public init(everyItem: Bool = false, minimumRatings: Int = 2) {
        self.everyItem = everyItem
        self.minimumRatings = max(minimumRatings, 1)
    }

    /// Whether an item with `ratings` current ratings is reviewed; `disagree`: they are not all
    /// the same label.
    public func includes(ratings: Int, disagree: Bool) -> Bool {
        guard ratings >= minimumRatings else { return false }
        return everyItem || disagree
    }

    /// What the items are called in messages: "disagreements", "items with at least 3 ratings".
    public var itemsNoun: String {
        if everyItem {
            return minimumRatings == 1 ? "rated items" : "items with at least \(minimumRatings) ratings"
        }
        return minimumRatings <= 2 ? "disagreements" : "disagreements among at least \(minimumRatings) ratings"
    }
}
