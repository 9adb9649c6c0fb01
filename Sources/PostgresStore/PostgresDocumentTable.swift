/// Small named files kept in `sentag.documents` as bytes: `labels.json`, `plan.json`,
/// `GUIDELINES.md`, what a folder store keeps beside the journals.
public struct PostgresDocumentTable {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The document's bytes, or nil when there is none by that name.
    public func read(_ name: String) throws(PostgresError) -> [UInt8]? {
        let hex = try connection.execute(
            "SELECT encode(content, 'hex') FROM sentag.documents WHERE name = $1", [name]
        ).scalar
        return hex.map(Self.bytes(hex:))
    }

    /// Creates or replaces the document; committed when it returns, unless in a transaction.
    public func write(_ name: String, _ content: [UInt8]) throws(PostgresError) {
        try connection.execute(
            """
            INSERT INTO sentag.documents (name, content) VALUES ($1, decode($2, 'hex'))
            ON CONFLICT (name) DO UPDATE SET content = excluded.content, updated_at = now()
            """, [name, Self.hex(content)])
    }

    /// Replaces the document only while it still holds `expected` (nil: only while there is
    /// none), in one transaction under an advisory lock of the document's name, so of two
    /// writers who read the same version only one wins; false, writing nothing, otherwise.
    public func replace(_ name: String, expecting expected: [UInt8]?, with content: [UInt8]) throws -> Bool {
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock($1::bigint)", [String(Self.lockKey(name))])
            guard try read(name) == expected else { return false }
            try write(name, content)
            return true
        }
    }

    /// The advisory-lock key of a document: the namespace "SEND" and a 32-bit hash of the name.
    static func lockKey(_ name: String) -> Int64 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return PostgresSchema.documentLockNamespace | Int64(hash)
    }

    /// Removes the document; false when there was none.
    @discardableResult
    public func remove(_ name: String) throws(PostgresError) -> Bool {
        try connection.execute("DELETE FROM sentag.documents WHERE name = $1", [name]).affectedRows > 0
    }

    /// The names of every document, sorted.
    public func names() throws(PostgresError) -> [String] {
        try connection.execute("SELECT name FROM sentag.documents ORDER BY name").rows.compactMap { $0[0] }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8] {
        func value(_ digit: UInt8) -> UInt8 {
            digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10
        }
        let text = Array(hex.utf8)
        return stride(from: 0, to: text.count - 1, by: 2).map { value(text[$0]) << 4 | value(text[$0 + 1]) }
    }
}
