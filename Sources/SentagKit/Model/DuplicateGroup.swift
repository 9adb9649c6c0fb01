/// A group of sentences with the same or nearly the same text: what `duplicates` prints one line for.
public struct DuplicateGroup: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The same text after normalising white space, quotation marks, dashes and case.
        case exact
        /// Word-bigram Jaccard similarity ≥ the threshold between members, but not all the same text.
        case near
    }

    public var kind: Kind
    /// Positions of the members in the list given to `DuplicateFinder`, ascending.
    public var members: [Int]

    public init(kind: Kind, members: [Int]) {
        self.kind = kind
        self.members = members
    }
}
