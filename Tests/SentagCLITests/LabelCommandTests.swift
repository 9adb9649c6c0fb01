import Foundation
import SentagKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `sentag label` run as a script would run it: lines on standard input.
@Suite struct LabelCommandTests {
    @Test func pipedSessionWritesRecordsAsTheSpecDescribes() throws {
        let fixture = try LabelFixture()
        let result = try fixture.label(["c", "q", "n 2", ":note boilerplate", ":quit"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            try fixture.decisions() == [
                "Alpha one.=claim", "Alpha two mentions Putin.=quote", "Alpha three.=noise", "Alpha four.=noise",
            ], "\(result.transcript)")
        let timePattern = try Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#)
        for record in try fixture.records() {
            for key in ["id", "doc", "index", "start", "end", "text", "label", "annotator", "time"] {
                #expect(record[key] != nil, "missing \(key): \(record)")
            }
            let id = record["id"] as? String ?? ""
            #expect(id.count == 16 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(record)")
            #expect((record["time"] as? String)?.wholeMatch(of: timePattern) != nil, "\(record)")
            #expect(record["annotator"] as? String == "alice" && record["ms"] is Int, "\(record)")
            #expect((record["session"] as? String)?.count == 8, "\(record)")
        }
        let first = try #require(try fixture.records().first)
        #expect(first["doc"] as? String == "alpha" && first["index"] as? Int == 0, "\(first)")
        #expect(first["start"] as? Int == 0 && first["end"] as? Int == 10, "\(first)")
        #expect(result.stdout.contains("[c/q/p/n ?] > c\nsaved claim"), "\(result.transcript)")
        #expect(result.stdout.contains("▸ Beta one."), "\(result.transcript)")
        #expect(
            result.stdout.contains("3 decisions this session") || result.stdout.contains("4 decisions this session"),
            "\(result.transcript)")
    }

