import Foundation
import Testing

/// A bad option value is a usage error (exit 64) that quotes the value and says what is
/// accepted, negative numbers included (argument-parser took `-1` for the next flag and said
/// `Missing value for '--seed <seed>'`).
@Suite struct OptionValueCommandTests {
    @Test(arguments: [
        (
            ["agreement", "--seed", "-1"],
            "Error: The value '-1' is invalid for '--seed <seed>': a seed is a whole number from 0 to 18446744073709551615"
        ),
        (
            ["agreement", "--bootstrap", "-1"],
            "Error: The value '-1' is invalid for '--bootstrap <N>': give a whole number of resamplings from 0 to 1000000"
        ),
        (
            ["export", "--out", "x", "--min-votes", "-3"],
            "Error: The value '-3' is invalid for '--min-votes <min-votes>': give a whole number of votes, 1 or more"
        ),
        (
            ["export", "--out", "x", "--split", "-10/60/50"],
            "Error: The value '-10/60/50' is invalid for '--split <split>': '-10' is negative; give train/dev/test as "
                + "percentages (80/10/10) or fractions (0.8/0.1/0.1)"
        ),
        (
            ["export", "--out", "x", "--seed", "-1"],
            "Error: The value '-1' is invalid for '--seed <seed>': a seed is a whole number from 0 to 9007199254740991"
        ),
        (
            ["export", "--out", "x", "--policy", "nonsense"],
            "Error: The value 'nonsense' is invalid for '--policy <policy>': use adjudicated-majority, majority, "
                + "unanimous or annotator:NAME"
        ),
        (
            ["export", "--out", "x", "--format", "nonsense"],
            "Error: The value 'nonsense' is invalid for '--format <format>'. Please provide one of 'jsonl', 'spacy', "
                + "'fasttext', 'csv' or 'prodigy'."
        ),
        (
            ["label", "--seed", "-1"],
            "Error: The value '-1' is invalid for '--seed <seed>': a seed is a whole number from 0 to 18446744073709551615"
        ),
        (
            ["label", "--order", "-x"],
            "Error: The value '-x' is invalid for '--order <order>'. Please provide one of 'document', 'shuffle' or 'uncertain'."
        ),
        (
            ["label", "--annotator", "-x"],
            "Error: bad annotator name '-x'; use letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit)"
        ),
        (
            ["review", "--adjudicator", "judge", "--min-votes", "-3"],
            "Error: The value '-3' is invalid for '--min-votes <min-votes>': give a whole number of ratings, 1 or more"
        ),
        (
            ["stats", "--idle-minutes", "-5"],
            "Error: The value '-5' is invalid for '--idle-minutes <idle-minutes>': give a number of minutes greater than 0"
        ),
        (["agreement", "--annotators", "-x"], "Error: bad annotator name '-x' in --annotators"),
    ])
    func badValuesAreUsageErrorsThatQuoteThem(_ arguments: [String], _ expected: String) throws {
        let result = try SentagBinary.run(arguments, in: try SentagBinary.temporaryDirectory())
        #expect(result.status == 64, "\(result.transcript)")
        let first = result.stderr.split(separator: "\n").first.map(String.init)
        #expect(first == expected, "\(result.transcript)")
    }

    @Test func goodValuesStillWork() throws {
        let fixture = try LabelFixture()
        let label = try fixture.label(["c"], extra: ["--seed", "7", "--order", "shuffle"])
        #expect(label.status == 0 && label.stdout.contains("shuffled with seed 7"), "\(label.transcript)")
        let stats = try SentagBinary.run(
            ["stats", fixture.corpus, "--idle-minutes", "0.5", "--annotations", fixture.annotations])
        #expect(stats.status == 0, "\(stats.transcript)")
    }
}
