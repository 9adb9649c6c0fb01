import Foundation
import SentagKit
import Testing

/// Gold files (export lines or a journal), their mistakes, and accuracy on gold.
@Suite struct GoldTests {
    static let seedsGold = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds-labeled/gold.jsonl").path

    static var seeds: Corpus {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return try Corpus.load([root.appendingPathComponent("seeds").path])
        }
    }

    @Test func aJournalQualifiesAsAGoldFile() throws {
        let corpus = try Self.seeds
        let items = try GoldFileReader.read(Self.seedsGold, corpus: corpus, labelSet: .default, sources: ["seeds"])
        #expect(items.count == 168, "\(items.count)")
        #expect(items.first?.label == "claim" && items.first?.doc == "000_e4828ba10e424886" && items.first?.index == 0)
        let counts = Dictionary(grouping: items, by: \.label).mapValues(\.count)
        #expect(counts == ["claim": 82, "quote": 62, "noise": 12, "caption": 12], "\(counts)")
    }

    @Test func exportLinesQualifyAndARetractedJournalDecisionIsNotGold() throws {
        let corpus = PlanTestSupport.corpus([5, 5])
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let s = corpus.sentences
        let export = try folder.write(
            "export.jsonl",
            #"{"id":"\#(s[0].id)","doc":"d0","text":"x","label":"claim","split":"train"}"# + "\n\n"
                + #"{"id":"\#(s[6].id)","label":"noise"}"# + "\n" + #"{"id":"\#(s[6].id)","label":"noise"}"# + "\n")
        let items = try GoldFileReader.read(export, corpus: corpus, labelSet: .default, sources: ["c"])
        #expect(items.map(\.id) == [s[0].id, s[6].id] && items.map(\.label) == ["claim", "noise"])
        let records = [
            AnnotationRecord(sentence: s[1], label: "quote", annotator: "judge", time: .init(millisecondsSince1970: 0)),
            AnnotationRecord(sentence: s[2], label: "claim", annotator: "judge", time: .init(millisecondsSince1970: 1)),
            AnnotationRecord(sentence: s[2], label: nil, annotator: "judge", time: .init(millisecondsSince1970: 2)),
        ]
        let journal = try folder.write("judge.jsonl", records.flatMap(\.jsonLine))
        let fromJournal = try GoldFileReader.read(journal, corpus: corpus, labelSet: .default, sources: ["c"])
        #expect(fromJournal.map(\.id) == [s[1].id] && fromJournal.map(\.label) == ["quote"])
    }

    /// What every command accepts in a journal (a byte order mark, CRLF line ends) a gold file
    /// copied from one has too.
    @Test(arguments: [false, true])
    func aJournalWithAByteOrderMarkOrCRLFQualifiesToo(crlf: Bool) throws {
        let corpus = PlanTestSupport.corpus([5])
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let s = corpus.sentences
        let records = [
            AnnotationRecord(sentence: s[1], label: "quote", annotator: "judge", time: .init(millisecondsSince1970: 0)),
            AnnotationRecord(sentence: s[2], label: "claim", annotator: "judge", time: .init(millisecondsSince1970: 1)),
            AnnotationRecord(sentence: s[2], label: nil, annotator: "judge", time: .init(millisecondsSince1970: 2)),
        ]
        let lines = records.map { Array($0.jsonLine.dropLast()) + (crlf ? [0x0D, 0x0A] : [0x0A]) }
        let journal = try folder.write("judge.jsonl", (crlf ? [] : [0xEF, 0xBB, 0xBF]) + lines.joined())
        let items = try GoldFileReader.read(journal, corpus: corpus, labelSet: .default, sources: ["c"])
        #expect(items.map(\.id) == [s[1].id] && items.map(\.label) == ["quote"], "\(items)")
        let export = try folder.write(
            "export.jsonl", [0xEF, 0xBB, 0xBF] + Array(#"{"id":"\#(s[0].id)","label":"claim"}"#.utf8) + [0x0D, 0x0A])
        let exported = try GoldFileReader.read(export, corpus: corpus, labelSet: .default, sources: ["c"])
        #expect(exported.map(\.id) == [s[0].id], "\(exported)")
    }

    @Test func unknownIDsUnknownLabelsConflictsAndBadLinesAreErrorsWithLineNumbers() throws {
        let corpus = PlanTestSupport.corpus([5])
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let s = corpus.sentences
        func read(_ text: String) throws {
            let path = try folder.write("gold.jsonl", text)
            _ = try GoldFileReader.read(path, corpus: corpus, labelSet: .default, sources: ["corpus"])
        }
        func message(_ text: String) -> String {
            do {
                try read(text)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let unknownID = message(
            #"{"id":"\#(s[0].id)","label":"claim"}"# + "\n" + #"{"id":"0123456789abcdef","label":"claim"}"#)
        #expect(
            unknownID.contains("gold.jsonl: 1 gold id is not a sentence of corpus (line 2: 0123456789abcdef)"),
            "\(unknownID)")
        let unknownLabel = message(#"{"id":"\#(s[0].id)","label":"opinion"}"#)
        #expect(
            unknownLabel.contains("line 1: opinion") && unknownLabel.contains("expected claim, quote, caption, noise"),
            "\(unknownLabel)")
        let conflict = message(
            #"{"id":"\#(s[0].id)","label":"claim"}"# + "\n" + #"{"id":"\#(s[0].id)","label":"quote"}"#)
        #expect(conflict.contains("has two gold labels (claim, quote on lines 1 and 2)"), "\(conflict)")
        let badLine = message(#"{"id":"\#(s[0].id)","label":"claim"}"# + "\n" + "not json\n")
        #expect(badLine.contains("gold.jsonl:2: not JSON"), "\(badLine)")
        let noLabel = message(#"{"id":"\#(s[0].id)"}"#)
        #expect(noLabel.contains("gold.jsonl:1: \"label\" is missing"), "\(noLabel)")
        // Which of two labels on one line is gold is not for the reader to guess (a journal
        // line with a key twice is refused the same way).
        let twice = message(#"{"id":"\#(s[0].id)","label":"claim","label":"quote"}"#)
        #expect(twice.contains("gold.jsonl:1: \"label\" appears twice"), "\(twice)")
        let idTwice = message(#"{"id":"\#(s[0].id)","id":"\#(s[1].id)","label":"claim"}"#)
        #expect(idTwice.contains("gold.jsonl:1: \"id\" appears twice"), "\(idTwice)")
        #expect(message("\n\n").contains("no gold item"))
        #expect(message("").contains("no gold item"))
        let missing =
            (try? GoldFileReader.read(folder.file("none.jsonl"), corpus: corpus, labelSet: .default, sources: []))
        #expect(missing == nil)
    }

    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I,
    /// method 3 (Wilson score, no continuity correction).
    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
    ])
    func wilsonIntervalsMatchNewcombesTable(correct: Int, items: Int, low: Double, high: Double) throws {
        let interval = try #require(GoldReport.wilson(.init(items: items, correct: correct)))
        #expect(abs(interval.low - low) < 0.00005 && abs(interval.high - high) < 0.00005, "\(interval)")
    }

    @Test func accuracyConfusionAndTrendPerAnnotator() throws {
        let corpus = PlanTestSupport.corpus([40, 40])
        let gold = GoldSet(
            rate: 0.1, file: "gold.jsonl",
            items: (0..<80).map {
                GoldSet.Item(id: corpus.id(at: $0), label: $0 % 2 == 0 ? "claim" : "quote", doc: "", index: $0)
            })
        // alice: right on all 80. bob: right on the first 30, then wrong on every quote (25 of the last 50).
        var alice = JournalDecisions(annotator: "alice")
        var bob = JournalDecisions(annotator: "bob")
        for position in 0..<80 {
            let truth = position % 2 == 0 ? "claim" : "quote"
            let time = Timestamp(millisecondsSince1970: 1_800_000_000_000 + Int64(position) * 1000)
            let at = RecordPosition(line: Int64(position + 1), offset: Int64(position) * 100)
            alice.apply(
                AnnotationRecord(sentence: corpus.sentences[position], label: truth, annotator: "alice", time: time),
                at: at)
            let given = position >= 30 && truth == "quote" ? "claim" : truth
            bob.apply(
                AnnotationRecord(sentence: corpus.sentences[position], label: given, annotator: "bob", time: time),
                at: at)
        }
        let view = DecisionView(table: DecisionTable(journals: [alice, bob]), labelSet: .default, corpus: corpus)
        let report = GoldReport.compute(view: view, gold: gold)
        #expect(report.annotators.map(\.name) == ["alice", "bob"])
        let a = report.annotators[0]
        let b = report.annotators[1]
        #expect(a.overall == .init(items: 80, correct: 80) && a.overall.accuracy == 1)
        #expect(b.overall == .init(items: 80, correct: 55), "\(b.overall)")
        #expect(b.recent == .init(items: 50, correct: 25) && b.earlier == .init(items: 30, correct: 30), "\(b)")
        #expect(b.confusion[1][0] == 25 && b.confusion[0][0] == 40 && b.confusion[1][1] == 15, "\(b.confusion)")
        var writer = JSONWriter()
        report.writeJSON(to: &writer)
        let json = String(decoding: writer.bytes, as: UTF8.self)
        #expect(json.hasPrefix(#"{"alice":{"items":80,"correct":80,"accuracy":1,"#), "\(json)")
        #expect(json.contains(#""bob":{"items":80,"correct":55,"accuracy":0.6875,"#), "\(json)")
        let text = report.textLines().joined(separator: "\n")
        #expect(text.contains("bob: 0.500 on the last 50 gold items, down from 1.000 before"), "\(text)")
    }
}
