import Foundation
import SentagKit
import Testing

@Suite struct AnnotationRecordTests {
    static let sentence = Sentence(
        id: SentenceID("9f86d081884c7d65")!, doc: "000_e4828ba10e424886", index: 0, start: 0, end: 22,
        text: "A convicted \"murderer\" …")
    static let time = Timestamp("2026-11-21T14:03:05.120Z")!

    @Test func writesSpecKeysInOrder() {
        let record = AnnotationRecord(sentence: Self.sentence, label: "claim", annotator: "alice", time: Self.time)
        let line = String(decoding: record.jsonLine, as: UTF8.self)
        let expected =
            #"{"id":"9f86d081884c7d65","doc":"000_e4828ba10e424886","index":0,"start":0,"end":22,"text":"A convicted \"murderer\" …","label":"claim","annotator":"alice","time":"2026-11-21T14:03:05.120Z"}"#
            + "\n"
        #expect(line == expected, "\(line)")
    }

    @Test func retractionWritesNullLabel() throws {
        let record = AnnotationRecord(sentence: Self.sentence, label: nil, annotator: "alice", time: Self.time)
        let object = try JSONSerialization.jsonObject(with: Data(record.jsonLine)) as! [String: Any]
        #expect(object["label"] is NSNull, "\(object)")
        #expect(object.keys.contains("label"))
    }

    @Test func roundTripsEveryOptionalKeyAndUnknownKeys() throws {
        var record = AnnotationRecord(
            sentence: Self.sentence, label: "quote", annotator: "judge", time: Self.time, note: "tricky\nline",
            flag: true, suggested: "claim", ms: 1234, session: "s-1", adjudicated: true,
            votes: ["bob": "quote", "alice": "claim"])
        record.extra = [("tool", #"{"v":[1,2]}"#), ("x", #""y""#)]
        let line = String(decoding: record.jsonLine.dropLast(), as: UTF8.self)
        let decoded = try AnnotationRecord(jsonLine: line)
        #expect(decoded == record, "\(line)")
        #expect(line.contains(#""votes":{"alice":"claim","bob":"quote"}"#), "votes sorted by name: \(line)")
    }

    @Test func readsRecordsWrittenByOtherTools() throws {
        // Key order, spacing and escapes as Python's json.dumps writes them.
        let line =
            #"{"text": "caf\u00e9 \ud83d\ude00", "label": "noise", "id": "00000000000000FF", "doc": "d", "index": 3, "start": 5, "end": 11, "annotator": "bob", "time": "2026-11-21T14:03:05Z", "meta": null}"#
        let record = try AnnotationRecord(jsonLine: line)
        #expect(record.text == "café 😀" && record.id.rawValue == 255 && record.index == 3, "\(record)")
        #expect(record.extra.count == 1 && record.extra[0].0 == "meta", "\(record.extra)")
    }

    @Test(arguments: [
        (
            #"{"id":"x","doc":"d","index":0,"start":0,"end":1,"text":"t","label":"c","annotator":"a","time":"2026-11-21T14:03:05Z"}"#,
            RecordProblem.badID("x")
        ),
        (
            #"{"id":"00000000000000ff","doc":"d","index":0,"start":0,"end":1,"text":"t","label":"c","annotator":"a"}"#,
            .missingKey("time")
        ),
        (
            #"{"id":"00000000000000ff","doc":"d","index":"0","start":0,"end":1,"text":"t","label":"c","annotator":"a","time":"2026-11-21T14:03:05Z"}"#,
            .wrongType(key: "index", expected: "an integer")
        ),
        (
            #"{"id":"00000000000000ff","doc":"d","index":0,"start":0,"end":1,"text":"t","label":3,"annotator":"a","time":"2026-11-21T14:03:05Z"}"#,
            .wrongType(key: "label", expected: "a string")
        ),
        (
            #"{"id":"00000000000000ff","doc":"d","index":0,"start":0,"end":1,"text":"t","label":"c","annotator":"a","time":"yesterday"}"#,
            .badTime("yesterday")
        ),
        (#"{"id":"00000000000000ff","doc":"d","index":0,"st"#, .structure(.truncated)),
    ])
    func saysWhatIsWrongWithALine(_ line: String, _ expected: RecordProblem) {
        #expect(throws: expected) { try AnnotationRecord(jsonLine: line) }
    }
}
