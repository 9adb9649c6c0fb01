import PostgresStore
import Testing

/// labels.json, plan.json, GUIDELINES.md: bytes in, the same bytes out.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresDocumentTableTests {
    @Test func documentsKeepTheirBytes() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let documents = PostgresDocumentTable(try database.connect())
        #expect(try documents.read("labels.json") == nil)
        let every = (0...255).map(UInt8.init) + Array("# Guidelines\r\n\\x00 é".utf8)
        try documents.write("GUIDELINES.md", every)
        try documents.write("labels.json", Array(#"{"labels":[]}"#.utf8))
        try documents.write("empty", [])
        #expect(try documents.read("GUIDELINES.md") == every)
        #expect(try documents.read("empty") == [])
        try documents.write("labels.json", Array(#"{"labels":[{"name":"claim"}]}"#.utf8))
        #expect(try documents.read("labels.json") == Array(#"{"labels":[{"name":"claim"}]}"#.utf8))
        #expect(try documents.names() == ["GUIDELINES.md", "empty", "labels.json"])
        #expect(try documents.remove("empty") && !(try documents.remove("empty")))
        #expect(throws: PostgresError.self, "no path tricks") { try documents.write("../plan.json", []) }
    }
}
