import Foundation
import Testing

/// Escape and control characters from articles, notes and label files, through every command
/// that prints text for people: shown as `^[`, `\u{…}`, never sent raw to the terminal.
@Suite struct ControlCharacterCommandTests {
    static let clear = "\u{1B}[2J"
    static let title = "\u{1B}]0;pwned\u{07}"
    static let lines = ["Clear \(clear)the screen.", "Retitle \(title)the window\u{202E} now.", "Plain line."]

    /// Scalars that must never reach a terminal raw (a line feed is fine).
    static func raw(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            scalar != "\n"
                && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || [0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E].contains(scalar.value))
        }.map { "U+" + String($0.value, radix: 16) }
    }

    static func project() throws -> URL {
        let root = try SentagBinary.temporaryDirectory()
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("annotations"), withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(
            to: corpus.appendingPathComponent("evil.txt"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func segmentShowsControlCharactersAndJSONEscapesThem() throws {
        let root = try Self.project()
        let readable = try SentagBinary.run(["segment", "corpus"], in: root)
        #expect(readable.status == 0, "\(readable.transcript)")
        #expect(Self.raw(readable.stdout).isEmpty, "\(Self.raw(readable.stdout)) in\n\(readable.stdout)")
        #expect(readable.stdout.contains("  1  Clear ^[[2Jthe screen.\n"), "\(readable.transcript)")
        #expect(
            readable.stdout.contains("  2  Retitle ^[]0;pwned^Gthe window\\u{202E} now.\n"), "\(readable.transcript)")

        let json = try SentagBinary.run(["segment", "corpus", "--json"], in: root)
        let c0 = json.stdout.unicodeScalars.filter { $0 != "\n" && $0.value < 0x20 }
        #expect(json.status == 0 && c0.isEmpty, "JSON escapes C0 controls (RFC 8259):\n\(json.transcript)")
        #expect(json.stdout.contains(#""text":"Clear \u001b[2Jthe screen.""#), "\(json.transcript)")
    }

    @Test func labelAgreementAndStatsShowThemToo() throws {
        let root = try Self.project()
        let base = ["corpus", "--annotations", "annotations"]
        let alice = try SentagBinary.run(
            ["label"] + base + ["--annotator", "alice"], input: ":note \(Self.clear)look\nc\nq\nn\n", in: root)
        #expect(alice.status == 0, "\(alice.transcript)")
        #expect(Self.raw(alice.stdout).isEmpty, "\(Self.raw(alice.stdout)) in\n\(alice.stdout)")
        #expect(alice.stdout.contains("▸ Clear ^[[2Jthe screen."), "\(alice.transcript)")
        #expect(alice.stdout.contains("> :note ^[[2Jlook\n"), "\(alice.transcript)")
        let journal = try String(
            contentsOf: root.appendingPathComponent("annotations/alice.jsonl"), encoding: .utf8)
        #expect(journal.contains(#""note":"\u001b[2Jlook""#), "the note is saved as typed:\n\(journal)")

        let bob = try SentagBinary.run(["label"] + base + ["--annotator", "bob"], input: "q\nq\nn\n", in: root)
        #expect(bob.status == 0, "\(bob.transcript)")

        let review = try SentagBinary.run(["review"] + base + ["--adjudicator", "carol"], input: "c\n", in: root)
        #expect(review.status == 0, "\(review.transcript)")
        #expect(Self.raw(review.stdout).isEmpty, "\(Self.raw(review.stdout)) in\n\(review.stdout)")
        #expect(review.stdout.contains("^[[2Jlook"), "alice's note, visible:\n\(review.transcript)")

        let agreement = try SentagBinary.run(
            ["agreement", "--annotations", "annotations", "--disagreements"], in: root)
        #expect(agreement.status == 0, "\(agreement.transcript)")
        #expect(Self.raw(agreement.stdout).isEmpty, "\(Self.raw(agreement.stdout)) in\n\(agreement.stdout)")
        #expect(agreement.stdout.contains("      Clear ^[[2Jthe screen.\n"), "\(agreement.transcript)")

        // A record whose sentence is not in the corpus any more: stats lists it as orphaned.
        let orphan =
            #"{"id":"00000000000000aa","doc":"gone\u001b[5m","index":9,"start":0,"end":5,"text":"Bell \u0007 ring.","label":"claim","annotator":"bob","time":"2026-11-21T15:00:00.000Z"}"#
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("annotations/bob.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data((orphan + "\n").utf8))
        try handle.close()
        let stats = try SentagBinary.run(["stats"] + base, in: root)
        #expect(stats.status == 0, "\(stats.transcript)")
        #expect(Self.raw(stats.stdout).isEmpty, "\(Self.raw(stats.stdout)) in\n\(stats.stdout)")
        #expect(stats.stdout.contains("gone^[[5m:10  claim  00000000000000aa"), "\(stats.transcript)")
        #expect(stats.stdout.contains("      Bell ^G ring.\n"), "\(stats.transcript)")
    }

    @Test func messagesQuotingWhatWasGivenShowItToo() throws {
        let root = try Self.project()
        let missing = try SentagBinary.run(["segment", "no\(Self.clear)such"], in: root)
        #expect(missing.status == 1, "\(missing.transcript)")
        #expect(missing.stderr == "error: no^[[2Jsuch: no such file or folder\n", "\(missing.transcript)")
        let name = try SentagBinary.run(["label", "corpus", "--annotator", "a\(Self.title)"], in: root)
        #expect(name.status == 64, "\(name.transcript)")
        #expect(Self.raw(name.stderr).isEmpty, "\(Self.raw(name.stderr)) in\n\(name.stderr)")
        #expect(name.stderr.contains("'a^[]0;pwned^G'"), "\(name.transcript)")
    }
}
