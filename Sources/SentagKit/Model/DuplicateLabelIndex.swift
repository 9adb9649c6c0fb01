/// Labeled sentences by their normalised text: which one, if any, a sentence duplicates exactly.
///
/// The text is normalised by `DuplicateFinder.normalisedKey`. This is what lets `label` suggest
/// the label of a wire copy the moment its twin is labeled.
///
/// Keyed by a 64-bit hash of the normalised text; a lookup compares the texts themselves, so a
/// hash collision never passes one sentence off as another's copy. O(1) per add and lookup.
public struct DuplicateLabelIndex: Sendable {
    private var positions: [UInt64: Int] = [:]

    public init() {}

    /// The hash a sentence's text is filed under.
    public static func key(_ text: String) -> UInt64 {
        DuplicateFinder.hash(DuplicateFinder.normalisedKey(text))
    }

    /// Files the labeled sentence at `position` (a corpus position) with `text`; the first one
    /// filed under a text stays.
    public mutating func add(_ text: String, position: Int) {
        let key = Self.key(text)
        if positions[key] == nil { positions[key] = position }
    }

    /// Takes the sentence at `position` out (its label was withdrawn); another copy labeled
    /// later takes its place when it is added.
    public mutating func remove(_ text: String, position: Int) {
        let key = Self.key(text)
        if positions[key] == position { positions[key] = nil }
    }

    /// The labeled sentence whose text is `text` after normalising, other than `position`
    /// itself; `textAt` gives the text of a corpus position, to rule out a hash collision.
    public func duplicate(of text: String, at position: Int, textAt: (Int) -> String) -> Int? {
        guard let found = positions[Self.key(text)], found != position else { return nil }
        return DuplicateFinder.normalisedKey(textAt(found)) == DuplicateFinder.normalisedKey(text) ? found : nil
    }

    public var count: Int { positions.count }
}
