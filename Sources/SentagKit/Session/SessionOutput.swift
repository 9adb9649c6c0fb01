/// Where the loop writes the screen: standard output, or a string in tests.
public protocol SessionOutput: AnyObject {
    func write(_ text: String)
    /// Makes everything written so far visible; called before each read.
    func flush()
    /// True once writing failed (the terminal or the pipe went away).
    var hasFailed: Bool { get }
}

extension OutputSink: SessionOutput {
    public var hasFailed: Bool { failure != nil }
}

/// Collects what the loop writes, for tests.
public final class CapturedOutput: SessionOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }

    public func flush() {}

    public var hasFailed: Bool { false }
}
