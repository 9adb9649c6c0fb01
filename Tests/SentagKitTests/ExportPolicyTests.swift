import SentagKit
import Testing

/// `LabelDecider`: positions 0…3 stand for claim, quote, caption, noise; one column per annotator.
@Suite struct ExportPolicyTests {
    let claim = 0
    let quote = 1
    let caption = 2
    let noise = 3

    func decider(_ policy: ExportPolicy, minVotes: Int = 1, drop: Set<Int> = [], column: Int? = nil) -> LabelDecider {
        LabelDecider(policy: policy, minVotes: minVotes, labelCount: 4, droppedLabels: drop, annotatorColumn: column)
    }

    @Test(arguments: [
        ("adjudicated-majority", ExportPolicy.adjudicatedMajority), ("majority", .majority),
        ("unanimous", .unanimous), ("annotator:alice", .annotator("alice")),
    ])
    func parsesPolicies(text: String, policy: ExportPolicy) throws {
        #expect(try ExportPolicy(parsing: text) == policy)
        #expect(policy.description == text)
    }

    @Test(arguments: ["", "Majority", "annotator:", "annotator", "plurality"])
    func rejectsUnknownPolicies(_ text: String) {
        #expect(throws: ExportError.unknownPolicy(text)) { try ExportPolicy(parsing: text) }
    }

    @Test func adjudicationWinsOverTheVotes() {
        let decision = decider(.adjudicatedMajority).decide(votes: [claim, claim, quote], adjudication: quote)
        #expect(decision == .keep(label: quote, adjudicated: true), "\(decision)")
    }

    @Test func withoutAdjudicationTheStrictPluralityWins() {
        let d = decider(.adjudicatedMajority)
        #expect(d.decide(votes: [claim, quote, claim], adjudication: nil) == .keep(label: claim, adjudicated: false))
        #expect(d.decide(votes: [nil, noise, nil], adjudication: nil) == .keep(label: noise, adjudicated: false))
        // A plurality without a majority: 2 of 5.
        let plurality = d.decide(votes: [claim, claim, quote, caption, noise], adjudication: nil)
        #expect(plurality == .keep(label: claim, adjudicated: false), "\(plurality)")
    }

    @Test func tiesAreLeftOut() {
        let d = decider(.adjudicatedMajority)
        #expect(d.decide(votes: [claim, quote], adjudication: nil) == .leaveOut(.tie))
        #expect(d.decide(votes: [claim, quote, caption], adjudication: nil) == .leaveOut(.tie))
        #expect(d.decide(votes: [claim, quote, quote, claim], adjudication: nil) == .leaveOut(.tie))
        // An adjudication settles a tie.
        #expect(d.decide(votes: [claim, quote], adjudication: claim) == .keep(label: claim, adjudicated: true))
    }

    @Test func majorityIgnoresAdjudications() {
        let d = decider(.majority)
        #expect(d.decide(votes: [claim, claim, quote], adjudication: quote) == .keep(label: claim, adjudicated: false))
        #expect(d.decide(votes: [claim, quote], adjudication: quote) == .leaveOut(.tie))
        #expect(d.decide(votes: [nil, nil], adjudication: quote) == .leaveOut(.noVotes))
        #expect(decider(.unanimous).decide(votes: [nil], adjudication: quote) == .leaveOut(.noVotes))
    }

    @Test func unanimousNeedsEveryVoteToAgree() {
        let d = decider(.unanimous)
        #expect(d.decide(votes: [claim, claim, nil], adjudication: nil) == .keep(label: claim, adjudicated: false))
        #expect(d.decide(votes: [claim, claim, quote], adjudication: claim) == .leaveOut(.notUnanimous))
        #expect(
            decider(.unanimous, minVotes: 3).decide(votes: [claim, claim, nil], adjudication: nil)
                == .leaveOut(.belowMinVotes))
    }

    @Test func annotatorPolicyTakesThatColumnOnly() {
        let d = decider(.annotator("bob"), column: 1)
        #expect(d.decide(votes: [claim, quote, claim], adjudication: claim) == .keep(label: quote, adjudicated: false))
        #expect(d.decide(votes: [claim, nil, claim], adjudication: nil) == .leaveOut(.notLabeledByAnnotator))
    }

    @Test func minVotesCountsVotesButAnAdjudicationSettles() {
        let d = decider(.adjudicatedMajority, minVotes: 2)
        #expect(d.decide(votes: [claim, nil, nil], adjudication: nil) == .leaveOut(.belowMinVotes))
        #expect(d.decide(votes: [claim, claim, nil], adjudication: nil) == .keep(label: claim, adjudicated: false))
        #expect(d.decide(votes: [claim, nil, nil], adjudication: noise) == .keep(label: noise, adjudicated: true))
    }

    @Test func droppedLabelsAreLeftOutAfterTheDecision() {
        let d = decider(.adjudicatedMajority, drop: [noise])
        #expect(d.decide(votes: [noise, noise, claim], adjudication: nil) == .leaveOut(.droppedLabel))
        // The votes for noise still count: claim has no plurality here, so it is not promoted.
        #expect(d.decide(votes: [noise, claim], adjudication: nil) == .leaveOut(.tie))
        #expect(d.decide(votes: [noise, noise], adjudication: claim) == .keep(label: claim, adjudicated: true))
    }

    /// The manifest's agreement figures on a worked example: items [a a b] [a a] [a b] [c].
    @Test func agreementSummaryOfAWorkedExample() {
        let table = RatingTable(
            annotators: ["alice", "bob", "carol"], labels: LabelSet.default.names,
            rows: [[0, 0, 1], [0, nil, 0], [0, 1, nil], [nil, 2, nil]])
        let summary = ExportAgreementSummary(report: AgreementReport(table: table))
        #expect(summary.report.items == 4 && summary.report.ratings == 8, "\(summary.jsonValue)")
        #expect(summary.itemsWithTwoOrMoreRatings == 3, "\(summary.jsonValue)")
        // (1/3 + 1 + 0) / 3
        #expect(abs(summary.percentAgreement! - 4.0 / 9.0) < 1e-12, "\(String(describing: summary.percentAgreement))")
        #expect(summary.unanimousItems == 1, "\(summary.jsonValue)")
        #expect(summary.jsonValue["percent_agreement"] == .number(summary.percentAgreement!), "\(summary.jsonValue)")
        #expect(summary.jsonValue["krippendorff_alpha"] != nil, "\(summary.jsonValue)")
    }

    @Test func agreementIsNullWithoutPairs() {
        let table = RatingTable(
            annotators: ["alice", "bob"], labels: LabelSet.default.names, rows: [[0, nil], [nil, 3]])
        let summary = ExportAgreementSummary(report: AgreementReport(table: table))
        #expect(summary.percentAgreement == nil)
        #expect(summary.jsonValue["percent_agreement"] == .null, "\(summary.jsonValue)")
        #expect(summary.jsonValue["krippendorff_alpha"] == .null, "\(summary.jsonValue)")
    }
}
