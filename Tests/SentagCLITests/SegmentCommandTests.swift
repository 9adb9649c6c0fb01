import Foundation
import Testing

@Suite struct SegmentCommandTests {
    @Test func jsonLinesMatchTheSpecShape() throws {
        let result = try SentagBinary.run(["segment", "seeds", "--json"])
        #expect(result.status == 0, "\(result.transcript)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 100, "\(result.transcript)")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String, "\(line)")
            #expect(id.count == 16 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(line)")
            #expect(object["doc"] is String && object["text"] is String, "\(line)")
            #expect(object["index"] is Int && object["start"] is Int && object["end"] is Int, "\(line)")
        }
    }

    @Test func textIsExactlyTheScalarSliceOfTheDocument() throws {
        let result = try SentagBinary.run(["segment", "seeds", "--json"])
        #expect(result.status == 0, "\(result.transcript)")
        var documents: [String: [Unicode.Scalar]] = [:]
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let doc = object["doc"] as! String
            if documents[doc] == nil {
                let url = SentagBinary.packageRoot.appendingPathComponent("seeds/\(doc).txt")
                documents[doc] = Array(try String(contentsOf: url, encoding: .utf8).unicodeScalars)
            }
            let scalars = documents[doc]!
            let start = object["start"] as! Int
            let end = object["end"] as! Int
            let slice = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(slice == object["text"] as! String, "\(line)")
        }
        #expect(documents.count == 5)
    }

    @Test func withAPlanAndNoSourcesItListsThePlansSources() throws {
        let folder = try SentagBinary.temporaryDirectory()
        let annotations = folder.appendingPathComponent("Annotations").path
        let seed = SentagBinary.packageRoot.appendingPathComponent("seeds/001_05a66df8ecc67f11.txt").path
        let plan = try SentagBinary.run(["plan", seed, "--annotators", "alice,bob", "--annotations", annotations])
        #expect(plan.status == 0, "\(plan.transcript)")
        let result = try SentagBinary.run(["segment", "--json", "--annotations", annotations])
        #expect(result.status == 0, "\(result.transcript)")
        let docs = Set(
            try result.stdout.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["doc"]
                    as? String
            })
        #expect(docs == ["001_05a66df8ecc67f11"], "\(result.transcript)")
    }

    @Test func missingSourceIsAnErrorNamingIt() throws {
        let result = try SentagBinary.run(["segment", "no-such-folder"])
        #expect(result.status == 1, "\(result.transcript)")
        #expect(result.stderr.hasPrefix("error: no-such-folder"), "\(result.transcript)")
    }

    @Test func aLinkBackIntoTheSourceFolderEndsWithAnError() throws {
        let root = try SentagBinary.temporaryDirectory()
        let sub = root.appendingPathComponent("corpus/sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "One sentence.\n".write(to: sub.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: sub.appendingPathComponent("up").path, withDestinationPath: "..")
        let result = try SentagBinary.run(["segment", "corpus"], in: root)
        #expect(result.status == 1, "\(result.transcript)")
        #expect(
            result.stderr == "error: corpus/sub/up: the folder corpus again, through a symbolic link; remove the link, "
                + "or give the folders as separate sources\n", "\(result.transcript)")
        #expect(result.stdout.isEmpty, "\(result.transcript)")
    }

    @Test func badFlagIsUsageError() throws {
        let result = try SentagBinary.run(["segment", "--no-such-flag"])
        #expect(result.status == 64, "\(result.transcript)")
    }

    /// Issue 10, item 1: the readable listing counts from 1, as the session's header and
    /// `:goto N` do.
    @Test func readableListingNumbersSentencesFromOne() throws {
        let fixture = try LabelFixture()
        let result = try SentagBinary.run(["segment", fixture.corpus])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            result.stdout.hasPrefix(
                "alpha (4 sentences)\n  1  Alpha one.\n  2  Alpha two mentions Putin.\n  3  Alpha three.\n  4  Alpha four.\n"
            ),
            "\(result.transcript)")
    }
}
