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
        let loaded = try LoadedRatings.load(directory: folder.directory, labelSet: .default)
        let table = loaded.table
        #expect(table.annotators == ["alice", "bob"])
        #expect(table.itemIDs == [R.id(0), R.id(1), R.id(2)], "\(table.itemIDs)")
        #expect(table[0, 0] == 1 && table[0, 1] == 1, "item 0: \(String(describing: table[0, 0]))")
        #expect(table[1, 0] == nil && table[1, 1] == 3, "item 1")
        #expect(table[2, 0] == 3 && table[2, 1] == nil, "item 2")
        #expect(table.ratingCount == 4)
    }

    @Test func adjudicationsAreNotRatings() throws {
        let folder = try LabelFolder()
        try folder.write(["alice": ["claim", "quote"], "bob": ["claim", "noise"]])
        // alice adjudicates item 1 in her own file: her vote stays "quote".
        try folder.append("alice", [.record(R.record(1, "noise", by: "alice", adjudicated: true))])
        // An adjudicator's file holds only adjudications: no ratings, left out.
        try folder.append("judge", [.record(R.record(0, "claim", by: "judge", adjudicated: true))])
        let loaded = try LoadedRatings.load(directory: folder.directory, labelSet: .default)
        #expect(loaded.table.annotators == ["alice", "bob"], "\(loaded.table.annotators)")
        #expect(loaded.leftOut == ["judge"], "\(loaded.leftOut)")
        #expect(loaded.table[1, 0] == 1, "\(String(describing: loaded.table[1, 0]))")
        // Named explicitly, the adjudicator is kept, with no ratings.
        let named = try LoadedRatings.load(
            directory: folder.directory, annotators: ["judge", "alice"], labelSet: .default)
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
        let report = try AgreementReport.compute(directory: folder.directory, labelSet: .default)
        #expect(report.warnings.map(\.line) == [2, 3], "\(report.warnings)")
        #expect(report.warnings.allSatisfy { $0.path.hasSuffix("alice.jsonl") }, "\(report.warnings)")
        #expect(report.warnings[0].description.contains("alice.jsonl:2: warning:"), "\(report.warnings[0])")
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
        let report = try AgreementReport.compute(
            directory: folder.directory, labelSet: .default, options: .init(listDisagreements: true))
        #expect(report.warnings.map(\.line) == [1], "\(report.warnings)")
        #expect(
            report.warnings.first?.reason.contains("'yesterday' is not an ISO 8601 UTC time") == true,
            "\(report.warnings)")
        #expect(report.ratings == 3 && report.disagreements?.map(\.location) == ["doc0:1"], "\(report.ratings)")
        // The byte parser agrees with the String one.
        for text in [
            "2026-11-21T14:03:05.120Z", "2026-11-21T14:03:05Z", "2026-11-21T15:03:05.1+01:00", "yesterday", "",
        ] {
            let bytes = Array(text.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { Timestamp(utf8: $0) }
            #expect(fromBytes == Timestamp(text), "\(text)")
        }
    }

    @Test func aLabelOutsideTheLabelSetIsAnErrorNamingFileLineAndLabel() throws {
        let folder = try LabelFolder()
        try folder.write(["alice": ["claim", "quote"]])
        try folder.append(
            "bob", [.record(R.record(0, "claim", by: "bob")), .record(R.record(1, "opinion", by: "bob"))])
        #expect {
            try AgreementReport.compute(directory: folder.directory, labelSet: .default)
        } throws: { error in
            guard case AnnotationError.unknownLabel(let path, let line, let label, let known) = error else {
                return false
            }
            return path.hasSuffix("bob.jsonl") && line == 2 && label == "opinion" && known == LabelSet.default.names
        }
    }

    @Test func labelsJSONReplacesTheDefaultSet() throws {
        let folder = try LabelFolder()
        try folder.writeLabels(#"{"labels":[{"name":"opinion","key":"o"},{"name":"claim","key":"c"}]}"#)
        try folder.write(["alice": ["opinion", "claim"], "bob": ["opinion", "opinion"]])
        let report = try AgreementReport.compute(directory: folder.directory, labelSet: try folder.directory.labelSet())
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
        let named = try AgreementReport.compute(
            directory: all.directory, annotators: ["carol", "alice"], labelSet: .default)
        let alone = try AgreementReport.compute(directory: subset.directory, labelSet: .default)
        #expect(
            named.annotators == ["alice", "carol"] && named.items == alone.items, "\(named.annotators) \(named.items)")
        #expect(named.coefficients == alone.coefficients, "\(named.coefficients) vs \(alone.coefficients)")
        #expect(named.pairs == alone.pairs, "\(named.pairs)")
    }

    @Test func unknownAnnotatorAndEmptyFolderAreErrors() throws {
        let folder = try LabelFolder()
        #expect(throws: AnnotationError.noLabelFiles(directory: folder.path)) {
            try LoadedRatings.load(directory: folder.directory, labelSet: .default)
        }
        try folder.write(["alice": ["claim"]])
        #expect(throws: AnnotationError.unknownAnnotator(name: "zoe", known: ["alice"])) {
            try LoadedRatings.load(directory: folder.directory, annotators: ["zoe"], labelSet: .default)
        }
    }

    @Test func disagreementsAreListedWithLocationTextAndVotes() throws {
        let folder = try LabelFolder()
        try folder.write([
            "alice": ["claim", "quote", "noise"], "bob": ["claim", "claim", nil], "carol": [nil, "quote", "caption"],
        ])
        let report = try AgreementReport.compute(
            directory: folder.directory, labelSet: .default, options: .init(listDisagreements: true))
        let listed = try #require(report.disagreements)
        #expect(listed.map(\.location) == ["doc0:1", "doc0:2"], "\(listed)")
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
