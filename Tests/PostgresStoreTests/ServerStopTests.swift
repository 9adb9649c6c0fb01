import Foundation
import PostgresStore
import PostgresTestSupport
import Testing

/// The server stopped mid-session, as `pg_ctl stop -m immediate` does (no clean shutdown), on
/// a cluster of the test's own.
@Suite(.enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct ServerStopTests {
    @Test func aStoppedServerLosesNoCommittedRowAndTheSessionReconnectsWhenItIsBack() throws {
        let cluster = try PostgresCluster()
        try PostgresSchema.current.initialize(try PostgresConnection(cluster.uri))
        let connection = try PostgresConnection(cluster.uri)
        let records = PostgresRecordTable(connection)
        try records.register(annotator: "alice")
        try records.append(#"{"id":"0000000000000001","label":"claim"}"#, annotator: "alice")

        try cluster.stop(mode: "immediate")
        do {
            try records.append(#"{"id":"0000000000000002","label":"quote"}"#, annotator: "alice")
            Issue.record("appended with the server stopped")
        } catch {
            #expect(error.isConnectionLost, "\(error)")
            #expect(error.description.hasPrefix("\(cluster.uri): lost the connection ("), "\(error)")
            #expect(!error.description.contains("\n"), "\(error)")
        }
        // While the server is down, reconnecting says nothing answers, and so does a new
        // connection.
        #expect {
            try connection.reconnect()
        } throws: { error in
            guard case .serverUnreachable = error as? PostgresError else { return false }
            return true
        }
        #expect {
            _ = try PostgresConnection(cluster.uri)
        } throws: { error in
            guard case .serverUnreachable = error as? PostgresError else { return false }
            return error.localizedDescription.contains("start the server")
        }

        try cluster.start()
        try connection.reconnect()
        #expect(try PostgresSchema.current.verify(connection) == PostgresSchema.current.version)
        var seen: [String] = []
        try records.forEachRecord(annotator: "alice") { seq, row in seen.append("\(seq) \(row[1] ?? "")") }
        #expect(seen == [#"1 {"id":"0000000000000001","label":"claim"}"#], "the acknowledged record, and only it")
        #expect(try records.append(#"{"id":"0000000000000002","label":"quote"}"#, annotator: "alice") == 2)
    }
}
