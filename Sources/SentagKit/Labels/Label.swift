/// One category an annotator can give a sentence, with its one-key shortcut.
public struct Label: Equatable, Hashable, Sendable {
    /// Lowercase `[a-z][a-z0-9_-]*`.
    public var name: String
    /// A single character, unique within the label set and not one of the REPL's command keys.
    public var key: Character
    public var description: String

    public init(name: String, key: Character, description: String = "") {
        self.name = name
        self.key = key
        self.description = description
    }
}
