import Foundation
import SentagKit
import Testing

/// `ReviewSetup.prepare` on real label files: what is reviewed, resuming, the adjudicator who is
/// also an annotator, what is shown under a sentence, and nothing to review.
@Suite struct ReviewSetupTests {
    @Test func reviewsTheDisagreementsAndResumesAfterTheSettledOne() throws {
        let project = try ReviewProject()
        let setup = try project.ready()
        defer { setup.journal.close() }
        #expect(setup.items.positions == [1, 3, 5], "\(setup.items.positions)")
        #expect(setup.items.table.annotators == ["alice", "bob", "judge"], "\(setup.items.table.annotators)")
        let session = setup.session
        #expect(session.queue.positions == [1, 3], "position 5 is settled: \(session.queue.positions)")
        #expect(session.ledger.decidedInScope == 1 && session.ledger.scopeCount == 3)
        #expect(session.ledger.label(at: 5) == 2, "judge's adjudication of Beta two is caption")
        #expect(session.ledger.label(at: 3) == nil, "judge's own vote on Alpha four is not an adjudication")
        #expect(setup.warnings.isEmpty, "\(setup.warnings)")
        #expect(
            setup.outsideNote
                == "1 more item (2 ratings) is on sentences that are not in \(project.sources[0]) and cannot be shown; review it with the sources it was labeled from",
            "\(setup.outsideNote ?? "nil")")
    }

    @Test func theAdjudicatorsOwnVoteCountsAsAVote() throws {
        let project = try ReviewProject()
        let setup = try project.ready()
        defer { setup.journal.close() }
        let lines = setup.session.describe?(project.corpus.sentences[3]) ?? []
        #expect(lines == ["votes: noise 2 · quote 1", "alice: noise", "bob: quote", "judge: noise"], "\(lines)")
    }

    @Test func votesNotesAndUnsureMarksAreShownUnderTheSentence() throws {
        let project = try ReviewProject()
        let setup = try project.ready()
        defer { setup.journal.close() }
        var session = setup.session
        _ = session.start(at: SessionFixture.at(0))
        let view = try #require(session.view())
        #expect(view.text == "Alpha two mentions Putin.", "\(view)")
        #expect(
            view.details == [
                "votes: claim 1 · quote 1", "alice: quote · note: said by Putin?", "bob: claim, unsure",
            ], "\(view.details)")
        // One rating left after a retraction; a sentence nobody rates (an undo can show one).
        let single = setup.session.describe?(project.corpus.sentences[6]) ?? []
        #expect(single == ["votes: noise 1", "alice: noise"], "\(single)")
        let stranger = Sentence(id: SentenceID(rawValue: 7), doc: "alpha", index: 9, start: 0, end: 1, text: "x")
        let unrated = setup.session.describe?(stranger) ?? []
        #expect(unrated == ["votes: none (no current rating of this sentence)"], "\(unrated)")
    }

    @Test(arguments: [
        (ReviewCriteria(everyItem: true), [0, 1, 3, 4, 5]),
        (ReviewCriteria(minimumRatings: 3), [3]),
        (ReviewCriteria(everyItem: true, minimumRatings: 1), [0, 1, 2, 3, 4, 5, 6]),
    ])
    func criteriaReachTheSetup(criteria: ReviewCriteria, positions: [Int]) throws {
        let project = try ReviewProject()
        let setup = try project.ready(criteria)
        defer { setup.journal.close() }
        #expect(setup.items.positions == positions, "\(setup.items.positions)")
    }

    @Test func filterAllGoesThroughTheSettledItemsToo() throws {
        let project = try ReviewProject()
        let setup = try project.ready(filter: .all)
        defer { setup.journal.close() }
        #expect(setup.session.queue.positions == [1, 3, 5], "\(setup.session.queue.positions)")
    }

    @Test func anAdjudicationWithALabelOutsideTheSetIsAWarningNamingTheLine() throws {
        var project = try ReviewProject()
        try project.adjudicate(1, "opinion", votes: nil)
        let setup = try project.ready()
        defer { setup.journal.close() }
        let warning = try #require(setup.warnings.first { $0.message.contains("'opinion'") }, "\(setup.warnings)")
        #expect(warning.location.hasSuffix("judge.jsonl:4"), "\(warning)")
        #expect(setup.session.ledger.label(at: 1) == nil, "the adjudication does not count")
    }

    @Test func nothingToReviewWithoutLabelFilesLeavesNothingBehind() throws {
        let project = try ReviewProject(ratings: false)
        guard case .nothingToReview(let message) = try project.prepare() else {
            Issue.record("expected nothing to review")
            return
        }
        #expect(message.hasPrefix("nothing to review: \(project.annotations) holds no journals yet"), "\(message)")
        let left = try FileManager.default.contentsOfDirectory(atPath: project.annotations)
        #expect(left.isEmpty, "\(left)")
    }

    @Test func nothingToReviewWhenAllAgreeRemovesTheAdjudicatorFileItCreated() throws {
        var project = try ReviewProject(ratings: false)
        try project.rate("alice", [(0, "claim"), (1, "quote")])
        try project.rate("bob", [(0, "claim"), (1, "quote"), (2, "noise")])
        guard case .nothingToReview(let message) = try project.prepare(adjudicator: "carol") else {
            Issue.record("expected nothing to review")
            return
        }
        #expect(
            message
                == "nothing to review: the 2 sentences of \(project.sources[0]) with 2 or more ratings all agree (annotators: alice, bob); --all reviews them anyway",
            "\(message)")
        #expect(!FileManager.default.fileExists(atPath: project.annotations + "/carol.jsonl"))
        // An adjudicator file that existed stays as it was.
        let before = try project.directory.read("Annotations/bob.jsonl")
        guard case .nothingToReview = try project.prepare(adjudicator: "bob") else {
            Issue.record("expected nothing to review")
            return
        }
        #expect(try project.directory.read("Annotations/bob.jsonl") == before)
        // And the lock is released: a session can start at once.
        _ = try project.store.openJournal("carol", command: "test")
    }

    @Test func nothingToReviewInTheseSourcesMentionsTheOutsideItems() throws {
        var project = try ReviewProject(ratings: false)
        try project.write(
            "alice",
            [AnnotationRecord(sentence: ReviewProject.gamma, label: "claim", annotator: "alice", time: project.tick())])
        try project.write(
            "bob",
            [AnnotationRecord(sentence: ReviewProject.gamma, label: "noise", annotator: "bob", time: project.tick())])
        guard case .nothingToReview(let message) = try project.prepare() else {
            Issue.record("expected nothing to review")
            return
        }
        let lines = message.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(message)")
        #expect(lines.first?.hasPrefix("nothing to review: no sentence of") == true, "\(message)")
        #expect(lines.last?.hasPrefix("1 more item (2 ratings) is on sentences that are not in") == true, "\(message)")
    }

    @Test func theAdjudicatorFileIsLockedForTheWholeSession() throws {
        let project = try ReviewProject()
        let setup = try project.ready()
        #expect(throws: StoreError.self) { _ = try project.prepare() }
        setup.journal.close()
        let again = try project.ready()
        again.journal.close()
    }
}
