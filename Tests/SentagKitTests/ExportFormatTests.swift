import Foundation
import SentagKit
import Testing

/// `ExampleLineEncoder`: one example in each format.
@Suite struct ExportFormatTests {
    let labels = ["claim", "quote", "caption", "noise"]
    let example = ExportExample(
        id: SentenceID("9f86d081884c7d65")!, doc: "000_e48", index: 3,
        text: "He said, \"no\"\nthen\tleft.\u{00A0} ", label: "quote", split: .dev,
        votes: [.init(annotator: "alice", label: "quote"), .init(annotator: "bob", label: "claim")],
        adjudicated: true)

    func line(_ format: ExportFormat, soft: Bool = false, _ example: ExportExample? = nil) -> String {
        var encoder = ExampleLineEncoder(format: format, labels: labels, soft: soft)
        var out: [UInt8] = []
        encoder.append(example ?? self.example, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    }

    @Test func jsonlCarriesTheExampleVotesAndAgreement() throws {
        let text = line(.jsonl)
        #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1, "\(text)")
        let json = try object(text)
        #expect(json["id"] as? String == "9f86d081884c7d65", "\(json)")
        #expect(json["doc"] as? String == "000_e48" && json["index"] as? Int == 3, "\(json)")
        #expect(json["text"] as? String == example.text, "\(json)")
        #expect(json["label"] as? String == "quote" && json["split"] as? String == "dev", "\(json)")
        #expect(json["label_id"] as? Int == 1, "quote is the second exported label: \(json)")
        #expect(json["votes"] as? [String: String] == ["alice": "quote", "bob": "claim"], "\(json)")
        #expect(json["agreement"] as? Double == 0.5 && json["adjudicated"] as? Bool == true, "\(json)")
        #expect(json["soft"] == nil, "\(json)")
    }

    @Test func softAddsTheVoteDistribution() throws {
        let json = try object(line(.jsonl, soft: true))
        #expect(
            json["soft"] as? [String: Double] == ["claim": 0.5, "quote": 0.5, "caption": 0, "noise": 0], "\(json)")
        var alone = example
        alone.votes = []
        let settled = try object(line(.prodigy, soft: true, alone))
        #expect(
            settled["soft"] as? [String: Double] == ["claim": 0, "quote": 1, "caption": 0, "noise": 0], "\(settled)")
    }

    @Test func spacyHasCatsForEveryLabelAndMeta() throws {
        let text = line(.spacy)
        #expect(text.contains(#""cats":{"claim":0.0,"quote":1.0,"caption":0.0,"noise":0.0}"#), "\(text)")
        let json = try object(text)
        #expect(Set(json.keys) == ["text", "cats", "meta"], "\(json)")
        let meta = try #require(json["meta"] as? [String: Any], "\(json)")
        #expect(meta["id"] as? String == "9f86d081884c7d65" && meta["doc"] as? String == "000_e48", "\(meta)")
        #expect(meta["label_id"] as? Int == 1, "\(meta)")
    }

    /// The id is the label's position among the exported labels, not in the whole label set.
    @Test func labelIDIsThePositionAmongTheExportedLabels() throws {
        var encoder = ExampleLineEncoder(format: .jsonl, labels: ["quote", "noise"], soft: false)
        var out: [UInt8] = []
        var noise = example
        noise.label = "noise"
        encoder.append(example, to: &out)
        encoder.append(noise, to: &out)
        let ids = try String(decoding: out, as: UTF8.self).split(separator: "\n").map {
            try object(String($0))["label_id"] as? Int
        }
        #expect(ids == [0, 1], "\(ids)")
    }

    @Test func prodigyIsAnAcceptedChoiceTask() throws {
        let json = try object(line(.prodigy))
        // 0x9f86d081 and 0x884c7d65 read as signed 32-bit integers.
        #expect(json["_input_hash"] as? Int == -1_618_554_751, "\(json)")
        #expect(json["_task_hash"] as? Int == -2_008_253_083, "\(json)")
        #expect(json["accept"] as? [String] == ["quote"] && json["answer"] as? String == "accept", "\(json)")
        let options = try #require(json["options"] as? [[String: String]], "\(json)")
        #expect(options.map { $0["id"]! } == labels && options.map { $0["text"]! } == labels, "\(options)")
        #expect(json["text"] as? String == example.text, "\(json)")
        #expect((json["meta"] as? [String: Any])?["label_id"] as? Int == 1, "\(json)")
    }

    @Test func fasttextPutsTheTextOnOneLine() {
        #expect(line(.fasttext) == "__label__quote He said, \"no\" then left.\n", "\(line(.fasttext))")
        var plain = example
        plain.text = "Plain text."
        #expect(line(.fasttext, plain) == "__label__quote Plain text.\n")
    }

    @Test func csvQuotesOnlyWhatRFC4180Requires() {
        let encoder = ExampleLineEncoder(format: .csv, labels: labels, soft: true)
        #expect(
            String(decoding: encoder.header, as: UTF8.self)
                == "id,doc,index,text,label,label_id,split,votes,agreement,soft_claim,soft_quote,soft_caption,soft_noise\r\n"
        )
        let row = line(.csv)
        #expect(
            row == "9f86d081884c7d65,000_e48,3,\"He said, \"\"no\"\"\nthen\tleft.\u{00A0} \",quote,1,dev,"
                + "\"{\"\"alice\"\":\"\"quote\"\",\"\"bob\"\":\"\"claim\"\"}\",0.5\r\n", "\(row.debugDescription)")
    }
}
