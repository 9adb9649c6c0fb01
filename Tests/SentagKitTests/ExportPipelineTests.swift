import Foundation
import SentagKit
import Testing

/// The exporter in process: which lines count as votes and adjudications, and what it refuses.
@Suite struct ExportPipelineTests {
    @Test func latestLineIsTheVoteAndNullRetracts() throws {
        var fixture = try ExportFixture()
        defer { fixture.remove() }
        let changed = ExportFixture.sentence("d1", 0)
        let retracted = ExportFixture.sentence("d1", 1)
        let relabeled = ExportFixture.sentence("d1", 2)
        try fixture.label(changed, "claim", by: "alice")
        try fixture.label(changed, "quote", by: "alice")
        try fixture.label(retracted, "claim", by: "alice")
        try fixture.label(retracted, nil, by: "alice")
        try fixture.label(relabeled, "noise", by: "alice")
        try fixture.label(relabeled, nil, by: "alice")
        try fixture.label(relabeled, "caption", by: "alice")

        let manifest = try fixture.export(fixture.configuration())
        let examples = try fixture.examples()
        #expect(examples.count == 2, "\(examples)")
        #expect(examples[changed.id.description]?["label"] as? String == "quote", "\(examples)")
        #expect(examples[relabeled.id.description]?["label"] as? String == "caption", "\(examples)")
        #expect(examples[retracted.id.description] == nil, "\(examples)")
        #expect(manifest.items == 2, "every line of a retracted id is not an item: \(manifest.items)")
    }

    @Test func adjudicationsAreNotVotesAndTheLatestAcrossFilesWins() throws {
        var fixture = try ExportFixture()
        defer { fixture.remove() }
        let disputed = ExportFixture.sentence("d1", 0)
        let undone = ExportFixture.sentence("d1", 1)
        try fixture.label(disputed, "claim", by: "alice")
        try fixture.label(disputed, "quote", by: "bob")
        try fixture.label(disputed, "caption", by: "dana", adjudicated: true, at: 2_000_000_000_000)
        try fixture.label(disputed, "noise", by: "erin", adjudicated: true, at: 2_000_000_001_000)
        try fixture.label(undone, "claim", by: "alice")
        try fixture.label(undone, "quote", by: "bob")
        try fixture.label(undone, "quote", by: "erin", adjudicated: true)
        try fixture.label(undone, nil, by: "erin", adjudicated: true)

        let manifest = try fixture.export(fixture.configuration())
        let examples = try fixture.examples()
        let settled = try #require(examples[disputed.id.description], "\(examples)")
        #expect(settled["label"] as? String == "noise", "the later adjudication wins: \(settled)")
        #expect(settled["adjudicated"] as? Bool == true, "\(settled)")
        #expect(settled["votes"] as? [String: String] == ["alice": "claim", "bob": "quote"], "\(settled)")
        #expect(examples[undone.id.description] == nil, "a retracted adjudication leaves a tie: \(examples)")
        #expect(manifest.leftOut[LeftOutReason.tie.rawValue] == 1, "\(manifest.leftOut)")
        #expect(manifest.annotators == ["alice", "bob"], "\(manifest.annotators)")
        #expect(manifest.adjudicators == ["dana", "erin"], "\(manifest.adjudicators)")
        #expect(manifest.agreement.report.ratings == 4, "adjudications are not ratings: \(manifest.agreement)")
    }

    @Test func aLabelOutsideTheLabelSetIsAWarningNamingFileLineAndLabel() throws {
        var fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.label(ExportFixture.sentence("d1", 0), "claim", by: "alice")
        try fixture.label(ExportFixture.sentence("d1", 1), "clam", by: "alice")
        // Issue 8: a warning, not a stop; the decision is left out.
        var warnings: [String] = []
        let manifest = try fixture.export(fixture.configuration()) { warnings.append($0) }
        let warning = try #require(warnings.first { $0.contains("'clam'") }, "\(warnings)")
        #expect(warning.contains("alice.jsonl:2") && warning.contains("claim, quote"), "\(warning)")
        #expect(manifest.examples == 1, "\(manifest.examples)")
        // A superseded bad label is no longer a decision: no warning.
        try fixture.label(ExportFixture.sentence("d1", 1), "quote", by: "alice")
        warnings = []
        #expect(try fixture.export(fixture.configuration()) { warnings.append($0) }.examples == 2)
        #expect(!warnings.contains { $0.contains("'clam'") }, "\(warnings)")
    }

