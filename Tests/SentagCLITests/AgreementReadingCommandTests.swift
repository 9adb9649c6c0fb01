import Foundation
import SentagKit
import Testing

/// `sentag agreement` around the figures, end to end: intervals by default, `--bootstrap 0`
/// and bad values, the caution on few items, the prevalence warning, `reading` in JSON, and
/// notes and flags in `--disagreements`.
@Suite struct AgreementReadingCommandTests {
    /// Feinstein & Cicchetti's skewed table as two label files over 100 synthetic sentences:
    /// 80 both claim, 10 alice claim / bob noise, 5 alice noise / bob claim, 5 both noise.
    ///
    /// Bob's rating of item 80 (the first disagreement) is flagged and has a note.
    static func skewedFolder() throws -> URL {
        let folder = try SentagBinary.temporaryDirectory()
        var alice: [UInt8] = []
        var bob: [UInt8] = []
        for item in 0..<100 {
            let text = "Sentence \(item) of the skewed example."
            let sentence = Sentence(
                id: SentenceID(document: "skewed", text: text, occurrence: 0), doc: "skewed", index: item, start: 0,
                end: text.unicodeScalars.count, text: text)
            let (a, b) =
                item < 80
                ? ("claim", "claim")
                : item < 90 ? ("claim", "noise") : item < 95 ? ("noise", "claim") : ("noise", "noise")
            let time = Timestamp(millisecondsSince1970: 1_795_000_000_000 + Int64(item) * 4000)
            alice += AnnotationRecord(sentence: sentence, label: a, annotator: "alice", time: time).jsonLine
            bob +=
                AnnotationRecord(
                    sentence: sentence, label: b, annotator: "bob", time: time,
                    note: item == 80 ? "photo credit?" : nil,
                    flag: item == 80 ? true : nil
                ).jsonLine
        }
        try Data(alice).write(to: folder.appendingPathComponent("alice.jsonl"))
        try Data(bob).write(to: folder.appendingPathComponent("bob.jsonl"))
        return folder
    }

    static func object(_ result: SentagBinary.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func intervalsAreThereByDefaultAndBootstrapZeroLeavesThemOut() throws {
        let folder = try Self.skewedFolder()
        let text = try SentagBinary.run(["agreement", "--annotations", folder.path])
        #expect(text.status == 0, "\(text.transcript)")
        #expect(
            text.stdout.contains("95% interval") && text.stdout.contains("1,000 bootstrap samples"), "\(text.stdout)")
        let json = try SentagBinary.run(["agreement", "--json", "--annotations", folder.path])
        let bootstrap = try #require(try Self.object(json)["bootstrap"] as? [String: Any], "\(json.transcript)")
        #expect(bootstrap["samples"] as? Int == 1000 && bootstrap["seed"] as? Int == 1, "\(bootstrap)")

        let off = try SentagBinary.run(["agreement", "--annotations", folder.path, "--bootstrap", "0"])
        #expect(off.status == 0 && !off.stdout.contains("interval"), "\(off.transcript)")
        let offJSON = try SentagBinary.run(["agreement", "--json", "--annotations", folder.path, "--bootstrap", "0"])
        #expect(try Self.object(offJSON)["bootstrap"] == nil, "\(offJSON.stdout)")
    }

    @Test(arguments: [["--bootstrap", "-1"], ["--bootstrap", "-250"], ["--bootstrap", "2000000"]])
    func aBadSampleCountIsAUsageErrorQuotingTheValue(_ arguments: [String]) throws {
        let result = try SentagBinary.run(["agreement"] + arguments)
        #expect(result.status == 64, "\(result.transcript)")
        #expect(result.stderr.contains("'\(arguments[1])'"), "\(result.transcript)")
        #expect(!result.stderr.contains("Missing value"), "\(result.transcript)")
    }

    @Test func fewItemsAndPrevalenceAreSaidInTextAndInJSON() throws {
        let folder = try Self.skewedFolder()
        let text = try SentagBinary.run(["agreement", "--annotations", folder.path])
        #expect(text.status == 0, "\(text.transcript)")
        let reading = try #require(text.stdout.components(separatedBy: "\nReading\n").last, "\(text.stdout)")
        #expect(reading.contains("  - Prevalence warning: claim makes up 88% of all ratings"), "\(reading)")
        #expect(reading.contains("kappa paradox"), "\(reading)")
        // noise is given on 20 items only: its specific agreement is marked and named.
        #expect(text.stdout.contains("  noise") && text.stdout.contains("* (20 items)"), "\(text.stdout)")
        #expect(reading.contains("Caution: the specific agreement of noise"), "\(reading)")

        let json = try SentagBinary.run(["agreement", "--json", "--annotations", folder.path])
        let object = try Self.object(json)
        let lines = try #require(object["reading"] as? [String], "\(json.stdout)")
        let textLines = reading.split(separator: "\n").map { String($0.dropFirst(4)) }
        #expect(lines == textLines, "JSON \(lines)\ntext \(textLines)")
        #expect((object["prevalence"] as? [String: Any])?["label"] as? String == "claim", "\(json.stdout)")
        let small = try #require(object["small_samples"] as? [[String: Any]], "\(json.stdout)")
        #expect(
            small.contains {
                $0["figure"] as? String == "per_label.noise.specific_agreement" && $0["items"] as? Int == 20
            },
            "\(small)")
        // SPEC's keys keep their names and meaning.
        #expect(object["fleiss_items"] as? Int == 100 && object["items"] as? Int == 100, "\(json.stdout)")
    }

    @Test func disagreementsShowNotesAndFlags() throws {
        let folder = try Self.skewedFolder()
        let text = try SentagBinary.run(["agreement", "--annotations", folder.path, "--disagreements"])
        #expect(text.status == 0, "\(text.transcript)")
        let section = try #require(text.stdout.components(separatedBy: "Disagreements (15)").last, "\(text.stdout)")
        #expect(section.contains("alice claim · bob noise (unsure)"), "\(section)")
        #expect(section.contains("note, bob: photo credit?"), "\(section)")
        let json = try SentagBinary.run(["agreement", "--json", "--annotations", folder.path, "--disagreements"])
        let items = try #require(try Self.object(json)["disagreements"] as? [[String: Any]], "\(json.stdout)")
        let flagged = items.filter { ($0["flagged"] as? [String]) == ["bob"] }
        #expect(flagged.count == 1 && flagged.first?["index"] as? Int == 80, "\(items.prefix(2))")
        #expect(flagged.first?["notes"] as? [String: String] == ["bob": "photo credit?"], "\(flagged)")
        #expect(items.filter { ($0["notes"] as? [String: String])?.isEmpty == false }.count == 1, "\(items.count)")
    }
}
