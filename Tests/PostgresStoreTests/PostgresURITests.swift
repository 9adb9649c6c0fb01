import PostgresStore
import Testing

/// URIs are checked by libpq's parser and never print their password.
///
/// No server needed.
@Suite struct PostgresURITests {
    @Test(arguments: [
        (
            "postgresql://alice:s3cret-pw@db.example:5433/sentag?sslmode=require",
            "postgresql://alice@db.example:5433/sentag?sslmode=require"
        ),
        ("postgresql:///sentag?host=/tmp/pg&password=s3cret-pw&port=5", "postgresql:///sentag?host=/tmp/pg&port=5"),
        ("postgresql:///sentag?pass%77ord=s3cret-pw", "postgresql:///sentag"),
        ("postgres://:s3cret-pw@db.example/sentag", "postgres://db.example/sentag"),
        ("postgresql://alice@db.example/sentag", "postgresql://alice@db.example/sentag"),
        ("postgresql://db.example", "postgresql://db.example"),
    ])
    func printsWithoutThePassword(uri: String, shown: String) throws {
        let parsed = try PostgresURI(uri)
        #expect(parsed.description == shown)
        #expect("\(parsed)" == shown)
        #expect(!parsed.description.contains("s3cret"), "\(parsed)")
    }

    @Test(arguments: [
        ("postgresql://db.example/sentag?nosuch=1", "invalid URI query parameter"),
        ("postgresql://db.example/sentag?sslmode", "missing key/value separator"),
        ("postgresql://[::1/sentag", "looking for matching \"]\""),
        ("Annotations", "it does not start with postgresql://"),
    ])
    func refusesWhatLibpqCannotRead(uri: String, reason: String) {
        #expect {
            try PostgresURI(uri)
        } throws: { error in
            guard case .malformedURI(let shown, let said) = error as? PostgresError else { return false }
            return shown == uri && said.contains(reason)
        }
    }

    /// libpq's parser quotes the piece it cannot decode; when that is the password, the
    /// message says so without showing it.
    @Test func aMalformedPasswordIsNotQuoted() throws {
        do {
            _ = try PostgresURI("postgresql://alice:pw%zzsecret@db.example/sentag")
            Issue.record("a malformed percent escape was accepted")
        } catch {
            let message = error.description
            #expect(!message.contains("zzsecret") && !message.contains("pw%"), "\(message)")
            #expect(message.contains("'postgresql://alice@db.example/sentag'"), "\(message)")
            #expect(message.contains("the password in it is malformed"), "\(message)")
            #expect(!message.contains("\n"), "one line: \(message)")
        }
    }

    @Test func tellsURIsFromFolders() {
        #expect(PostgresURI.isURI("postgresql://db/sentag") && PostgresURI.isURI("postgres://db/sentag"))
        #expect(
            !PostgresURI.isURI("Annotations") && !PostgresURI.isURI("postgresql:/x") && !PostgresURI.isURI("./pg://"))
    }
}
