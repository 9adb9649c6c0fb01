import SentagKit
import Testing

/// A review driven by the same `SessionLoop` as labeling, with scripted lines, the real label
/// file as the store, and captured output.
@Suite struct ReviewLoopTests {
    struct Run {
        var outcome: SessionLoop.Outcome
        var output: String
        var session: LabelingSession
        var summary: [String]
    }

    func run(_ project: ReviewProject, _ lines: [String], filter: ReviewFilter = .unsettled) throws -> Run {
        let setup = try project.ready(filter: filter)
        defer { setup.journal.close() }
        let output = CapturedOutput()
        var tick = 0.0
        let loop = SessionLoop(
            session: setup.session, input: ScriptedLineSource(lines), output: output, journal: setup.journal,
            screen: SessionScreen(
                labelSet: .default, style: TerminalStyle(enabled: false), doneWord: "adjudicated", offersRuns: false),
            clock: {
                tick += 1
                return SessionFixture.at(tick)
            })
        let outcome = loop.run()
        let summary = ReviewSummary.lines(
            loop.session.stats(at: SessionFixture.at(tick)), criteria: setup.items.criteria, adjudicator: "judge",
            path: "Annotations/judge.jsonl")
        return Run(outcome: outcome, output: output.text, session: loop.session, summary: summary)
    }

