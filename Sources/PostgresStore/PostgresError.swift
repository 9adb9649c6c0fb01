#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What went wrong talking to PostgreSQL, each with what to do, in one line.
///
/// Every `uri` here is already redacted (`PostgresURI.description`): no message ever carries a
/// password. Server messages are reduced to one line.
public enum PostgresError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The text is not a connection URI libpq accepts.
    case malformedURI(uri: String, reason: String)
    /// The server asked for a password and none was given (URI, `PGPASSWORD`, `~/.pgpass`).
    case passwordMissing(uri: String, user: String)
    /// The server refused the password, or the role does not exist (the server does not say
    /// which, on purpose).
    case passwordRefused(uri: String, user: String)
    case roleMissing(uri: String, user: String)
    case databaseMissing(uri: String, database: String)
    /// Nothing listens at the address: the server is stopped, or the host, port or socket
    /// folder is wrong.
    case serverUnreachable(uri: String, reason: String)
    /// Any other refusal at connection time (`pg_hba.conf`, too many connections, TLS).
    case connectionFailed(uri: String, reason: String)
    /// The server is older than `PostgresConnection.minimumServerVersion`.
    case serverTooOld(uri: String, version: String, minimum: String)
    /// The connection broke during a statement (server stopped or restarted, network gone).
    /// What that statement would have saved is not confirmed: count it as not saved.
    case connectionLost(uri: String, reason: String)
    /// The server refused a statement. `sqlState` is PostgreSQL's five-character code
    /// (`23505` a unique violation, `42501` a missing privilege, …).
    case statementFailed(uri: String, sqlState: String, message: String, statement: String)
    /// The database is not UTF-8, so it cannot hold every record byte for byte.
    case unsupportedEncoding(uri: String, encoding: String)
    /// No sentag schema in the database yet.
    case schemaMissing(uri: String)
    /// The schema is older than this sentag's; `sentag store init` upgrades it.
    case schemaTooOld(uri: String, found: Int, expected: Int)
    /// The schema was written by a newer sentag.
    case schemaTooNew(uri: String, found: Int, known: Int)
    /// The `sentag` schema holds something sentag did not make.
    case schemaForeign(uri: String, reason: String)
    /// A journal operation for an annotator the database has no row for.
    case annotatorNotRegistered(uri: String, annotator: String)

    public var description: String {
        switch self {
        case .malformedURI(let uri, let reason):
            "'\(uri)' is not a PostgreSQL connection URI (\(reason)); expected postgresql://[user@]host[:port]/database[?param=value&…]"
        case .passwordMissing(let uri, let user):
            "\(uri): the server asks a password for user '\(user)' and none was given; set PGPASSWORD or add a line to ~/.pgpass"
        case .passwordRefused(let uri, let user):
            "\(uri): the server refused the password for user '\(user)' (or there is no such user); check PGPASSWORD, ~/.pgpass and the user name"
        case .roleMissing(let uri, let user):
            "\(uri): there is no user (role) '\(user)' on the server; check the user name in the URI, or ask for 'CREATE ROLE \(user) LOGIN'"
        case .databaseMissing(let uri, let database):
            "\(uri): database '\(database)' does not exist; check its name in the URI, or create it ('createdb \(database)') and run 'sentag store init'"
        case .serverUnreachable(let uri, let reason):
            "\(uri): no PostgreSQL server answers (\(reason)); start the server, or fix the host, port or socket folder in the URI"
        case .connectionFailed(let uri, let reason):
            "\(uri): the server refused the connection: \(reason)"
        case .serverTooOld(let uri, let version, let minimum):
            "\(uri): PostgreSQL \(version) is too old; sentag needs PostgreSQL \(minimum) or newer"
        case .connectionLost(let uri, let reason):
            "\(uri): lost the connection (\(reason)); what was being saved is not confirmed, count it as not saved, and reconnect when the server is back"
        case .statementFailed(let uri, let sqlState, let message, let statement):
            "\(uri): the server refused '\(statement)': \(message) (SQLSTATE \(sqlState))\(Self.advice(sqlState: sqlState))"
        case .unsupportedEncoding(let uri, let encoding):
            "\(uri): the database's encoding is \(encoding), not UTF8; create it with 'createdb -E UTF8 -T template0 NAME'"
        case .schemaMissing(let uri):
            "\(uri): no sentag tables in this database; run 'sentag store init \(uri)' first"
        case .schemaTooOld(let uri, let found, let expected):
            "\(uri): the sentag schema is version \(found), this sentag needs version \(expected); run 'sentag store init \(uri)' to upgrade it"
        case .schemaTooNew(let uri, let found, let known):
            "\(uri): the sentag schema is version \(found), written by a newer sentag (this one knows versions up to \(known)); upgrade sentag"
        case .schemaForeign(let uri, let reason):
            "\(uri): the schema 'sentag' was not made by sentag (\(reason)); use another database, or drop that schema if it is not needed"
        case .annotatorNotRegistered(let uri, let annotator):
            "\(uri): annotator '\(annotator)' has no journal in this database; open the journal before appending to it"
        }
    }

    public var errorDescription: String? { description }

    /// Whether the connection itself is gone (rather than one statement refused).
    public var isConnectionLost: Bool {
        if case .connectionLost = self { return true }
        return false
    }

    private static func advice(sqlState: String) -> String {
        switch sqlState {
        case "42501": "; connect as the database's owner, or ask for the privilege"
        case "53100": "; the server's disk is full"
        case "40001", "40P01": "; try again"
        default: ""
        }
    }
}
