#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The labels of a project: the default four, or `<annotations dir>/labels.json`.
public struct LabelSet: Equatable, Sendable {
    public let labels: [Label]
    private let indexByName: [String: Int]

    /// Keys the labeling REPL uses for its own commands; a label may not take them.
    ///
    /// `u` undo, `b` back, `s` skip, `?` help, `:` starts a command; ASCII digits are counts
    /// (`n 3`), and only those: `一` or `٣` are keys like any letter.
    public static let reservedKeys: Set<Character> = ["u", "b", "s", "?", ":"]

    public static let `default`: LabelSet = {
        do {
            return try LabelSet([
                Label(
                    name: "claim", key: "c",
                    description: "the reporter's own voice asserting a fact, number, event or allegation"),
                Label(
                    name: "quote", key: "q",
                    description: "mainly direct speech in quotation marks, with its attribution"),
                Label(name: "caption", key: "p", description: "describes a photo or video"),
                Label(
                    name: "noise", key: "n",
                    description: "boilerplate: navigation, teasers, bylines, dates, calls to action"),
            ])
        } catch {
            preconditionFailure("the default labels have valid names and distinct, unreserved keys: \(error)")
        }
    }()

    /// Validates names and keys; `origin` names the file in messages.
    public init(_ labels: [Label], origin: String = "labels.json") throws(LabelSetError) {
        if labels.isEmpty { throw .noLabels(path: origin) }
        var indexByName: [String: Int] = [:]
        var keys: [Character: String] = [:]
        for (index, label) in labels.enumerated() {
            guard Self.isValidName(label.name) else { throw .badName(path: origin, name: label.name) }
            if Self.reservedKeys.contains(label.key) || ("0"..."9").contains(label.key) || label.key.isWhitespace {
                throw .reservedKey(path: origin, name: label.name, key: label.key)
            }
            if label.key.unicodeScalars.contains(where: TerminalText.needsEscaping) {
                throw .controlKey(path: origin, name: label.name, key: label.key)
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

    /// Whether `name` matches `[a-z][a-z0-9_-]*`.
    public static func isValidName(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { isValidName(utf8: $0) }
    }

    /// Whether the UTF-8 `bytes` match `[a-z][a-z0-9_-]*`.
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
    /// The label set of a store: its `labels.json` when present, else the default.
    ///
    /// Throws `StoreError` (the file cannot be read safely) or `LabelSetError` (it is not a
    /// label set).
    public static func load(from store: any JournalStore) throws -> LabelSet {
        guard let bytes = try store.readDocument(.labels) else { return .default }
        return try parse(bytes, origin: store.documentLocation(.labels))
    }

    /// Parses `{"labels":[{"name":"claim","key":"c","description":"…"}, …]}` with `JSONDecoder`
    /// (`LabelsFile`), after `JSONKeyScan` has located any syntax error and refused a key given
    /// twice in one object, which the decoder would pass silently.
    public static func parse(_ bytes: [UInt8], origin: String) throws(LabelSetError) -> LabelSet {
        switch JSONKeyScan.scan(bytes) {
        case .syntaxError(let line, let column, let reason)?:
            throw .malformed(path: origin, reason: "not valid JSON: \(reason) at line \(line), column \(column)")
        case .repeatedKey(let path, let key)?:
            throw .repeatedJSONKey(path: origin, key: key, place: place(path))
        case nil:
            break
        }
        let file: LabelsFile
        do {
            file = try JSONDecoder().decode(LabelsFile.self, from: Data(bytes))
        } catch LabelsFile.Problem.malformed(let reason) {
            throw .malformed(path: origin, reason: reason)
        } catch LabelsFile.Problem.badKey(let name, let key) {
            throw .badKey(path: origin, name: name, key: key)
        } catch {
            throw .malformed(path: origin, reason: "not valid JSON (a bad escape or invalid UTF-8 in a string)")
        }
        return try LabelSet(file.labels, origin: origin)
    }

    /// "at the top level", "in label 2", "in labels[1].meta": where a repeated key is.
    private static func place(_ path: [JSONKeyScan.PathComponent]) -> String {
        if path.isEmpty { return "at the top level" }
        if path.count == 2, path[0] == .key("labels"), case .index(let index) = path[1] {
            return "in label \(index + 1)"
        }
        return "in "
            + path.enumerated().map { position, step in
                switch step {
                case .key(let key): position == 0 ? key : "." + key
                case .index(let index): "[\(index)]"
                }
            }.joined()
    }
}
