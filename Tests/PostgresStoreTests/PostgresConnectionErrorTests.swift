import Foundation
import PostgresStore
import Testing

/// Each way a connection fails gives its own error, in one line, without the password.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresConnectionErrorTests {
    /// A role that logs in with a password (SCRAM), for this test only.
    struct PasswordRole {
        let name = "sentag_pw_" + UUID().uuidString.lowercased().prefix(8)
        let password = "right-horse-battery"

        init() throws {
            try PostgresTestServer.connect().execute("CREATE ROLE \(name) LOGIN PASSWORD '\(password)'")
        }

        func uri(_ extra: String) throws -> String {
            try PostgresTestServer.requiredURI() + "&user=\(name)" + extra
        }

        func drop() {
            _ = try? PostgresTestServer.connect().execute("DROP ROLE IF EXISTS \(name)")
        }
    }

    /// Connects and returns the error, or records an issue when it connected.
    func failure(_ uri: String, sourceLocation: SourceLocation = #_sourceLocation) -> PostgresError? {
        do {
            _ = try PostgresConnection(uri)
            Issue.record("connected to \(uri)", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(!error.description.contains("\n"), "one line: \(error)", sourceLocation: sourceLocation)
            return error
        }
    }

    @Test func aRefusedPasswordIsNamedAndNeverShown() throws {
        let role = try PasswordRole()
        defer { role.drop() }
        let error = failure(try role.uri("&password=wrong-horse-staple"))
        #expect(error == .passwordRefused(uri: try role.uri(""), user: role.name), "\(String(describing: error))")
        let message = error?.description ?? ""
        #expect(!message.contains("wrong-horse"), "\(message)")
        #expect(message.contains("check PGPASSWORD, ~/.pgpass"), "\(message)")
    }

    @Test func aMissingPasswordSaysWhereToPutIt() throws {
        let role = try PasswordRole()
        defer { role.drop() }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID())").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data(), attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let error = failure(try role.uri("&passfile=\(empty)"))
        #expect(error == .passwordMissing(uri: try role.uri("&passfile=\(empty)"), user: role.name))
        #expect(error?.description.contains("set PGPASSWORD or add a line to ~/.pgpass") == true)
    }

    /// libpq finds the password the way it always does (here a password file, as ~/.pgpass);
    /// a password in the URI works too.
    @Test func thePasswordComesFromAPasswordFileOrTheURI() throws {
        let role = try PasswordRole()
        defer { role.drop() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID())").path
        _ = FileManager.default.createFile(
            atPath: file, contents: Data("*:*:*:\(role.name):\(role.password)\n".utf8),
            attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(atPath: file) }
        let viaFile = try PostgresConnection(try role.uri("&passfile=\(file)"))
        #expect(try viaFile.execute("SELECT current_user").scalar == role.name)
        let viaURI = try PostgresConnection(try role.uri("&password=\(role.password)"))
        #expect(try viaURI.execute("SELECT current_user").scalar == role.name)
        #expect(!viaURI.uri.description.contains(role.password), "\(viaURI.uri)")
    }

    @Test func aMissingDatabaseIsNamed() throws {
        let uri = PostgresTestServer.uri(try PostgresTestServer.requiredURI(), database: "sentag_no_such_db")
        let error = failure(uri)
        #expect(error == .databaseMissing(uri: uri, database: "sentag_no_such_db"), "\(String(describing: error))")
    }

    /// Where the server trusts anyone (the test cluster's 'sentag_trust' database), an unknown
    /// user is named as such.
    @Test func aMissingRoleIsNamed() throws {
        let uri = PostgresTestServer.uri(
            try PostgresTestServer.requiredURI() + "&user=sentag_nobody", database: "sentag_trust")
        let error = failure(uri)
        #expect(error == .roleMissing(uri: uri, user: "sentag_nobody"), "\(String(describing: error))")
    }

    @Test func noServerListeningSaysToStartIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-server-\(UUID())").path
        let uri = "postgresql:///postgres?host=\(folder)&port=5999"
        let error = failure(uri)
        guard case .serverUnreachable(let shown, let reason) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(shown == uri && reason.contains("No such file or directory"), "\(reason)")
        #expect(error?.description.contains("start the server") == true)
        #expect(error?.description.contains("Is the server running") == false, "libpq's hint line is left out")
    }

    @Test func aServerOlderThanTheMinimumIsRefused() throws {
        let uri = try PostgresURI(try PostgresTestServer.requiredURI())
        do {
            _ = try PostgresConnection(uri: uri, minimumServerVersion: 990_000)
            Issue.record("an old server was accepted")
        } catch {
            guard case .serverTooOld(_, let version, let minimum) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(minimum == "99" && version.first?.isNumber == true, "\(error)")
            #expect(error.description.contains("is too old; sentag needs PostgreSQL 99 or newer"), "\(error)")
        }
    }

    /// The server ends the session (as a restart or an administrator would): the next
    /// statement says the connection is lost and its effect unconfirmed; a reconnect brings
    /// back a working session, where prepared statements are prepared again.
    @Test func aLostConnectionIsReportedThenReconnected() throws {
        let connection = try PostgresTestServer.connect()
        let statement = PostgresPreparedStatement(name: "test_lost_echo", sql: "SELECT $1::text")
        #expect(try connection.execute(statement, ["before"]).scalar == "before")
        let pid = connection.serverProcessID
        try PostgresTestServer.connect().execute("SELECT pg_terminate_backend($1::int)", [String(pid)])
        do {
            try connection.execute("SELECT 1")
            Issue.record("a terminated session still answered")
        } catch {
            #expect(error.isConnectionLost, "\(error)")
            #expect(error.description.contains("count it as not saved"), "\(error)")
        }
        #expect(!connection.isConnected)
        #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        try connection.reconnect()
        #expect(connection.serverProcessID != pid)
        #expect(try connection.execute(statement, ["after"]).scalar == "after")
        #expect(try connection.execute("SHOW synchronous_commit").scalar == "on")
    }
}
