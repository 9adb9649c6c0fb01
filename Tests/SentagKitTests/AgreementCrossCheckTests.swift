import Foundation
import SentagKit
import Testing

/// Runs the real code on the label files Scripts/crosscheck_agreement.py generated and compares
/// with what krippendorff, statsmodels, scikit-learn and irrCAC computed for them (to 1e-9).
@Suite struct AgreementCrossCheckTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/agreement")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 15, "\(Self.cases)")
    }

    @Test(arguments: cases)
    func matchesTheReferenceLibraries(_ name: String) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let project = try ProjectSnapshot.read(FolderStore(path: folder.path))
        let report = try AgreementReport.compute(view: project.view)

        #expect(report.annotators == expected["annotators"] as? [String], "\(report.annotators)")
        #expect(report.labels == expected["labels"] as? [String], "\(report.labels)")
        #expect(report.items == expected["items"] as? Int, "items \(report.items)")
        #expect(report.ratings == expected["ratings"] as? Int, "ratings \(report.ratings)")
        #expect(report.fleissItems == expected["fleiss_items"] as? Int, "fleiss_items \(report.fleissItems)")
        Self.expectClose(report.percentAgreement.value, expected["percent_agreement"], "percent_agreement")
        Self.expectClose(report.krippendorffAlpha.value, expected["krippendorff_alpha"], "krippendorff_alpha")
        Self.expectClose(report.fleissKappa.value, expected["fleiss_kappa"], "fleiss_kappa")
        Self.expectClose(report.gwetAC1.value, expected["gwet_ac1"], "gwet_ac1")

        let pairs = try #require(expected["pairs"] as? [[String: Any]])
        #expect(report.pairs.count == pairs.count, "\(report.pairs.count) pairs")
        for (pair, reference) in zip(report.pairs, pairs) {
            let which = "\(pair.a)×\(pair.b)"
            #expect(pair.a == reference["a"] as? String && pair.b == reference["b"] as? String, "\(which)")
            #expect(pair.items == reference["items"] as? Int, "\(which) items \(pair.items)")
            #expect(pair.confusion == reference["confusion"] as? [[Int]], "\(which) confusion \(pair.confusion)")
            Self.expectClose(pair.agreement, reference["agreement"], "\(which) agreement")
            Self.expectClose(pair.cohenKappa.value, reference["cohen_kappa"], "\(which) cohen_kappa")
        }

        // The JSON carries the same numbers, and a null always comes with its reason.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(report.jsonLine)) as? [String: Any], "\(report.jsonLine)")
        for key in ["percent_agreement", "krippendorff_alpha", "fleiss_kappa", "gwet_ac1"] {
            Self.expectClose(json[key] as? Double, expected[key], "JSON \(key)")
            if expected[key] is NSNull {
                let reasons = json["why_null"] as? [String: String]
                #expect(reasons?[key]?.isEmpty == false, "no reason for null \(key): \(String(describing: reasons))")
            }
        }
    }

    /// Both nil (JSON null), or both numbers within 1e-9.
    static func expectClose(
        _ actual: Double?, _ expected: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let reference = (expected as? NSNumber)?.doubleValue
        if let reference, let actual {
            #expect(
                abs(actual - reference) <= 1e-9, "\(what): \(actual) vs reference \(reference)",
                sourceLocation: sourceLocation)
        } else {
            #expect(
                actual == nil && reference == nil,
                "\(what): \(String(describing: actual)) vs reference \(String(describing: expected))",
                sourceLocation: sourceLocation)
        }
    }
}
