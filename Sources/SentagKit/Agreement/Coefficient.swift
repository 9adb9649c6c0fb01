/// One agreement figure, the number of items behind it, and why it is undefined when it is.
///
/// An undefined coefficient (one label only, no pair of ratings, a single annotator) has a nil
/// `value` and a `undefinedReason` a reader can act on; it is never NaN or a made-up number.
public struct Coefficient: Equatable, Sendable {
    public var value: Double?
    /// The items the figure is computed from (see each coefficient for which ones).
    public var items: Int
    /// Why `value` is nil, as a clause: "no item has two ratings".
    public var undefinedReason: String?

    public init(value: Double?, items: Int, undefinedReason: String? = nil) {
        self.value = value
        self.items = items
        self.undefinedReason = value == nil ? (undefinedReason ?? "undefined") : nil
    }

    public static func undefined(items: Int, _ reason: String) -> Coefficient {
        Coefficient(value: nil, items: items, undefinedReason: reason)
    }
}
