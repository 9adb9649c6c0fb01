/// The labels of a project: the default four, or `<annotations dir>/labels.json`.
public struct LabelSet: Equatable, Sendable {
    public let labels: [Label]
    private let indexByName: [String: Int]

    /// Keys the labeling REPL uses for its own commands; a label may not take them.
    /// `u` undo, `b` back, `s` skip, `?` help, `:` starts a command; digits are counts.
    public static let reservedKeys: Set<Character> = ["u", "b", "s", "?", ":"]

    public static let `default` = try! LabelSet([
        Label(
            name: "claim", key: "c",
            description: "the reporter's own voice asserting a fact, number, event or allegation"),
        Label(name: "quote", key: "q", description: "mainly direct speech in quotation marks, with its attribution"),
        Label(name: "caption", key: "p", description: "describes a photo or video"),
        Label(
            name: "noise", key: "n", description: "boilerplate: navigation, teasers, bylines, dates, calls to action"),
    ])

    /// Validates names and keys; `origin` names the file in messages.
    public init(_ labels: [Label], origin: String = "labels.json") throws(LabelSetError) {
        if labels.isEmpty { throw .noLabels(path: origin) }
        var indexByName: [String: Int] = [:]
        var keys: [Character: String] = [:]
        for (index, label) in labels.enumerated() {
            guard Self.isValidName(label.name) else { throw .badName(path: origin, name: label.name) }
            if Self.reservedKeys.contains(label.key) || label.key.isNumber || label.key.isWhitespace {
                throw .reservedKey(path: origin, name: label.name, key: label.key)
            }
            if indexByName.updateValue(index, forKey: label.name) != nil {
                throw .duplicateName(path: origin, name: label.name)
            }
            if let other = keys.updateValue(label.name, forKey: label.key) {
                throw .duplicateKey(path: origin, key: label.key, first: other, second: label.name)
            }
        }
        self.labels = labels
        self.indexByName = indexByName
    }

    public var names: [String] { labels.map(\.name) }
    public var count: Int { labels.count }

    /// The position of a label in the set (the order reports and matrices use).
    public func index(of name: String) -> Int? { indexByName[name] }

    public func contains(_ name: String) -> Bool { indexByName[name] != nil }

    /// `[a-z][a-z0-9_-]*`
    public static func isValidName(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { isValidName(utf8: $0) }
    }

    /// `[a-z][a-z0-9_-]*`, on UTF-8 bytes.
    public static func isValidName(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = true
        for byte in bytes {
            let ok: Bool =
                first
                ? (0x61...0x7A).contains(byte)
                : (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// "claim, quote, caption, noise (c/q/p/n)", for messages.
    public var summary: String {
        names.joined(separator: ", ") + " (" + labels.map { String($0.key) }.joined(separator: "/") + ")"
    }
}

extension LabelSet {
    /// The label set of a store: its `labels.json` when present, else the default. Throws
    /// `StoreError` (the file cannot be read safely) or `LabelSetError` (it is not a label set).
    public static func load(from store: any JournalStore) throws -> LabelSet {
        guard let bytes = try store.readDocument(.labels) else { return .default }
        return try parse(bytes, origin: store.documentLocation(.labels))
    }

    /// Parses `{"labels":[{"name":"claim","key":"c","description":"…"}, …]}`.
    public static func parse(_ bytes: [UInt8], origin: String) throws(LabelSetError) -> LabelSet {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .malformed(path: origin, reason: "not valid JSON: \(error)")
        }
        guard root.isObject else {
            throw .malformed(path: origin, reason: "the top level must be an object with a \"labels\" array")
        }
        guard let entries = root["labels"]?.arrayValue else {
            throw .malformed(path: origin, reason: "no \"labels\" array")
        }
        var labels: [Label] = []
        for (position, entry) in entries.enumerated() {
            let which = "label \(position + 1)"
            guard entry.isObject else {
                throw .malformed(path: origin, reason: "\(which) is \(entry.kindDescription), not an object")
            }
            guard let name = entry["name"]?.stringValue else {
                throw .malformed(path: origin, reason: "\(which) has no string \"name\"")
            }
            guard let keyText = entry["key"]?.stringValue else {
                throw .malformed(path: origin, reason: "\(which) ('\(name)') has no string \"key\"")
            }
            guard keyText.count == 1, let key = keyText.first else {
                throw .badKey(path: origin, name: name, key: keyText)
            }
            let description: String
            switch entry["description"] {
            case nil, .null?: description = ""
            case .string(let text)?: description = text
            case let other?:
                throw .malformed(
                    path: origin,
                    reason: "\(which) ('\(name)'): \"description\" is \(other.kindDescription), not a string")
            }
            labels.append(Label(name: name, key: key, description: description))
        }
        return try LabelSet(labels, origin: origin)
    }
}