    @Test func resumesWhereItStoppedAndUndoesAcrossARestart() throws {
        let fixture = try LabelFixture()
        let first = try fixture.label(["c", "q"])
        #expect(first.status == 0, "\(first.transcript)")
        let second = try fixture.label([])
        #expect(second.stdout.contains("5 sentences in the queue; 2 of 7 labeled"), "\(second.transcript)")
        #expect(
            second.stdout.contains(
                "resuming at alpha:3, the first sentence not yet labeled after your last decision\n  (alpha:2)"),
            "\(second.transcript)")
        #expect(second.stdout.contains("▸ Alpha three."), "\(second.transcript)")
        let third = try fixture.label(["u", "c"])
        #expect(third.status == 0, "\(third.transcript)")
        #expect(third.stdout.contains("undid quote"), "\(third.transcript)")
        #expect(third.stdout.contains("▸ Alpha two mentions Putin."), "\(third.transcript)")
        #expect(
            try fixture.decisions() == [
                "Alpha one.=claim", "Alpha two mentions Putin.=quote", "Alpha two mentions Putin.=null",
                "Alpha two mentions Putin.=claim",
            ], "\(third.transcript)")
    }

    @Test func unknownInputIsAMessageAndNoRecord() throws {
        let fixture = try LabelFixture()
        let result = try fixture.label(["clam", ":nope", "c"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(
            result.stdout.contains("unknown label 'clam'; expected claim, quote, caption, noise (c/q/p/n)"),
            "\(result.transcript)")
        #expect(result.stdout.contains("unknown command ':nope'"), "\(result.transcript)")
        #expect(try fixture.decisions() == ["Alpha one.=claim"], "\(result.transcript)")
    }

    @Test(arguments: ["../etc", ".hidden", "a b", "x/y", String(repeating: "a", count: 65)])
    func badAnnotatorOptionIsAUsageError(_ name: String) throws {
        let fixture = try LabelFixture()
        let result = try fixture.label(["c"], annotator: name)
        #expect(result.status == 64, "\(result.transcript)")
        #expect(result.stderr.contains("bad annotator name"), "\(result.transcript)")
        #expect(!FileManager.default.fileExists(atPath: fixture.labelFile(name)), "\(result.transcript)")
    }

    @Test func badAnnotatorFromTheEnvironmentIsAnError() throws {
        let fixture = try LabelFixture()
        let result = try fixture.label(["c"], annotator: nil, environment: ["SENTAG_ANNOTATOR": "../../x"])
        #expect(result.status == 1, "\(result.transcript)")
        #expect(
            result.stderr.hasPrefix("error: bad annotator name '../../x' (from $SENTAG_ANNOTATOR)"),
            "\(result.transcript)")
    }

    @Test func annotatorComesFromTheEnvironment() throws {
        let fixture = try LabelFixture()
        let result = try fixture.label(
            ["c"], annotator: nil, environment: ["SENTAG_ANNOTATOR": "carol", "USER": "root"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(try fixture.decisions("carol") == ["Alpha one.=claim"], "\(result.transcript)")
    }

    /// Issue 10, item 7: a root login is named on the first screen, and a session without a
    /// decision leaves no journal behind.
    @Test func labelingAsRootSaysSoAndLeavesNoEmptyJournal() throws {
        let fixture = try LabelFixture()
        let result = try fixture.label(
            [":quit"], annotator: nil, environment: ["SENTAG_ANNOTATOR": "", "USER": "root"])
        #expect(result.status == 0, "\(result.transcript)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.prefix(2).last
                == "labeling as root; pass --annotator NAME (or set SENTAG_ANNOTATOR) to label as yourself",
            "\(result.transcript)")
        #expect(!FileManager.default.fileExists(atPath: fixture.labelFile("root")), "\(result.transcript)")
        #expect(
            result.stdout.hasSuffix(
                "0 decisions this session, all saved in \(fixture.labelFile("root"))\n"
                    + "0 skipped · 0 flagged unsure · 0 of 7 labeled (0%), 7 left\n"), "\(result.transcript)")
        let named = try fixture.label([":quit"], annotator: "root")
        #expect(!named.stdout.contains("labeling as root"), "asked for by name: \(named.transcript)")
    }

    /// Issue 10, item 6.
    @Test func contextOptionShowsMoreSentencesAndIsChecked() throws {
        let fixture = try LabelFixture()
        let wide = try fixture.label([], extra: ["--context", "3"])
        #expect(
            wide.stdout.contains("▸ Alpha one.\n  Alpha two mentions Putin.\n  Alpha three.\n  Alpha four.\n"),
            "\(wide.transcript)")
        let bad = try fixture.label([], extra: ["--context", "6"])
        #expect(bad.status == 64 && bad.stderr.contains("--context must be from 0 to 5, not 6"), "\(bad.transcript)")
    }

    @Test func badLabelsJSONStopsWithTheProblem() throws {
        let fixture = try LabelFixture()
        try #"{"labels":[{"name":"claim","key":"u"}]}"#.write(
            toFile: fixture.annotations + "/labels.json", atomically: true, encoding: .utf8)
        let result = try fixture.label(["c"])
        #expect(result.status == 1, "\(result.transcript)")
        #expect(
            result.stderr.hasPrefix("error: ")
                && result.stderr.contains("labels.json: label 'claim' cannot use key 'u'"), "\(result.transcript)")
        try "{not json".write(toFile: fixture.annotations + "/labels.json", atomically: true, encoding: .utf8)
        let broken = try fixture.label(["c"])
        #expect(broken.status == 1 && broken.stderr.contains("labels.json: not valid JSON"), "\(broken.transcript)")
    }

    @Test func customLabelSetChangesKeysAndPrompt() throws {
        let fixture = try LabelFixture()
        try #"{"labels":[{"name":"fact","key":"f"},{"name":"opinion","key":"o"}]}"#
            .write(toFile: fixture.annotations + "/labels.json", atomically: true, encoding: .utf8)
        let result = try fixture.label(["o", "fa"])
        #expect(result.stdout.contains("[f/o ?] > "), "\(result.transcript)")
        #expect(
            try fixture.decisions() == ["Alpha one.=opinion", "Alpha two mentions Putin.=fact"], "\(result.transcript)")
    }

    @Test func corruptLineIsReportedSkippedAndNeverRewritten() throws {
        let fixture = try LabelFixture()
        _ = try fixture.label(["c"])
        let path = fixture.labelFile()
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"0123456789abcdef","doc":"alpha","ind"#.utf8))  // a crash mid-write
        try handle.close()
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let result = try fixture.label(["q"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stderr.contains("alice.jsonl:2: warning: "), "\(result.transcript)")
        #expect(result.stderr.contains("line skipped"), "\(result.transcript)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.hasPrefix(before + "\n"), "the old bytes stay, the new record starts on a fresh line:\n\(after)")
        let lines = after.split(separator: "\n")
        #expect(lines.count == 3 && lines[2].contains(#""label":"quote""#), "\(after)")
    }

    /// Issue 10, item 5: the store's guidelines, else the project's `Annotations/GUIDELINES.md`
    /// (under the folder `sentag` runs in), else the labels' descriptions.
    @Test func guideIsFoundNextToTheLabelFilesOrInTheProjectOrExplained() throws {
        let fixture = try LabelFixture()
        let missing = try fixture.label([":guide"])
        #expect(
            missing.stdout.contains(
                "no guidelines (\(fixture.annotations)/GUIDELINES.md, Annotations/GUIDELINES.md not found); the labels mean:"
            ), "\(missing.transcript)")
        #expect(missing.stdout.contains("claim (c): "), "\(missing.transcript)")
        let project = fixture.root.appendingPathComponent("Annotations")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try "# Project guide\n\n## quote\n\nQuoted words.\n\n## noise\n\nBoilerplate.\n".write(
            to: project.appendingPathComponent("GUIDELINES.md"), atomically: true, encoding: .utf8)
        let fallback = try fixture.label([":guide quote"])
        #expect(
            fallback.stdout.contains("> :guide quote\n## quote\n\nQuoted words.\n\nalpha:1 of 4"),
            "\(fallback.transcript)")
        try "# Our guide\nLabel carefully.".write(
            toFile: fixture.annotations + "/GUIDELINES.md", atomically: true, encoding: .utf8)
        let present = try fixture.label([":guide"])
        #expect(present.stdout.contains("# Our guide\nLabel carefully."), "\(present.transcript)")
        #expect(!present.stdout.contains("Project guide"), "\(present.transcript)")
    }

    @Test func shuffleIsReproducibleWithASeed() throws {
        let fixture = try LabelFixture()
        func order(_ annotator: String, _ seed: String) throws -> [String] {
            let result = try fixture.label(
                Array(repeating: "s", count: 7), annotator: annotator, extra: ["--order", "shuffle", "--seed", seed])
            #expect(result.status == 0, "\(result.transcript)")
            return result.stdout.split(separator: "\n").filter { $0.hasPrefix("▸ ") }.map(String.init)
        }
        let first = try order("u1", "5")
        #expect(first.count == 7 && Set(first).count == 7, "\(first)")
        #expect(try order("u2", "5") == first)
    }

    @Test func onlyFlaggedShowsTheFlaggedDecisions() throws {
        let fixture = try LabelFixture()
        _ = try fixture.label(["c", ":flag", "q", "n"])
        let result = try fixture.label(["p"], extra: ["--only", "flagged"])
        #expect(result.stdout.contains("1 sentence in the queue"), "\(result.transcript)")
        #expect(result.stdout.contains("▸ Alpha two mentions Putin."), "\(result.transcript)")
        #expect(try fixture.decisions().last == "Alpha two mentions Putin.=caption", "\(result.transcript)")
    }

    @Test func missingSourceIsAnError() throws {
        let fixture = try LabelFixture()
        let result = try SentagBinary.run(
            ["label", "no-such-dir", "--annotations", fixture.annotations, "--annotator", "a"], input: "")
        #expect(result.status == 1 && result.stderr.hasPrefix("error: no-such-dir"), "\(result.transcript)")
    }
}

