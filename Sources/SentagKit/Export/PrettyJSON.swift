/// Writes a `JSONValue` indented for people (`manifest.json`), deterministically.
///
/// Two-space indentation; an array or object without nested containers stays on one line when it
/// fits in 100 characters, so label counts and name lists read as one line each.
enum PrettyJSON {
    static func format(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, indent: 0, to: &out)
        out.append(0x0A)
        return out
    }

    private static func compact(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    private static func isFlat(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let items): items.allSatisfy { !$0.isContainer }
        case .object(let members): members.allSatisfy { !$0.1.isContainer }
        default: true
        }
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
        let oneLine = compact(value)
        if !value.isContainer || (isFlat(value) && oneLine.count + indent <= 100) || value.isEmptyContainer {
            out.append(contentsOf: spaced(oneLine))
            return
        }
        let pad = [UInt8](repeating: 0x20, count: indent + 2)
        switch value {
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                out.append(0x0A)
                out.append(contentsOf: pad)
                write(item, indent: indent + 2, to: &out)
                if position < items.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(0x0A)
            out.append(contentsOf: [UInt8](repeating: 0x20, count: indent))
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (position, (key, member)) in members.enumerated() {
                out.append(0x0A)
                out.append(contentsOf: pad)
                JSONWriter.appendQuoted(key, to: &out)
                out.append(contentsOf: ": ".utf8)
                write(member, indent: indent + 2, to: &out)
                if position < members.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(0x0A)
            out.append(contentsOf: [UInt8](repeating: 0x20, count: indent))
            out.append(UInt8(ascii: "}"))
        default:
            break
        }
    }

    /// A compact one-line container with a space after each `,` and `:` outside strings.
    private static func spaced(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count + 16)
        var inString = false
        var escaped = false
        for byte in compact {
            out.append(byte)
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
                out.append(0x20)
            }
        }
        return out
    }
}

extension JSONValue {
    fileprivate var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    fileprivate var isEmptyContainer: Bool {
        switch self {
        case .array(let items): items.isEmpty
        case .object(let members): members.isEmpty
        default: false
        }
    }
}
