/// A warning for people: where (`Annotations/alice.jsonl:17`), and what and why.
///
/// Every command prints warnings the same way (`Diagnostic.lines`): compiler-shaped, at most a
/// fixed number, then one line counting the rest.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// A file and line, a record's place in a database, or empty.
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    /// `Annotations/alice.jsonl:17: warning: "label" is not a string; line skipped`.
    public var description: String { location.isEmpty ? "warning: \(message)" : "\(location): warning: \(message)" }

    /// How many warnings a command shows before counting the rest.
    public static let shownLimit = 20

    /// The lines to print for `diagnostics`, of which there are `total` (more than were kept):
    /// the first `shownLimit`, then how many more there are.
    public static func lines(_ diagnostics: [Diagnostic], total: Int? = nil) -> [String] {
        let total = max(total ?? diagnostics.count, diagnostics.count)
        var lines = diagnostics.prefix(shownLimit).map(\.description)
        let rest = total - lines.count
        if rest > 0 { lines.append("warning: \(rest) more warning\(rest == 1 ? "" : "s") not shown") }
        return lines
    }
}
