#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `labels.json` as `JSONDecoder` reads it: `{"labels":[{"name":"claim","key":"c","description":"…"}, …]}`.
///
/// Decoded by hand (`init(from:)`) rather than synthesized, so each problem is named the way a
/// person fixes it, with the label's position and name, not as a coding path. Keys other than
/// these are ignored.
struct LabelsFile: Decodable {
    var labels: [Label]

    /// What is wrong, ready for `LabelSetError`: a reason for `.malformed`, or a key that is not
    /// one character.
    enum Problem: Error {
        case malformed(String)
        case badKey(name: String, key: String)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static let labels = Key("labels")
        static let name = Key("name")
        static let key = Key("key")
        static let description = Key("description")
    }

    init(from decoder: any Decoder) throws {
        guard let root = try? decoder.container(keyedBy: Key.self) else {
            throw Problem.malformed("the top level must be an object with a \"labels\" array")
        }
        guard root.contains(.labels), var list = try? root.nestedUnkeyedContainer(forKey: .labels) else {
            throw Problem.malformed("no \"labels\" array")
        }
        var labels: [Label] = []
        while !list.isAtEnd {
            let which = "label \(labels.count + 1)"
            let entryDecoder = try list.superDecoder()
            guard let entry = try? entryDecoder.container(keyedBy: Key.self) else {
                throw Problem.malformed("\(which) is \(Self.kind(of: entryDecoder)), not an object")
            }
            guard let name = try? entry.decode(String.self, forKey: .name) else {
                throw Problem.malformed("\(which) has no string \"name\"")
            }
            guard let keyText = try? entry.decode(String.self, forKey: .key) else {
                throw Problem.malformed("\(which) ('\(name)') has no string \"key\"")
            }
            guard keyText.count == 1, let key = keyText.first else { throw Problem.badKey(name: name, key: keyText) }
            var description = ""
            if entry.contains(.description), (try? entry.decodeNil(forKey: .description)) != true {
                guard let text = try? entry.decode(String.self, forKey: .description) else {
                    let kind = Self.kind(of: try entry.superDecoder(forKey: .description))
                    throw Problem.malformed("\(which) ('\(name)'): \"description\" is \(kind), not a string")
                }
                description = text
            }
            labels.append(Label(name: name, key: key, description: description))
        }
        self.labels = labels
    }

    /// "a number", "an array", … for messages.
    private static func kind(of decoder: any Decoder) -> String {
        if (try? decoder.container(keyedBy: Key.self)) != nil { return "an object" }
        if (try? decoder.unkeyedContainer()) != nil { return "an array" }
        guard let value = try? decoder.singleValueContainer() else { return "something else" }
        if value.decodeNil() { return "null" }
        if (try? value.decode(Bool.self)) != nil { return "a boolean" }
        if (try? value.decode(Double.self)) != nil { return "a number" }
        if (try? value.decode(String.self)) != nil { return "a string" }
        return "something else"
    }
}
