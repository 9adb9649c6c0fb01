import Foundation
import Testing

@testable import SentagKit

/// `segment --json`'s fast path: the line encoder and the streaming sentence walk must give
/// exactly what `Sentence.sentences(of:)` and `Sentence.writeJSON(to:)` define.
@Suite struct SegmentListingTests {
    static let trickyTexts: [String] = [
        "He said \"stop\". She said \\no\\. Tab\there.\nNew line.\r\nDone.",
        "Control \u{01}\u{1F} chars. Emoji 🚀 and 東京. Ünïcödé text.",
        "Repeated. Repeated. Repeated.\nRepeated.",
        "Cafe\u{301}. Café. Cafe\u{301}.",
        String(repeating: "A fairly long sentence with \"quotes\" and \\ slashes. ", count: 50),
    ]

    static var documents: [Document] {
        get throws {
            var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
            parts.removeLast(3)
            let seeds = try DocumentLoader.load([parts.joined(separator: "/") + "/seeds"])
            let tricky = trickyTexts.enumerated().map {
                Document(id: "tricky \"\($0.offset)\"\\", text: $0.element, origin: "")
            }
            return seeds + tricky
        }
    }

    @Test func linesAreWhatWriteJSONWrites() throws {
        var encoder = SentenceLineEncoder()
        var writer = JSONWriter()
        var checked = 0
        for document in try Self.documents {
            for sentence in Sentence.sentences(of: document) {
                writer.removeAll()
                sentence.writeJSON(to: &writer)
                let expected = String(decoding: writer.bytes + [0x0A], as: UTF8.self)
                let actual = String(decoding: encoder.encode(sentence), as: UTF8.self)
                #expect(actual == expected, "\(actual)")
                checked += 1
            }
        }
        #expect(checked > 150, "\(checked)")
    }

    @Test func linesAreValidJSONWithTheSpecKeys() throws {
        var encoder = SentenceLineEncoder()
        for document in try Self.documents {
            for sentence in Sentence.sentences(of: document) {
                let line = encoder.encode(sentence)
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(line.dropLast())) as? [String: Any],
                    "\(String(decoding: line, as: UTF8.self))")
                #expect(object["text"] as? String == sentence.text, "\(object)")
                #expect(object["doc"] as? String == document.id, "\(object)")
                #expect(object["id"] as? String == sentence.id.description, "\(object)")
                #expect(object["start"] as? Int == sentence.start && object["end"] as? Int == sentence.end, "\(object)")
            }
        }
    }

    @Test func streamingGivesTheSameSentences() throws {
        for document in try Self.documents {
            var streamed: [Sentence] = []
            Sentence.forEachSentence(of: document) { sentence, _ in streamed.append(sentence) }
            let listed = Sentence.sentences(of: document)
            #expect(streamed == listed, "\(document.id)")
        }
    }

    /// Occurrence numbers count earlier sentences with the same bytes: canonically equivalent
    /// spellings (`e` + combining acute and `é`) are different texts, as in the Python reference.
    @Test func occurrencesCountIdenticalBytes() {
        let document = Document(id: "d", text: "Repeated. Repeated. Cafe\u{301}. Café. Cafe\u{301}.", origin: "")
        let sentences = Sentence.sentences(of: document)
        let expected = [
            SentenceID(document: "d", text: "Repeated.", occurrence: 0),
            SentenceID(document: "d", text: "Repeated.", occurrence: 1),
            SentenceID(document: "d", text: "Cafe\u{301}.", occurrence: 0),
            SentenceID(document: "d", text: "Café.", occurrence: 0),
            SentenceID(document: "d", text: "Cafe\u{301}.", occurrence: 1),
        ]
        #expect(sentences.map(\.id) == expected, "\(sentences.map(\.text))")
    }

    @Test func jsonWriterEscapesWhatRFC8259Requires() {
        let text = "plain \"quoted\" back\\slash \u{0}\u{08}\u{0C}\n\r\t\u{1F} é 🚀 long run of plain text here"
        var bytes: [UInt8] = []
        JSONWriter.appendQuoted(text, to: &bytes)
        let expected =
            #""plain \"quoted\" back\\slash \u0000\b\f\n\r\t\u001f é 🚀 long run of plain text here""#
        #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test(arguments: [0, 7, 8, 9, 15, 16, 17, 31, 64])
    func jsonWriterFindsAnEscapeAtAnyOffset(_ offset: Int) {
        for special in ["\"", "\\", "\u{0}", "\u{1F}", "\n"] {
            let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 9)
            var bytes: [UInt8] = []
            JSONWriter.appendQuoted(text, to: &bytes)
            let decoded = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
            #expect(decoded == text, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
