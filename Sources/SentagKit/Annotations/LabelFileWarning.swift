/// A line of a label file that was skipped, with where it is and why.
///
/// Reported, never fatal: the line stays in the file untouched (the tool never rewrites a label
/// file), and reading goes on with the next line.
public struct LabelFileWarning: Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// Compiler-shaped: `Annotations/alice.jsonl:17: warning: truncated …; line skipped`.
    public var description: String { "\(path):\(line): warning: \(reason); line skipped" }
}
