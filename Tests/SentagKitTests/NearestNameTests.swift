import SentagKit
import Testing

/// Which subcommand a mistyped word meant.
@Suite struct NearestNameTests {
    static let commands = ["label", "segment", "agreement", "review", "export", "stats"]

    @Test(arguments: [
        ("lable", "label"), ("Label", "label"), ("labl", "label"), ("segmnet", "segment"), ("agree", "agreement"),
        ("agreemnt", "agreement"), ("reveiw", "review"), ("exprot", "export"), ("stat", "stats"), ("sta", "stats"),
    ])
    func aTypoFindsItsCommand(_ typed: String, _ meant: String) {
        #expect(NearestName.suggestion(for: typed, among: Self.commands) == meant, "\(typed)")
    }

    @Test(arguments: ["seeds", "xyz", "l", "train", "abel-x"])
    func somethingElseFindsNothing(_ typed: String) {
        let found = NearestName.suggestion(for: typed, among: Self.commands)
        #expect(found == nil, "\(typed) → \(found ?? "")")
    }

    /// Optimal string alignment: a swap of neighbours costs 1 (Levenshtein would say 2).
    @Test func distanceCountsASwapOnce() {
        #expect(NearestName.distance("label", "lable") == 1)
        #expect(NearestName.distance("kitten", "sitting") == 3)
        #expect(NearestName.distance("", "abc") == 3 && NearestName.distance("abc", "abc") == 0)
        #expect(NearestName.distance("ca", "abc") == 3, "OSA, not unrestricted Damerau (which gives 2)")
    }
}
