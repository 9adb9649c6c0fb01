import SentagKit
import Testing

@Suite struct LabelFileIndexTests {
    static func line(_ id: String, _ label: String?, adjudicated: Bool = false, flag: Bool = false) -> String {
        let labelJSON = label.map { "\"\($0)\"" } ?? "null"
        var text =
            #"{"id":"\#(id)","doc":"d","index":0,"start":0,"end":1,"text":"t","label":\#(labelJSON),"annotator":"alice","time":"2026-11-21T14:03:05.120Z""#
        if adjudicated { text += #","adjudicated":true"# }
        if flag { text += #","flag":true"# }
        return text + "}"
    }

    @Test func latestLineWinsAndNullRetracts() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = "000000000000000a"
        let b = "000000000000000b"
        let c = "000000000000000c"
        let path = try dir.write(
            "alice.jsonl",
            [
                Self.line(a, "claim"), Self.line(b, "quote"), Self.line(a, "noise"), Self.line(b, nil),
                Self.line(c, "caption", flag: true), Self.line(c, "quote", adjudicated: true),
            ].joined(separator: "\n") + "\n")
        let index = try LabelFileIndex(path: path)
        #expect(index.annotator == "alice")
        #expect(index.entries.count == 6 && index.warnings.isEmpty, "\(index.warnings)")
        let current = index.currentDecisions()
        #expect(Set(current.keys) == [SentenceID(a)!, SentenceID(c)!], "\(current)")
        #expect(index.labelName(of: index.entries[current[SentenceID(a)!]!]) == "noise")
        #expect(index.entries[current[SentenceID(c)!]!].flagged)
        let adjudications = index.currentDecisions(adjudicated: true)
        #expect(
            adjudications.count == 1 && index.labelName(of: index.entries[adjudications[SentenceID(c)!]!]) == "quote")
        #expect(index.labelNames == ["claim", "quote", "noise", "caption"], "\(index.labelNames)")
    }

    @Test func badLinesAreWarningsWithLineNumbersAndReadingGoesOn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let good = Self.line("000000000000000a", "claim")
        let path = try dir.write(
            "bob.jsonl",
            [
                good, "", "not json", #"{"id":"000000000000000b","label":"claim"}"#, String(good.prefix(40)),
                Self.line("000000000000000c", "quote"), String(good.prefix(30)),
            ].joined(separator: "\n"))
        let index = try LabelFileIndex(path: path)
        #expect(index.entries.map(\.line) == [1, 6], "\(index.entries)")
        #expect(index.warnings.map(\.line) == [3, 4, 5, 7], "\(index.warnings)")
        #expect(index.warnings[1].reason == "no \"doc\" key", "\(index.warnings[1])")
        #expect(index.warnings[2].description.hasPrefix("\(path):5: warning: truncated"), "\(index.warnings[2])")
        #expect(!index.endsWithNewline)
    }

    @Test func entriesLeadBackToTheFullRecords() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lines = (0..<50).map { Self.line(String(format: "%016x", $0), $0 % 2 == 0 ? "claim" : "quote") }
        let path = try dir.write("carol.jsonl", lines.joined(separator: "\r\n") + "\r\n")
        let index = try LabelFileIndex(path: path)
        let records = try index.records(index.entries.suffix(3))
        #expect(records.map(\.id.rawValue) == [47, 48, 49], "\(records)")
        #expect(records.map(\.label) == ["quote", "claim", "quote"])
    }

    @Test func missingFileIsAnEmptyIndex() throws {
        let index = try LabelFileIndex(path: "/nonexistent/dir/x.jsonl")
        #expect(index.entries.isEmpty && index.warnings.isEmpty)
    }
}

@Suite struct LineReaderTests {
    private func lines(of text: [UInt8], chunk: Int) throws -> ([String], [Int64], Bool) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("f", text)
        var reader = try LineReader(path: path)
        defer { reader.close() }
        var found: [String] = []
        var offsets: [Int64] = []
        try reader.forEachLine(chunkSize: chunk) { (line, number, offset) throws(Never) in
            found.append(String(decoding: line, as: UTF8.self))
            offsets.append(offset)
            #expect(number == found.count)
        }
        return (found, offsets, reader.endsWithNewline)
    }

    @Test(arguments: [4096, 1 << 20])
    func handlesLinesLongerThanTheBufferCRLFAndNoFinalNewline(_ chunk: Int) throws {
        let long = String(repeating: "x", count: 10_000)
        let text = Array("a\r\n\n\(long)\nlast".utf8)
        let (found, offsets, endsWithNewline) = try lines(of: text, chunk: chunk)
        #expect(found == ["a", "", long, "last"], "\(found.map(\.count))")
        #expect(offsets == [0, 3, 4, Int64(5 + long.count)], "\(offsets)")
        #expect(!endsWithNewline)
    }

    @Test func emptyFileHasNoLines() throws {
        let (found, _, endsWithNewline) = try lines(of: [], chunk: 4096)
        #expect(found.isEmpty && endsWithNewline)
    }
}

@Suite struct LabelFileIndexLabelSetTests {
    private func index(_ lines: [String]) throws -> (LabelFileIndex, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let path = try dir.write("alice.jsonl", lines.joined(separator: "\n") + "\n")
        return (try LabelFileIndex(path: path), dir)
    }

    @Test func mapsLabelsToTheirPositionsInTheSet() throws {
        let (file, dir) = try index([
            LabelFileIndexTests.line("000000000000000a", "noise"),
            LabelFileIndexTests.line("000000000000000b", "claim"),
        ])
        defer { dir.remove() }
        #expect(try file.labelPositions(in: .default) == [3, 0])
    }

    @Test func aSupersededUnknownLabelIsNoError() throws {
        let (file, dir) = try index([
            LabelFileIndexTests.line("000000000000000a", "clam"), LabelFileIndexTests.line("000000000000000a", "claim"),
            LabelFileIndexTests.line("000000000000000b", "opinion"), LabelFileIndexTests.line("000000000000000b", nil),
        ])
        defer { dir.remove() }
        #expect(try file.labelPositions(in: .default) == [-2, 0, -2])
    }

    @Test func aCurrentVoteOrAdjudicationWithAnUnknownLabelNamesFileLineAndLabel() throws {
        let (votes, dir) = try index([
            LabelFileIndexTests.line("000000000000000a", "claim"), LabelFileIndexTests.line("000000000000000b", "clam"),
            LabelFileIndexTests.line("000000000000000c", "opinion"),
        ])
        defer { dir.remove() }
        #expect(
            throws: AnnotationError.unknownLabel(
                path: votes.path, line: 2, label: "clam", known: LabelSet.default.names)
        ) {
            try votes.labelPositions(in: .default)
        }
        let (adjudications, other) = try index([
            LabelFileIndexTests.line("000000000000000a", "claim"),
            LabelFileIndexTests.line("000000000000000a", "verdict", adjudicated: true),
        ])
        defer { other.remove() }
        #expect(
            throws: AnnotationError.unknownLabel(
                path: adjudications.path, line: 2, label: "verdict", known: LabelSet.default.names)
        ) {
            try adjudications.labelPositions(in: .default)
        }
    }
}
