import CLibPQ

/// libpq's and the server's messages made into one line, and a failed connection attempt made
/// into the `PostgresError` that says what to do.
enum PostgresMessage {
    /// The message on one line: line breaks and tabs become single spaces, `FATAL:  ` and
    /// `ERROR:  ` prefixes go.
    static func oneLine(_ message: String) -> String {
        let words = message.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " || $0 == "\r" })
        return words.joined(separator: " ").replacing("FATAL: ", with: "").replacing("ERROR: ", with: "")
    }

    /// The first line of the message, without libpq's hint lines (`Is the server running…`).
    static func firstLine(_ message: String) -> String {
        oneLine(String(message.split(separator: "\n").first ?? ""))
    }

    /// The error for a connection that did not come up (`PQstatus` is `CONNECTION_BAD`).
    static func connectFailure(_ handle: OpaquePointer, uri: PostgresURI) -> PostgresError {
        let message = uri.scrub(String(cString: PQerrorMessage(handle)))
        let user = PQuser(handle).map { String(cString: $0) } ?? ""
        let database = PQdb(handle).map { String(cString: $0) } ?? ""
        if PQconnectionNeedsPassword(handle) != 0 {
            return .passwordMissing(uri: uri.description, user: user)
        }
        if message.contains("password authentication failed") {
            return .passwordRefused(uri: uri.description, user: user)
        }
        if message.contains("role \""), message.contains("does not exist") {
            return .roleMissing(uri: uri.description, user: user)
        }
        if message.contains("database \""), message.contains("does not exist") {
            return .databaseMissing(uri: uri.description, database: database)
        }
        let unreachable = [
            "Connection refused", "No such file or directory", "Is the server running", "timeout expired",
            "No route to host", "Network is unreachable", "could not translate host name",
            "server closed the connection unexpectedly", "the database system is starting up",
            "the database system is shutting down",
        ]
        if unreachable.contains(where: message.contains) {
            return .serverUnreachable(uri: uri.description, reason: firstLine(message))
        }
        return .connectionFailed(uri: uri.description, reason: oneLine(message))
    }
}
