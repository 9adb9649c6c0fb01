import Foundation
import SentagKit
import Testing

/// The report around the figures: bootstrap intervals, the JSON shape, the text.
@Suite struct AgreementReportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/agreement")

    func report(_ fixture: String, options: AgreementReport.Options = .init()) throws -> AgreementReport {
        let project = try ProjectSnapshot.read(FolderStore(path: Self.fixtures.appendingPathComponent(fixture).path))
        return try AgreementReport.compute(view: project.view, options: options, store: project.store)
    }

    @Test func bootstrapIsReproducibleForASeedAndCoversTheEstimate() throws {
        let first = try #require(try report("random-03", options: .init(bootstrapSamples: 300, seed: 7)).bootstrap)
        let again = try #require(try report("random-03", options: .init(bootstrapSamples: 300, seed: 7)).bootstrap)
        let other = try #require(try report("random-03", options: .init(bootstrapSamples: 300, seed: 8)).bootstrap)
        #expect(first == again, "\(first) vs \(again)")
        #expect(first.krippendorffAlpha != other.krippendorffAlpha, "\(first) vs \(other)")
        let point = try report("random-03")
        for (interval, value) in [
            (first.krippendorffAlpha, point.krippendorffAlpha.value), (first.fleissKappa, point.fleissKappa.value),
            (first.gwetAC1, point.gwetAC1.value),
        ] {
            let low = try #require(interval.low, "\(interval)")
            let high = try #require(interval.high, "\(interval)")
            let estimate = try #require(value)
            #expect(low < estimate && estimate < high, "\(estimate) outside \(interval)")
            #expect(high - low < 0.6, "\(interval)")
            #expect(interval.definedSamples > 250, "\(interval)")
        }
    }

    @Test func bootstrapOfUndefinedCoefficientsHasNoBounds() throws {
        let intervals = try #require(try report("no-overlap", options: .init(bootstrapSamples: 50)).bootstrap)
        #expect(intervals.krippendorffAlpha == .init(low: nil, high: nil, definedSamples: 0), "\(intervals)")
        let text = try report("no-overlap", options: .init(bootstrapSamples: 50)).text()
        #expect(!text.contains("nan") && !text.contains("inf"), "\(text)")
    }

    @Test func percentileIsNumpysLinearInterpolation() throws {
        // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) == [1.075, 3.925]; undefined samples are dropped.
        let interval = BootstrapIntervals.interval([4, nil, 1, 3, 2], level: 0.95)
        #expect(abs(try #require(interval.low) - 1.075) < 1e-12, "\(interval)")
        #expect(abs(try #require(interval.high) - 3.925) < 1e-12, "\(interval)")
        #expect(interval.definedSamples == 4)
        #expect(BootstrapIntervals.interval([nil], level: 0.95) == .init(low: nil, high: nil, definedSamples: 0))
    }

    @Test(arguments: ["one-label-used", "no-overlap", "single-annotator", "no-complete-item"])
    func undefinedFiguresAreNullInJSONAndExplainedInText(_ fixture: String) throws {
        let report = try report(fixture)
        let json = String(decoding: report.jsonLine, as: UTF8.self)
        #expect(!json.contains("nan") && !json.contains("inf"), "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.jsonLine)) as? [String: Any])
        let text = report.text()
        for (key, name) in [
            ("percent_agreement", "Percent agreement"), ("krippendorff_alpha", "Krippendorff's alpha"),
            ("fleiss_kappa", "Fleiss' kappa"), ("gwet_ac1", "Gwet's AC1"),
        ] where object[key] is NSNull {
            #expect(text.contains("\(name) is undefined: "), "\(key) null but no reason in:\n\(text)")
        }
        #expect(!text.contains("nan"), "\(text)")
    }

    @Test func textReportReadsTheFiguresAgainstTheThresholds() throws {
        let report = try report("random-02")
        let text = report.text()
        #expect(text.contains("Krippendorff's alpha") && text.contains("0.667"), "\(text)")
        #expect(text.contains("items all \(report.annotators.count) annotators rated"), "\(text)")
        #expect(text.contains("Cohen's kappa by pair"), "\(text)")
        let weakest = try #require(report.weakestPair)
        #expect(text.contains("Confusion of the weakest pair, \(weakest.a) × \(weakest.b)"), "\(text)")
        #expect(!text.contains("\u{1B}["), "colour without a terminal:\n\(text)")
        let all = report.text(allPairs: true)
        #expect(
            all.components(separatedBy: "Confusion of ").count - 1 == report.pairs.filter { $0.items > 0 }.count,
            "\(all)")
    }

    @Test func prevalenceSkewIsWarnedAbout() throws {
        let skewed = try report("skewed")
        let text = skewed.text()
        #expect(text.contains("Prevalence warning: noise makes up"), "\(text)")
        #expect(text.contains("kappa paradox"), "\(text)")
        let balanced = try report("random-02").text()
        #expect(!balanced.contains("Prevalence warning"), "\(balanced)")
    }

    /// What the exporter embeds in its manifest.
    @Test func summaryJSONHasTheTopLevelFiguresOnly() throws {
        let report = try report("no-complete-item")
        var writer = JSONWriter()
        report.writeSummaryJSON(to: &writer)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        #expect(object["pairs"] == nil && object["per_label"] == nil, "\(object.keys.sorted())")
        #expect(object["fleiss_kappa"] is NSNull && object["fleiss_items"] as? Int == 0, "\(object)")
        #expect((object["why_null"] as? [String: String])?["fleiss_kappa"] != nil, "\(object)")
        // (Foundation's JSON reader may be one ulp off the shortest round-trip text Swift writes.)
        let alpha = try #require(object["krippendorff_alpha"] as? Double, "\(object)")
        #expect(
            abs(alpha - (report.krippendorffAlpha.value ?? .nan)) < 1e-15, "\(alpha) vs \(report.krippendorffAlpha)")
    }

    @Test func jsonHasTheSpecKeys() throws {
        let report = try report("random-01", options: .init(bootstrapSamples: 20))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.jsonLine)) as? [String: Any])
        for key in [
            "annotators", "labels", "items", "ratings", "percent_agreement", "krippendorff_alpha", "fleiss_kappa",
            "fleiss_items", "gwet_ac1", "pairs",
        ] {
            #expect(object[key] != nil, "missing \(key) in \(object.keys.sorted())")
        }
        let pair = try #require((object["pairs"] as? [[String: Any]])?.first)
        for key in ["a", "b", "items", "agreement", "cohen_kappa", "confusion"] {
            #expect(pair[key] != nil, "missing pairs[].\(key) in \(pair.keys.sorted())")
        }
        let bootstrap = try #require(object["bootstrap"] as? [String: Any])
        #expect(bootstrap["samples"] as? Int == 20 && bootstrap["seed"] as? Int == 1, "\(bootstrap)")
    }
}