    @Test func aPipedReviewShowsTheVotesSettlesUndoesAndGoesBack() throws {
        let project = try ReviewProject()
        let result = try run(project, ["c", "c 3", "u", "q", ":goto alpha:1", "n"])
        #expect(result.outcome == .endOfInput)
        let expected = """
            2 sentences in the queue; 1 of 3 adjudicated so far · ? for help
            resuming at alpha:2, the first sentence not yet adjudicated: it comes before
              your last decision (beta:2), so it was skipped or undone

            alpha:2 of 4 · Alpha one. · 1 of 3 adjudicated (33%)
              Alpha one.
            ▸ Alpha two mentions Putin.
              Alpha three.
              votes: claim 1 · quote 1
              alice: quote · note: said by Putin?
              bob: claim, unsure
            [c/q/p/n ?] > c
            saved claim

            alpha:4 of 4 · Alpha one. · 2 of 3 adjudicated (67%)
              Alpha three.
            ▸ Alpha four.
              votes: noise 2 · quote 1
              alice: noise
              bob: quote
              judge: noise
            [c/q/p/n ?] Enter: noise > c 3
            'c 3': one sentence at a time here, no count; expected a label alone: claim,
              quote, caption, noise (c/q/p/n)
            [c/q/p/n ?] Enter: noise > u
            undid claim on alpha:2; label this sentence again

            alpha:2 of 4 · Alpha one. · 1 of 3 adjudicated (33%)
              Alpha one.
            ▸ Alpha two mentions Putin.
              Alpha three.
              votes: claim 1 · quote 1
              alice: quote · note: said by Putin?
              bob: claim, unsure
            [c/q/p/n ?] > q
            saved quote

            alpha:4 of 4 · Alpha one. · 2 of 3 adjudicated (67%)
              Alpha three.
            ▸ Alpha four.
              votes: noise 2 · quote 1
              alice: noise
              bob: quote
              judge: noise
            [c/q/p/n ?] Enter: noise > :goto alpha:1
            alpha:1 is not in this session's queue
            [c/q/p/n ?] Enter: noise > n
            saved noise
            end of alpha: quote 1, noise 1; 0 skipped, 0 flagged

            the queue is done. u undo · b back · :goto N · :find TEXT · :stats · :quit
            [c/q/p/n ?] > \n
            """
        #expect(result.output == expected, "actual output:\n\(result.output)")

        let records = try project.records("judge").suffix(4)
        #expect(records.map(\.label) == ["claim", nil, "quote", "noise"], "\(records)")
        #expect(
            records.allSatisfy { $0.adjudicated && $0.annotator == "judge" && $0.session == "review01" }, "\(records)")
        let votes = records.map(\.votes)
        #expect(
            votes == [
                ["alice": "quote", "bob": "claim"], nil, ["alice": "quote", "bob": "claim"],
                ["alice": "noise", "bob": "quote", "judge": "noise"],
            ], "\(votes)")
        #expect(
            result.summary == [
                "2 adjudications this session, all saved in Annotations/judge.jsonl",
                "3 of 3 disagreements settled by judge (100%), 0 left",
                "  claim    0",
                "  quote    1  (+1 this session)",
                "  caption  1",
                "  noise    1  (+1 this session)",
            ], "\(result.summary)")
    }

    @Test func undoReachesAnAdjudicationMadeBeforeTheSession() throws {
        let project = try ReviewProject()
        let result = try run(project, ["u"])
        #expect(result.output.contains("undid caption on beta:2; label this sentence again"), "\(result.output)")
        #expect(result.output.contains("▸ Beta two.\n  Beta three.\n  votes: quote 1 · caption 1"), "\(result.output)")
        let last = try #require(try project.records("judge").last)
        #expect(last.label == nil && last.adjudicated && last.text == "Beta two.", "\(last)")
        #expect(result.session.ledger.decidedInScope == 0)
        // The judge's own votes are untouched by the retraction of an adjudication.
        let votes = try project.ready()
        defer { votes.journal.close() }
        #expect(votes.items.votes(of: project.corpus.sentences[3].id)?["judge"] == "noise")
    }

    @Test func notesAndFlagsGoOnTheAdjudication() throws {
        let project = try ReviewProject()
        _ = try run(project, [":note the minister's own words", ":flag", "q"])
        let last = try #require(try project.records("judge").last)
        #expect(last.note == "the minister's own words" && last.flag == true && last.label == "quote", "\(last)")
        #expect(last.adjudicated && last.votes == ["alice": "quote", "bob": "claim"], "\(last)")
        // --only flagged comes back to it.
        let flagged = try run(project, [], filter: .flagged)
        #expect(flagged.output.contains("1 sentence in the queue"), "\(flagged.output)")
        #expect(
            flagged.output.contains("current label: quote · flagged unsure · note: the minister's own words"),
            "\(flagged.output)")
    }

    @Test func helpLeavesOutRunsAndFindStaysInTheQueue() throws {
        let project = try ReviewProject()
        let result = try run(project, ["?", ":find Beta", ":find Alpha"])
        #expect(!result.output.contains("n 3  this sentence"), "\(result.output)")
        #expect(result.output.contains("u  undo the last decision"), "\(result.output)")
        // Beta one agrees, so :find passes over it to Beta two (settled, still reviewable); back
        // to the queue's first item with :find Alpha (Alpha one agrees too).
        // `?` shows the sentence again under the help.
        let shown = result.output.split(separator: "\n").filter { $0.hasPrefix("▸ ") }
        #expect(
            shown == [
                "▸ Alpha two mentions Putin.", "▸ Alpha two mentions Putin.", "▸ Beta two.",
                "▸ Alpha two mentions Putin.",
            ], "\(result.output)")
    }

    /// Issue 10, item 9: Enter on an empty line accepts the majority the prompt shows; on a tie
    /// there is none and Enter does nothing.
    @Test func enterAcceptsTheMajorityShownInThePrompt() throws {
        let project = try ReviewProject()
        let result = try run(project, ["", "s", ""])
        #expect(
            result.output.contains(
                "alice: quote · note: said by Putin?\n  bob: claim, unsure\n[c/q/p/n ?] > \n[c/q/p/n ?] > s"),
            "actual output:\n\(result.output)")
        #expect(
            result.output.contains("judge: noise\n[c/q/p/n ?] Enter: noise > \nsaved noise\n"),
            "actual output:\n\(result.output)")
        let records = try project.records("judge").suffix(1)
        #expect(records.map(\.label) == ["noise"] && records.map(\.text) == ["Alpha four."], "\(records)")
        #expect(records.first?.votes == ["alice": "noise", "bob": "quote", "judge": "noise"], "\(records)")
    }

    /// The end message lists what was skipped, agrees with `:stats`, and rounds (2 of 3 is 67%).
    @Test func theEndMessageListsSkippedItemsAndAgreesWithStats() throws {
        let project = try ReviewProject()
        let result = try run(project, ["s", "n", ":stats"])
        let stats = result.output.components(separatedBy: "> :stats\n").last ?? ""
        #expect(stats.hasPrefix("2 of 3 adjudicated (67%), 1 left\n"), "actual output:\n\(result.output)")
        #expect(stats.contains("skipped this session, still without a decision: alpha:2\n"), "\(stats)")
        #expect(
            result.summary == [
                "1 adjudication this session, all saved in Annotations/judge.jsonl",
                "2 of 3 disagreements settled by judge (67%), 1 left",
                "  claim    0",
                "  quote    0",
                "  caption  1",
                "  noise    1  (+1 this session)",
                "skipped this session, still without a decision: alpha:2",
            ], "\(result.summary)")
        for line in SessionScreen.labelCounts(result.session.stats(at: SessionFixture.at(0))) {
            #expect(stats.contains(line + "\n"), "'\(line)' in :stats too:\n\(stats)")
        }
    }
}
