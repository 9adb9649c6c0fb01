import SentagKit
import Testing

/// Issue 10, item 1: one 1-based `DOC:N` numbering, one formatter, one parser.
@Suite struct SentencePlaceTests {
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

    @Test(arguments: [
        (9, 11, 82), (2, 3, 67), (1, 3, 33), (199, 200, 99), (1, 1000, 1), (0, 7, 0), (7, 7, 100), (0, 0, 100),
    ])
    func percentagesAreRoundedButNeverSayDoneEarly(_ part: Int, _ whole: Int, _ percent: Int) {
        #expect(Percent.rounded(part, of: whole) == percent)
    }
}