    @Test func labelsJSONReplacesTheDefaultSet() throws {
        var fixture = try ExportFixture()
        defer { fixture.remove() }
        try Data(#"{"labels":[{"name":"fact","key":"f"},{"name":"opinion","key":"o"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: fixture.annotations + "/labels.json"))
        try fixture.label(ExportFixture.sentence("d1", 0), "opinion", by: "alice")
        var configuration = fixture.configuration()
        configuration.format = .spacy
        let manifest = try fixture.export(configuration)
        #expect(manifest.labels == ["fact", "opinion"], "\(manifest.labels)")
        let line = try #require(try fixture.jsonLines("train.jsonl").first)
        #expect(line["cats"] as? [String: Double] == ["fact": 0.0, "opinion": 1.0], "\(line)")
    }

    @Test func badLinesAreWarnedAboutAndSkipped() throws {
        var fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.label(ExportFixture.sentence("d1", 0), "claim", by: "alice")
        try fixture.appendLine(Array(#"{"id":"00000000000000aa","doc":"d1","ind"#.utf8) + [0x0A], to: "alice")
        try fixture.label(ExportFixture.sentence("d1", 1), "quote", by: "alice")
        var warnings: [String] = []
        let manifest = try fixture.export(fixture.configuration()) { warnings.append($0) }
        #expect(manifest.examples == 2, "\(manifest.examples)")
        let skipped = warnings.filter { $0.contains("line skipped") }
        #expect(skipped.count == 1 && skipped[0].contains("alice.jsonl:2"), "\(warnings)")
        #expect(manifest.sources.first?.skippedLines == 1)
    }

    @Test func refusesToReplaceAFolderThatIsNotAnExport() throws {
        var fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.label(ExportFixture.sentence("d1", 0), "claim", by: "alice")
        try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: fixture.output + "/notes.txt"))
        #expect(throws: ExportError.outputNotAnExport(path: fixture.output, entry: "notes.txt")) {
            try fixture.export(fixture.configuration())
        }
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/notes.txt"))
        // A README.md alone is not an export either.
        try FileManager.default.removeItem(atPath: fixture.output + "/notes.txt")
        try Data("# mine".utf8).write(to: URL(fileURLWithPath: fixture.output + "/README.md"))
        #expect(throws: ExportError.self) { try fixture.export(fixture.configuration()) }
    }

    @Test func theManifestCarriesTheAgreementReport() throws {
        var fixture = try ExportFixture()
        defer { fixture.remove() }
        try fixture.label(ExportFixture.sentence("d1", 0), "claim", by: "alice")
        try fixture.label(ExportFixture.sentence("d1", 0), "claim", by: "bob")
        try fixture.label(ExportFixture.sentence("d1", 1), "quote", by: "alice")
        try fixture.label(ExportFixture.sentence("d1", 1), "claim", by: "bob")
        try fixture.label(ExportFixture.sentence("d1", 2), "noise", by: "alice")
        try fixture.label(ExportFixture.sentence("d1", 2), "noise", by: "bob")
        _ = try fixture.export(fixture.configuration())
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: fixture.output + "/manifest.json"))) as! [String: Any]
        let agreement = try #require(manifest["agreement"] as? [String: Any], "\(manifest)")
        let report = try AgreementReport.compute(
            view: try ProjectSnapshot.read(FolderStore(path: fixture.annotations)).view)
        #expect(agreement["annotators"] as? [String] == ["alice", "bob"], "\(agreement)")
        #expect(agreement["percent_agreement"] as? Double == report.percentAgreement.value, "\(agreement)")
        #expect(agreement["krippendorff_alpha"] as? Double == report.krippendorffAlpha.value, "\(agreement)")
        #expect(agreement["fleiss_kappa"] as? Double == report.fleissKappa.value, "\(agreement)")
        #expect(agreement["gwet_ac1"] as? Double == report.gwetAC1.value, "\(agreement)")
        #expect(agreement["unanimous_items"] as? Int == 2, "\(agreement)")
    }
}
