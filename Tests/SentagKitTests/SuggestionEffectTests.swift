import SentagKit
import Testing

/// How often suggestions were accepted, and agreement with and without them: a view of the
/// `suggested` of each vote.
@Suite struct SuggestionEffectTests {
    typealias F = ModelFixture

    @Test func acceptanceAndAgreementWithAndWithoutSuggestions() throws {
        // alice saw suggestions on 0–3 and took three; bob saw none. Items 0–3 "with", 4–7 "without".
        // Without: 8 values, claim 4, quote 2, noise 2, Σ o_kk = 4 (items 5 and 7 agree), so
        // alpha = (7·4 − (12 + 2 + 2)) / (8·7 − 16) = 12/40 = 0.3.
        let alice = F.journal(
            "alice",
            [
                (0, "claim"), (1, "claim"), (2, "quote"), (3, "quote"), (4, "claim"), (5, "noise"), (6, "claim"),
                (7, "claim"),
            ],
            suggested: [0: "claim", 1: "claim", 2: "quote", 3: "claim"])
        let bob = F.journal(
            "bob",
            [
                (0, "claim"), (1, "claim"), (2, "quote"), (3, "quote"), (4, "quote"), (5, "noise"), (6, "quote"),
                (7, "claim"),
            ])
        let effect = try SuggestionEffect.compute(view: F.view([alice, bob]))
        let uses = effect.uses.map { "\($0.annotator) \($0.decisions) \($0.shown) \($0.accepted)" }
        #expect(uses == ["alice 8 4 3", "bob 8 0 0"], "\(uses)")
        #expect(effect.uses[0].acceptance == 0.75 && effect.uses[1].acceptance == nil)
        #expect(effect.withSuggestion.percentAgreement.value == 1 && effect.withSuggestion.percentAgreement.items == 4)
        #expect(effect.withoutSuggestion.percentAgreement.value == 0.5, "\(effect.withoutSuggestion)")
        let lines = effect.lines(agreement: true)
        #expect(
            lines == [
                "alice: 4 of 8 decisions made with a suggestion on screen, 3 of them took it (75%)",
                "bob: 8 decisions, none with a suggestion on screen",
                "items labeled with a suggestion shown: 4 with 2 or more ratings, agreement 100%, alpha 1.0",
                "items labeled without: 4 with 2 or more ratings, agreement 50%, alpha 0.3",
            ], "\(lines)")
    }

    @Test func noSuggestionEverShownPrintsNothing() throws {
        let effect = try SuggestionEffect.compute(view: F.view([F.journal("alice", F.truth(0..<4))]))
        #expect(!effect.anyShown && effect.lines(agreement: true).isEmpty)
    }
}
