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
        case .duplicateName(let path, let name):
            "\(path): label '\(name)' is listed twice"
        case .duplicateKey(let path, let key, let first, let second):
            "\(path): labels '\(first)' and '\(second)' share the key '\(key)'; keys must be unique"
        }
    }

    public var errorDescription: String? { description }
}
