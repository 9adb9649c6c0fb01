/// The labeling guidelines `:guide` shows: the store's `GUIDELINES.md`, else the project's
/// (`Annotations/GUIDELINES.md` under the current folder, for a session run on another
/// `--annotations`), else the label set's own descriptions.
///
/// `:guide quote` shows one section: the heading that names the label (a key or prefix works,
/// as when labeling), or any heading starting with the words typed, down to the next heading of
/// the same or a higher level.
public struct Guidelines: Sendable {
    /// The Markdown text; nil when no file was found.
    public let markdown: String?
    /// Where `markdown` comes from, when it is not the store's own (a line shown first).
    public let origin: String?
    /// Where guidelines were looked for, for the message when there are none.
    public let searched: [String]
    public let labelSet: LabelSet

    public init(markdown: String?, origin: String? = nil, searched: [String] = [], labelSet: LabelSet) {
        self.markdown = markdown
        self.origin = origin
        self.searched = searched
        self.labelSet = labelSet
    }

    /// Reads the guidelines of `store`, falling back to `projectFolder`'s.
    public static func load(store: any JournalStore, labelSet: LabelSet, projectFolder: String = "Annotations")
        -> Guidelines
    {
        let name = StoreDocument.guidelines.rawValue
        if let text = readText(store) { return Guidelines(markdown: text, labelSet: labelSet) }
        let storePath = store.documentLocation(.guidelines)
        let projectPath = FileSystem.join(projectFolder, name)
        if projectPath != storePath, let text = readText(FolderStore(path: projectFolder)) {
            return Guidelines(
                markdown: text, origin: "\(projectPath) (there is no \(storePath))", searched: [storePath],
                labelSet: labelSet)
        }
        return Guidelines(
            markdown: nil, searched: projectPath == storePath ? [storePath] : [storePath, projectPath],
            labelSet: labelSet)
    }

    private static func readText(_ store: any JournalStore) -> String? {
        guard let bytes = try? store.readDocument(.guidelines) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Everything: the guidelines with a line saying where they come from when they are not the
    /// store's, or the labels' descriptions.
    public var text: String {
        guard let markdown else {
            return (["no guidelines (\(searched.joined(separator: ", ")) not found); the labels mean:"] + descriptions)
                .joined(separator: "\n")
        }
        guard let origin else { return markdown }
        return "(the guidelines of \(origin))\n\n" + markdown
    }

    /// `  claim (c): the reporter's own voice …`, one line per label.
    var descriptions: [String] {
        labelSet.labels.map { description(of: $0) }
    }

    private func description(of label: Label) -> String {
        "  \(label.name) (\(label.key)): \(label.description.isEmpty ? "no description" : label.description)"
    }

    /// The section on `topic` (a label, by key, name or prefix, or the start of a heading), or
    /// the one-line message saying there is none and what there is.
    public func section(_ topic: String) -> Result<String, SectionNotFound> {
        let label: Label?
        switch SessionCommand.resolveLabel(topic, labels: labelSet) {
        case .success(let index)?: label = labelSet.labels[index]
        default: label = nil
        }
        let headings = markdown.map(Self.headings) ?? []
        let lines = markdown.map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
        let wanted = label?.name ?? topic.lowercased()
        let found =
            headings.first { $0.title == wanted || $0.title.hasPrefix(wanted + " ") }
            ?? (label == nil ? headings.first { $0.title.hasPrefix(wanted) } : nil)
        if let found {
            let end = headings.first { $0.line > found.line && $0.level <= found.level }?.line ?? lines.count
            var section = lines[found.line..<end].map(String.init)
            while section.last?.allSatisfy(\.isWhitespace) == true { section.removeLast() }
            return .success(section.joined(separator: "\n"))
        }
        if let label {
            let place = markdown == nil ? "no guidelines" : "no '\(label.name)' section in the guidelines"
            return .success("\(place); the label set says:\n" + description(of: label))
        }
        let titles = headings.filter { $0.level > 1 }.map(\.title)
        return .failure(
            SectionNotFound(
                topic: topic, accepted: labelSet.names + titles.filter { !labelSet.names.contains($0) }))
    }

    /// A Markdown heading: its line number (from 0), level and title (lowercase, without `*` and
    /// backquotes).
    struct Heading {
        var line: Int
        var level: Int
        var title: String
    }

    static func headings(_ markdown: String) -> [Heading] {
        var headings: [Heading] = []
        var fenced = false
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") { fenced.toggle() }
            guard !fenced, line.hasPrefix("#") else { continue }
            let level = line.prefix(while: { $0 == "#" }).count
            let rest = line.dropFirst(level)
            guard level <= 6, rest.first == " " else { continue }
            let title = String(rest.filter { $0 != "*" && $0 != "`" }).trimmed(of: " \t\r#").lowercased()
            headings.append(Heading(line: number, level: level, title: title))
        }
        return headings
    }

    /// `:guide` with a topic that is neither a label nor a heading.
    public struct SectionNotFound: Error, Equatable, Sendable, CustomStringConvertible {
        public var topic: String
        public var accepted: [String]

        public var description: String {
            "no section '\(topic)' in the guidelines; expected a label or a heading: \(accepted.joined(separator: ", "))"
        }
    }
}
