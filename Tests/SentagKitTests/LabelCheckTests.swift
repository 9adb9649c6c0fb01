import SentagKit
import Testing

/// `check` on constructed data: a flipped label comes first, duplicates labeled differently are
/// found within one annotator and across annotators, and too few labels say why.
@Suite struct LabelCheckTests {
    typealias F = ModelFixture

    @Test func aFlippedLabelIsTheMostSuspect() throws {
        // gold labels every sentence right but one: doc2's first quote called noise. Its near
        // duplicates in the other articles ("… said the mayor of Leeds") say quote too.
        var labels = F.truth(0..<30)
        labels[14] = (14, "noise")
        let check = LabelCheck.compute(view: F.view([F.journal("gold", labels)]))
        #expect(check.modelNote == nil && check.folds == 5 && check.trainingLabels == 30 && check.labelsChecked == 30)
        let top = try #require(check.suspects.first)
        #expect(
            top.position == 14 && top.annotator == "gold" && top.label == "noise" && top.suggested == "quote"
                && top.reasons == [.model, .duplicate], "\(check.suspects)")
        #expect(top.score > 0.5 && top.probability! > 0.5, "\(top)")
        #expect(check.suspects.map(\.score) == check.suspects.map(\.score).sorted(by: >))
    }

    /// Two articles with the same sentence; `alice` and `bob` label it.
    static let copies = Corpus(documents: [
        Document(id: "a", text: "Sign up to our newsletter for more stories\nThe mayor opened a school.", origin: "a"),
        Document(
            id: "b", text: "The mayor opened a new library.\nSIGN UP to our newsletter for more stories", origin: "b"),
    ])

    @Test func duplicatesLabeledDifferentlyByOneAnnotator() throws {
        let alice = F.journal("alice", [(0, "noise"), (3, "claim")], corpus: Self.copies)
        let check = LabelCheck.compute(view: F.view([alice], corpus: Self.copies))
        #expect(check.modelNote?.hasPrefix("no model yet: suggestions start after 5 labels") == true, "\(check)")
        let conflict = try #require(check.conflicts.first)
        #expect(check.conflicts.count == 1 && conflict.kind == .exact && conflict.positions == [0, 3])
        #expect(conflict.inconsistentAnnotators == ["alice"] && !conflict.acrossAnnotators, "\(conflict)")
        // 1 against 1: both labels are suspects, each suggesting the other.
        let pairs = check.suspects.map { "\($0.position) \($0.label)→\($0.suggested) \($0.score)" }
        #expect(pairs == ["0 noise→claim 1.0", "3 claim→noise 1.0"], "\(pairs)")
    }

    @Test func duplicatesLabeledDifferentlyAcrossAnnotators() throws {
        let alice = F.journal("alice", [(0, "noise")], corpus: Self.copies)
        let bob = F.journal("bob", [(0, "noise"), (3, "noise")], corpus: Self.copies)
        let carol = F.journal("carol", [(3, "claim")], corpus: Self.copies)
        let check = LabelCheck.compute(view: F.view([alice, bob, carol], corpus: Self.copies))
        let conflict = try #require(check.conflicts.first)
        #expect(conflict.inconsistentAnnotators.isEmpty && conflict.acrossAnnotators, "\(conflict)")
        // noise 3, claim 1: only carol's claim is suspect, all three others disagree with it.
        #expect(check.suspects.count == 1, "\(check.suspects)")
        let suspect = try #require(check.suspects.first)
        #expect(
            suspect.annotator == "carol" && suspect.suggested == "noise" && suspect.score == 1 && suspect.conflict == 0)
    }

    @Test func labelsInOneDocumentCannotBeCrossValidated() {
        let check = LabelCheck.compute(view: F.view([F.journal("gold", F.truth(0..<6))]))
        #expect(check.suspects.isEmpty)
        #expect(
            check.modelNote?.contains("checking them needs labels in at least two") == true
                || check.modelNote?.hasPrefix("no model yet") == true, "\(check.modelNote ?? "")")
    }

    @Test func aStoreOfAdjudicationsOnlyIsChecked() throws {
        var labels = F.truth(0..<30)
        labels[14] = (14, "noise")
        let check = LabelCheck.compute(view: F.view([F.journal("judge", labels, adjudicated: true)]))
        let top = try #require(check.suspects.first)
        #expect(top.adjudicated && top.position == 14 && top.suggested == "quote", "\(top)")
    }
}
