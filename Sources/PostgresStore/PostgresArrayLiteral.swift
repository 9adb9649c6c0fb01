/// PostgreSQL's text form of an array (`{"a","b\"c"}`), to pass a list as one parameter
/// (`$1::text[]`, then `unnest`).
enum PostgresArrayLiteral {
    /// Every element quoted, with `"` and `\` escaped by a backslash.
    static func text(_ values: [String]) -> String {
        var result = "{"
        result.reserveCapacity(values.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { result += "," }
            result += "\""
            for character in value.unicodeScalars {
                if character == "\"" || character == "\\" { result += "\\" }
                result.unicodeScalars.append(character)
            }
            result += "\""
        }
        return result + "}"
    }
}
