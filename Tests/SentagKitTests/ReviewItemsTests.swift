import SentagKit
import Testing

/// Which rated sentences a review selects, in which order, and what it says about the rest.
@Suite struct ReviewItemsTests {
    typealias F = SessionFixture
    static let labels = LabelSet.default.names
    static let outside = SentenceID(document: "gamma", text: "Gamma one.", occurrence: 0)

    /// Rows in a scrambled order (the table lists ids in order of first appearance in the
    /// files), as (id, [alice, bob, carol]) with label indexes 0 claim … 3 noise.
    static let rows: [(SentenceID, [Int?])] = [
        (F.corpus.sentences[5].id, [1, 2, nil]),  // disagree
        (F.corpus.sentences[0].id, [0, 0, nil]),  // agree, 2 ratings
        (outside, [0, 1, nil]),  // disagree, not in the sources
        (F.corpus.sentences[3].id, [3, 1, 3]),  // disagree, 3 ratings
        (F.corpus.sentences[2].id, [2, nil, nil]),  // one rating
        (F.corpus.sentences[4].id, [0, 0, 0]),  // agree, 3 ratings
        (F.corpus.sentences[1].id, [1, 0, nil]),  // disagree
    ]

    static var table: RatingTable {
        var cells: [Int16] = []
        for (_, row) in rows { cells += row.map { $0.map(Int16.init) ?? RatingTable.none } }
        return RatingTable(
            annotators: ["alice", "bob", "carol"], labels: labels, itemIDs: rows.map(\.0), cells: cells)
    }

    static func items(_ criteria: ReviewCriteria = ReviewCriteria()) -> ReviewItems {
        ReviewItems(table: table, corpus: F.corpus, criteria: criteria)
    }

    @Test func disagreementsInDocumentOrderAndTheOutsideOneCounted() {
        let items = Self.items()
        #expect(items.positions == [1, 3, 5], "\(items.positions)")
        #expect(items.outsideItems == 1 && items.outsideRatings == 2, "\(items.outsideItems) \(items.outsideRatings)")
        #expect(items.eligibleInSources == 5, "\(items.eligibleInSources)")
        #expect(items.criteria.itemsNoun == "disagreements")
    }

    @Test(arguments: [
        (ReviewCriteria(everyItem: true), [0, 1, 3, 4, 5], 1),
        (ReviewCriteria(minimumRatings: 3), [3], 0),
        (ReviewCriteria(everyItem: true, minimumRatings: 3), [3, 4], 0),
        (ReviewCriteria(everyItem: true, minimumRatings: 1), [0, 1, 2, 3, 4, 5], 1),
        (ReviewCriteria(minimumRatings: 1), [1, 3, 5], 1),
    ])
    func allAndMinimumRatingsWidenOrNarrowTheSelection(criteria: ReviewCriteria, positions: [Int], outside: Int) {
        let items = Self.items(criteria)
        #expect(items.positions == positions, "\(criteria): \(items.positions)")
        #expect(items.outsideItems == outside, "\(criteria): \(items.outsideItems)")
    }

    @Test func votesAndCountsOfAnItem() throws {
        let items = Self.items()
        let row = try #require(items.row(of: F.corpus.sentences[3].id))
        #expect(items.votes(of: F.corpus.sentences[3].id) == ["alice": "noise", "bob": "quote", "carol": "noise"])
        let counts = items.counts(ofRow: row).map { "\($0.label) \($0.count)" }
        #expect(counts == ["noise 2", "quote 1"], "\(counts)")
        // A tie lists the labels in label set order.
        let tie = try #require(items.row(of: F.corpus.sentences[1].id))
        #expect(items.counts(ofRow: tie).map(\.label) == ["claim", "quote"])
        #expect(items.votes(of: SentenceID(rawValue: 42)) == nil)
    }

    @Test func itemsNounSaysWhatWasSelected() {
        #expect(ReviewCriteria(everyItem: true).itemsNoun == "items with at least 2 ratings")
        #expect(ReviewCriteria(everyItem: true, minimumRatings: 1).itemsNoun == "rated items")
        #expect(ReviewCriteria(minimumRatings: 3).itemsNoun == "disagreements among at least 3 ratings")
        #expect(ReviewCriteria(minimumRatings: 0).minimumRatings == 1)
    }

    @Test func theQueueResumesAtTheFirstUnsettledItem() {
        let items = Self.items()
        var ledger = DecisionLedger(corpusCount: F.corpus.count, labelCount: 4, scope: items.scope)
        ledger.set(1, label: 0, flag: false)
        ledger.set(5, label: 2, flag: true)
        ledger.set(0, label: 0, flag: true)  // outside the review: not counted
        #expect(ledger.decidedInScope == 2 && ledger.scopeCount == 3)
        let count = F.corpus.count
        #expect(
            ReviewFilter.unsettled.queue(positions: items.positions, ledger: ledger, corpusCount: count).positions == [
                3
            ])
        #expect(
            ReviewFilter.all.queue(positions: items.positions, ledger: ledger, corpusCount: count).positions == [
                1, 3, 5,
            ])
        #expect(
            ReviewFilter.flagged.queue(positions: items.positions, ledger: ledger, corpusCount: count).positions == [5])
    }

    @Test func adjudicationRecordsCarryTheVotesAndRetractionsDoNot() throws {
        let maker = AdjudicationRecordMaker(adjudicator: "judge", items: Self.items())
        let details = RecordDetails(time: F.at(3), ms: 1200, note: "minister's words", flag: true, session: "s1")
        let record = maker.makeRecord(for: F.corpus.sentences[1], label: "quote", details: details)
        #expect(record.adjudicated && record.annotator == "judge" && record.label == "quote", "\(record)")
        #expect(record.votes == ["alice": "quote", "bob": "claim"], "\(record)")
        #expect(record.note == "minister's words" && record.flag == true && record.ms == 1200, "\(record)")
        let line = String(decoding: record.jsonLine, as: UTF8.self)
        #expect(
            line.contains(#""adjudicated":true"#) && line.contains(#""votes":{"alice":"quote","bob":"claim"}"#),
            "\(line)")

        let undo = RecordDetails(time: F.at(4), ms: nil, note: nil, flag: nil, session: "s1")
        let retraction = maker.makeRecord(for: F.corpus.sentences[1], label: nil, details: undo)
        #expect(retraction.adjudicated && retraction.label == nil && retraction.votes == nil, "\(retraction)")
        let retractionLine = String(decoding: retraction.jsonLine, as: UTF8.self)
        #expect(
            retractionLine.contains(#""label":null"#) && retractionLine.contains(#""adjudicated":true"#),
            "\(retractionLine)")
    }
}
