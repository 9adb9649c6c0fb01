import Foundation
import SentagKit
import Testing

/// What counts as a rating when reading label files: the latest non-adjudicated line per id,
/// retractions, adjudications, bad lines and labels outside the label set.
@Suite struct AgreementLoadingTests {
    typealias R = LabelFolder

    @Test func theLatestLineIsTheRatingAndNullRetractsIt() throws {
        let folder = try LabelFolder()
        try folder.append(
            "alice",
            [
                .record(R.record(0, "claim", by: "alice")), .record(R.record(0, "quote", by: "alice")),  // changed
                .record(R.record(1, "noise", by: "alice")), .record(R.record(1, nil, by: "alice")),  // undone
                .record(R.record(2, "caption", by: "alice")), .record(R.record(2, nil, by: "alice")),
                .record(R.record(2, "noise", by: "alice")),  // undone, then decided again
                .record(R.record(3, nil, by: "alice")),  // retracting what was never rated
            ])
        try folder.append("bob", [.record(R.record(0, "quote", by: "bob")), .record(R.record(1, "noise", by: "bob"))])
        let table = try Ratings.collect(try folder.project().view).table
        #expect(table.annotators == ["alice", "bob"])
        // Rows in order of first rating, journal by journal.
        #expect(table.itemIDs == [R.id(0), R.id(2), R.id(1)], "\(table.itemIDs)")
        #expect(table[0, 0] == 1 && table[0, 1] == 1, "item 0: \(String(describing: table[0, 0]))")
        #expect(table[2, 0] == nil && table[2, 1] == 3, "item 1")
        #expect(table[1, 0] == 3 && table[1, 1] == nil, "item 2")
        #expect(table.ratingCount == 4)
    }

    @Test func adjudicationsAreNotRatings() throws {
        let folder = try LabelFolder()
        try folder.write(["alice": ["claim", "quote"], "bob": ["claim", "noise"]])
        // alice adjudicates item 1 in her own file: her vote stays "quote".
        try folder.append("alice", [.record(R.record(1, "noise", by: "alice", adjudicated: true))])
        // An adjudicator's file holds only adjudications: no ratings, left out.
        try folder.append("judge", [.record(R.record(0, "claim", by: "judge", adjudicated: true))])
        let view = try folder.project().view
        let loaded = try Ratings.collect(view)
        #expect(loaded.table.annotators == ["alice", "bob"], "\(loaded.table.annotators)")
        #expect(loaded.leftOut == ["judge"], "\(loaded.leftOut)")
        #expect(loaded.table[1, 0] == 1, "\(String(describing: loaded.table[1, 0]))")
        // Named explicitly, the adjudicator is kept, with no ratings.
        let named = try Ratings.collect(view, annotators: ["judge", "alice"])
        #expect(named.table.annotators == ["alice", "judge"], "\(named.table.annotators)")
        #expect(named.leftOut.isEmpty)
    }

