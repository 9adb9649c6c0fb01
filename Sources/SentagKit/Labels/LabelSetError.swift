#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `labels.json` that cannot be used, with what to fix.
public enum LabelSetError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case noLabels(path: String)
    case badName(path: String, name: String)
    case badKey(path: String, name: String, key: String)
    case reservedKey(path: String, name: String, key: Character)
    /// A key that is a control character: it could be neither shown nor typed.
    case controlKey(path: String, name: String, key: Character)
    /// A JSON key given twice in one object; `place` says which ("in label 2").
    case repeatedJSONKey(path: String, key: String, place: String)
    case duplicateName(path: String, name: String)
    case duplicateKey(path: String, key: Character, first: String, second: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .malformed(let path, let reason):
            "\(path): \(reason); expected {\"labels\":[{\"name\":\"claim\",\"key\":\"c\",\"description\":\"…\"}, …]}"
        case .noLabels(let path):
            "\(path): the \"labels\" list is empty; give at least one label"
        case .badName(let path, let name):
            "\(path): bad label name '\(name)'; names are lowercase [a-z][a-z0-9_-]* (a letter, then letters, digits, '_' or '-')"
        case .badKey(let path, let name, let key):
            "\(path): label '\(name)' has key '\(key)'; a key is exactly one character"
        case .reservedKey(let path, let name, let key):
            "\(path): label '\(name)' cannot use key '\(key)'; u, b, s, ?, :, digits and spaces are reserved for commands"
        case .controlKey(let path, let name, let key):
            "\(path): label '\(name)' cannot use the control character \(TerminalText.visible(String(key))) as its key; "
                + "give a letter or a sign that can be typed"
        case .repeatedJSONKey(let path, let key, let place):
            "\(path): \"\(key)\" is given twice \(place); give each key once (readers disagree on which one counts)"
        case .duplicateName(let path, let name):
            "\(path): label '\(name)' is listed twice"
        case .duplicateKey(let path, let key, let first, let second):
            "\(path): labels '\(first)' and '\(second)' share the key '\(key)'; keys must be unique"
        }
    }

    public var errorDescription: String? { description }
}