/// Runs that must be interrupted: a second session, and `kill -9` in the middle.
@Suite struct LabelDurabilityTests {
    @Test func aSecondSessionOnTheSameFileIsRefusedNamingTheHolder() throws {
        let fixture = try LabelFixture()
        let first = try InteractiveProcess(
            ["label", fixture.corpus, "--annotations", fixture.annotations, "--annotator", "alice"], in: fixture.root)
        #expect(first.waitFor("[c/q/p/n ?] > "), "\(first.output)")
        let second = try fixture.label(["c"])
        #expect(second.status == 1, "\(second.transcript)")
        #expect(
            second.stderr.contains(
                "alice.jsonl is in use by process \(first.process.processIdentifier) (sentag label)"),
            "\(second.transcript)")
        // Another annotator is not blocked.
        let other = try fixture.label(["c"], annotator: "bob")
        #expect(other.status == 0, "\(other.transcript)")
        first.closeInput()
        #expect(first.wait() == 0, "\(first.output)")
        let third = try fixture.label(["c"])
        #expect(third.status == 0, "the lock is gone with its process: \(third.transcript)")
    }

    @Test func killMinusNineLosesNoDecisionTheScreenShowed() throws {
        let fixture = try LabelFixture()
        let session = try InteractiveProcess(
            ["label", fixture.corpus, "--annotations", fixture.annotations, "--annotator", "alice"], in: fixture.root)
        #expect(session.waitFor("[c/q/p/n ?] > "), "\(session.output)")
        let keys = ["c", "q", "p", "n", "c"]
        for (i, key) in keys.enumerated() {
            session.send(key)
            #expect(session.waitFor("saved ", count: i + 1), "\(session.output)")
        }
        session.send("q")  // may or may not be saved when the kill lands
        session.kill(SIGKILL)
        let shown = session.output.components(separatedBy: "\nsaved ").count - 1
        let decisions = try fixture.decisions()
        #expect(shown >= 5, "\(session.output)")
        #expect(decisions.count >= shown, "shown \(shown) as saved, file has \(decisions)\n\(session.output)")
        #expect(
            Array(decisions.prefix(5)) == [
                "Alpha one.=claim", "Alpha two mentions Putin.=quote", "Alpha three.=caption", "Alpha four.=noise",
                "Beta one.=claim",
            ], "\(decisions)")
        // The next session resumes after them.
        let next = try fixture.label([])
        #expect(next.status == 0 && next.stdout.contains("labeled so far"), "\(next.transcript)")
    }
}

