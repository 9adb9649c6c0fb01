import SentagKit
import Testing

/// One diagnostics path (issue 8): compiler-shaped warnings, one cap, a count of the rest.
@Suite struct DiagnosticTests {
    @Test func warningsAreCompilerShapedAndCappedOnceWithACountOfTheRest() {
        let many = (1...25).map {
            Diagnostic(location: "Annotations/alice.jsonl:\($0)", message: "no \"id\" key; line skipped")
        }
        let lines = Diagnostic.lines(many, total: 130)
        #expect(lines.count == Diagnostic.shownLimit + 1, "\(lines)")
        #expect(lines.first == #"Annotations/alice.jsonl:1: warning: no "id" key; line skipped"#, "\(lines)")
        #expect(lines.last == "warning: 110 more warnings not shown", "\(lines)")
        #expect(Diagnostic.lines(Array(many.prefix(3))).count == 3)
        #expect(Diagnostic(location: "", message: "x").description == "warning: x")
    }

    /// Every command reports a bad journal line the same way, once: the table keeps the first
    /// `warningLimit` with their reasons and counts the rest.
    @Test func aJournalKeepsItsFirstWarningsAndCountsTheRest() {
        let bad = (0..<(JournalDecisions.warningLimit + 40)).map { _ in "not json" }
        let table = SessionFixture.table(of: [], extraLines: bad)
        let journal = table.journals[0]
        #expect(journal.warnings.count == JournalDecisions.warningLimit && journal.warningCount == bad.count)
        #expect(table.warnings.total == bad.count)
    }
}
