import Foundation
import Testing

/// `sentag lable` and friends: a usage error naming the subcommand that was probably meant.
@Suite struct SubcommandSuggestionTests {
    @Test(arguments: [
        (["lable"], "unknown subcommand 'lable'; did you mean 'label'?"),
        (["agree", "--json"], "unknown subcommand 'agree'; did you mean 'agreement'?"),
        (["help", "exprot"], "unknown subcommand 'exprot'; did you mean 'export'?"),
        (
            ["seeds"],
            "unknown subcommand 'seeds'; the subcommands are label, segment, agreement, review, export, stats, "
                + "store, plan, suggest, check, duplicates"
        ),
    ])
    func anUnknownSubcommandIsAUsageErrorWithASuggestion(_ arguments: [String], _ message: String) throws {
        let result = try SentagBinary.run(arguments)
        #expect(result.status == 64, "\(result.transcript)")
        #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(result.transcript)")
        #expect(result.stderr.contains("Usage: sentag <subcommand>"), "\(result.transcript)")
        #expect(result.stdout.isEmpty, "\(result.transcript)")
    }

    @Test func realSubcommandsAndOptionsAreUntouched() throws {
        let help = try SentagBinary.run(["help", "stats"])
        #expect(help.status == 0 && help.stdout.contains("sentag stats"), "\(help.transcript)")
        let version = try SentagBinary.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty, "\(version.transcript)")
        let segment = try SentagBinary.run(["segment", "seeds", "--json"])
        #expect(segment.status == 0 && !segment.stdout.isEmpty, "\(segment.transcript)")
    }
}