/// Issue 8: a full disk (a file-size limit, `prlimit --fsize`) while piped: the screen says
/// whether a decision was saved, the journal agrees with it whatever byte the disk filled at,
/// and the command does not end with status 0 when a decision was not saved.
@Suite struct LabelFullDiskTests {
    @Test func theJournalAgreesWithTheScreenWhereverTheDiskFills() throws {
        let fixture = try LabelFixture()
        let script = [":goto alpha:1", "c"]
        #expect(try fixture.label(script).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: fixture.labelFile())).count
        #expect(try fixture.label(script).status == 0)
        let recordLength = try Data(contentsOf: URL(fileURLWithPath: fixture.labelFile())).count - first
        for delta in -6...6 {
            let before = try Data(contentsOf: URL(fileURLWithPath: fixture.labelFile()))
            let limit = before.count + recordLength + delta
            let result = try fixture.label(script, launcher: ["/usr/bin/prlimit", "--fsize=\(limit)", "--"])
            let after = try Data(contentsOf: URL(fileURLWithPath: fixture.labelFile()))
            if after == before {
                #expect(result.status == 1, "limit \(limit): \(result.transcript)")
                #expect(result.stdout.contains("could not save"), "limit \(limit): \(result.transcript)")
                #expect(
                    result.stderr.hasPrefix("error: 1 line could not be saved"), "limit \(limit): \(result.transcript)")
            } else {
                #expect(result.status == 0, "limit \(limit): \(result.transcript)")
                #expect(result.stdout.contains("saved claim"), "limit \(limit): \(result.transcript)")
                #expect(after.prefix(before.count) == before && after.last == 0x0A, "limit \(limit)")
                let added = String(decoding: after.dropFirst(before.count).dropLast(), as: UTF8.self)
                #expect(!added.contains("\n") && (try? AnnotationRecord(jsonLine: added)) != nil, "\(added)")
            }
        }
    }
}
