import SentagKit
import Testing

/// Issue 10, item 1: one 1-based `DOC:N` numbering, one formatter, one parser, and `:goto`
/// takes what the reports print.
@Suite struct SentencePlaceTests {
    typealias F = SessionFixture

    @Test func formatsOneBasedAndRuns() {
        #expect(SentencePlace(document: "000_e48", index: 0).description == "000_e48:1")
        #expect(SentencePlace(document: "000_e48", number: 7, last: 10).description == "000_e48:7–10")
        #expect(SentencePlace(document: "news:3", index: 11).description == "news:3:12")
    }

    @Test(arguments: [
        ("alpha:2", SentencePlace(document: "alpha", number: 2)),
        ("000_e4828ba10e424886:31", SentencePlace(document: "000_e4828ba10e424886", number: 31)),
        ("alpha:7–10", SentencePlace(document: "alpha", number: 7, last: 10)),
        ("alpha:7-10", SentencePlace(document: "alpha", number: 7, last: 10)),
        ("news:3:12", SentencePlace(document: "news:3", number: 12)),
    ])
    func parsesWhatItFormats(_ text: String, _ place: SentencePlace) {
        #expect(SentencePlace.parse(text) == place)
        #expect(SentencePlace.parse(place.description) == place, "round trip of \(place)")
    }

    @Test(arguments: ["alpha", ":3", "alpha:", "alpha:0", "alpha:x", "alpha:5–2", "alpha:1–", "alpha:٣"])
    func refusesWhatIsNotAPlace(_ text: String) {
        #expect(SentencePlace.parse(text) == nil, "\(String(describing: SentencePlace.parse(text)))")
    }

    /// What `agreement --disagreements` prints for the record with index 1 of alpha is where
    /// `:goto` goes, and the screen's header says the same.
    @Test func gotoTakesWhatTheDisagreementsPrint() throws {
        let sentence = F.corpus.sentences[1]
        let printed = Disagreement(
            id: sentence.id, doc: sentence.doc, index: sentence.index, text: sentence.text, votes: []
        )
        .location
        #expect(printed == "alpha:2")
        var session = F.started()
        _ = session.handle(":goto \(printed)", at: F.at(1))
        #expect(F.onScreen(session) == sentence.text)
        #expect(session.view()?.place == printed)
        // A run as a message prints it goes to its first sentence.
        _ = session.handle(":goto beta:2–3", at: F.at(2))
        #expect(F.onScreen(session) == "Beta two.")
    }

    @Test func messagesNameSentencesTheSameWay() {
        var session = F.started()
        #expect(session.handle(":goto alpha:1", at: F.at(1)).events == [.message("already on alpha:1")])
        let far = session.handle(":goto alpha:9", at: F.at(2)).events
        #expect(far == [.problem("no sentence 9 in alpha; it has 4 (1–4)")], "\(far)")
    }

    @Test func aJSONLIdWithAColonIsReachedWithAndWithoutANumber() {
        let corpus = Corpus(documents: [
            Document(id: "news:1", text: "One.\nTwo.", origin: "news.jsonl:1"),
            Document(id: "news:2", text: "Three.\nFour.", origin: "news.jsonl:2"),
        ])
        var session = F.started(F.session(corpus: corpus))
        _ = session.handle(":goto news:2:2", at: F.at(1))
        #expect(F.onScreen(session) == "Four.")
        _ = session.handle(":goto news:1", at: F.at(2))
        #expect(F.onScreen(session) == "One.")
        #expect(session.view()?.place == "news:1:1")
    }

    @Test(arguments: [
        (9, 11, 82), (2, 3, 67), (1, 3, 33), (199, 200, 99), (1, 1000, 1), (0, 7, 0), (7, 7, 100), (0, 0, 100),
    ])
    func percentagesAreRoundedButNeverSayDoneEarly(_ part: Int, _ whole: Int, _ percent: Int) {
        #expect(Percent.rounded(part, of: whole) == percent)
    }
}
