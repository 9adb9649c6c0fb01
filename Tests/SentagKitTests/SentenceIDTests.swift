import SentagKit
import Testing

@Suite struct SentenceIDTests {
    @Test func isSixteenLowercaseHexDigitsAndRoundTrips() throws {
        let id = SentenceID(document: "000_e4828ba10e424886", text: "A sentence.", occurrence: 0)
        let text = id.description
        #expect(text.count == 16)
        #expect(text.allSatisfy { "0123456789abcdef".contains($0) }, "\(text)")
        #expect(SentenceID(text) == id)
    }

    /// Pinned values computed by the independent Python implementation in
    /// Scripts/sentence_id.py: if these change, every label file ever written loses its sentences.
    @Test func isFixedAcrossRunsAndMachines() {
        #expect(SentenceID(document: "doc", text: "Hello world.", occurrence: 0).description == "cb314d332649df05")
        let first =
            "A convicted murderer released from prison to fight for Russia against Ukraine as \"cannon fodder\" has surrendered and defected to the other side."
        #expect(
            SentenceID(document: "000_e4828ba10e424886", text: first, occurrence: 0).description == "23105e3360c797e9")
    }

    @Test func dependsOnDocumentTextAndOccurrence() {
        let base = SentenceID(document: "a", text: "x", occurrence: 0)
        #expect(base != SentenceID(document: "b", text: "x", occurrence: 0))
        #expect(base != SentenceID(document: "a", text: "y", occurrence: 0))
        #expect(base != SentenceID(document: "a", text: "x", occurrence: 1))
        // The separator keeps "ab"+"c" apart from "a"+"bc".
        #expect(
            SentenceID(document: "ab", text: "c", occurrence: 0) != SentenceID(document: "a", text: "bc", occurrence: 0)
        )
    }

    @Test(arguments: ["", "123", "0123456789abcdef0", "0123456789abcdeg", "-123456789abcdef"])
    func rejectsAnythingButSixteenHexDigits(_ text: String) {
        #expect(SentenceID(text) == nil)
    }
}