    @Test func anUnreadableLineIsAWarningWithFileAndLine() throws {
        let folder = try LabelFolder()
        let good = R.record(1, "quote", by: "alice")
        let truncated = String(decoding: good.jsonLine.prefix(40), as: UTF8.self)
        try folder.append(
            "alice", [.record(R.record(0, "claim", by: "alice")), .raw(truncated), .raw("not json"), .record(good)])
        try folder.write(["bob": ["claim", "quote"]])
        let project = try folder.project()
        let report = try AgreementReport.compute(view: project.view)
        let warnings = project.warnings
        #expect(
            warnings.map(\.location) == ["\(folder.path)/alice.jsonl:2", "\(folder.path)/alice.jsonl:3"], "\(warnings)")
        #expect(warnings[0].description.contains("alice.jsonl:2: warning:"), "\(warnings[0])")
        #expect(report.skippedLines == 2)
        #expect(
            report.ratings == 4 && report.percentAgreement.value == 1, "\(report.ratings) \(report.percentAgreement)")
    }

    /// Core fix: LabelFileIndex used to accept any string as `time`, so a line counted as a
    /// rating could not be read in full afterwards and `--disagreements` failed on it.
    @Test func aLineWithABadTimeIsSkippedLikeAnyUnreadableLine() throws {
        let folder = try LabelFolder()
        let good = String(decoding: R.record(0, "claim", by: "alice").jsonLine.dropLast(), as: UTF8.self)
        let badTime = good.replacingOccurrences(of: #""time":"2026"#, with: #""time":"yesterday","was":"2026"#)
        try folder.append("alice", [.raw(badTime), .record(R.record(1, "quote", by: "alice"))])
        try folder.write(["bob": ["quote", "claim"]])
        let project = try folder.project()
        let report = try AgreementReport.compute(
            view: project.view, options: .init(listDisagreements: true), store: project.store)
        #expect(project.warnings.map(\.location) == ["\(folder.path)/alice.jsonl:1"], "\(project.warnings)")
        #expect(
            project.warnings.first?.message.contains("'yesterday' is not an ISO 8601 UTC time") == true,
            "\(project.warnings)")
        #expect(report.ratings == 3 && report.disagreements?.map(\.location) == ["doc0:2"], "\(report.ratings)")
        // The byte parser agrees with the String one.
        for text in [
            "2026-11-21T14:03:05.120Z", "2026-11-21T14:03:05Z", "2026-11-21T15:03:05.1+01:00", "yesterday", "",
        ] {
            let bytes = Array(text.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { Timestamp(utf8: $0) }
            #expect(fromBytes == Timestamp(text), "\(text)")
        }
    }

    /// Issue 8: a label that is no longer in the label set is a warning, not a stop, and the
    /// decision does not count.
    @Test func aLabelOutsideTheLabelSetIsAWarningNamingFileLineAndLabel() throws {
        let folder = try LabelFolder()
        try folder.write(["alice": ["claim", "quote"]])
        try folder.append(
            "bob", [.record(R.record(0, "claim", by: "bob")), .record(R.record(1, "opinion", by: "bob"))])
        let project = try folder.project()
        let report = try AgreementReport.compute(view: project.view)
        #expect(project.warnings.count == 1, "\(project.warnings)")
        #expect(project.warnings[0].location == "\(folder.path)/bob.jsonl:2", "\(project.warnings)")
        #expect(project.warnings[0].message.contains("label 'opinion' is not in the label set"), "\(project.warnings)")
        #expect(report.ratings == 3, "bob's 'opinion' does not count: \(report.ratings)")
    }

    @Test func labelsJSONReplacesTheDefaultSet() throws {
        let folder = try LabelFolder()
        try folder.writeLabels(#"{"labels":[{"name":"opinion","key":"o"},{"name":"claim","key":"c"}]}"#)
        try folder.write(["alice": ["opinion", "claim"], "bob": ["opinion", "opinion"]])
        let report = try folder.report()
        #expect(report.labels == ["opinion", "claim"])
        #expect(report.pairs[0].confusion == [[1, 0], [1, 0]], "\(report.pairs[0].confusion)")
    }

    /// `--annotators` computes on those columns exactly as if the other files were not there.
    @Test func aSubsetOfAnnotatorsIsLikeAFolderWithOnlyTheirFiles() throws {
        let ratings: [String: [String?]] = [
            "alice": ["claim", "quote", nil, "noise", "claim"], "bob": ["claim", "claim", "quote", nil, "claim"],
            "carol": [nil, "quote", "quote", "noise", "caption"],
        ]
        let all = try LabelFolder()
        try all.write(ratings)
        let subset = try LabelFolder()
        try subset.write(ratings.filter { $0.key != "bob" })
        let named = try all.report(annotators: ["carol", "alice"])
        let alone = try subset.report()
        #expect(
            named.annotators == ["alice", "carol"] && named.items == alone.items, "\(named.annotators) \(named.items)")
        #expect(named.coefficients == alone.coefficients, "\(named.coefficients) vs \(alone.coefficients)")
        #expect(named.pairs == alone.pairs, "\(named.pairs)")
    }

    @Test func unknownAnnotatorIsAnError() throws {
        let folder = try LabelFolder()
        try folder.write(["alice": ["claim"]])
        #expect(throws: StoreError.unknownAnnotator(name: "zoe", known: ["alice"])) {
            try folder.report(annotators: ["zoe"])
        }
    }

    @Test func disagreementsAreListedWithLocationTextAndVotes() throws {
        let folder = try LabelFolder()
        try folder.write([
            "alice": ["claim", "quote", "noise"], "bob": ["claim", "claim", nil], "carol": [nil, "quote", "caption"],
        ])
        let report = try folder.report(options: .init(listDisagreements: true))
        let listed = try #require(report.disagreements)
        // Issue 10: 1-based, as the session's header and `:goto` count (indexes 1 and 2).
        #expect(listed.map(\.location) == ["doc0:2", "doc0:3"], "\(listed)")
        #expect(listed.map(\.index) == [1, 2], "JSON keeps the 0-based index: \(listed)")
        #expect(listed[0].text == "Sentence 1.", "\(listed[0])")
        #expect(
            listed[0].votes == [
                .init(annotator: "alice", label: "quote"), .init(annotator: "bob", label: "claim"),
                .init(annotator: "carol", label: "quote"),
            ],
            "\(listed[0].votes)")
        #expect(report.disagreementCount == 2)
    }
}
