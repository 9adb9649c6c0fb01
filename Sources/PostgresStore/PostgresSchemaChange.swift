/// What `PostgresSchema.initialize` did to a database.
public enum PostgresSchemaChange: Equatable, Sendable, CustomStringConvertible {
    case created(version: Int)
    case upgraded(from: Int, to: Int)
    case unchanged(version: Int)

    public var description: String {
        switch self {
        case .created(let version): "created the sentag schema (version \(version))"
        case .upgraded(let from, let to): "upgraded the sentag schema from version \(from) to \(to)"
        case .unchanged(let version): "the sentag schema is up to date (version \(version)); nothing to do"
        }
    }
}
