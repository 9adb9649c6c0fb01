import SentagKit
import Testing

@Suite struct ExportSplitterTests {
    /// Reference outputs of SplitMix64 (Vigna's splitmix64.c, also Python above in the commit).
    @Test func splitMix64MatchesTheReferenceSequence() {
        var zero = SplitMix64(seed: 0)
        let first = (0..<3).map { _ in zero.next() }
        #expect(first == [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f], "\(first)")
        var other = SplitMix64(seed: 1_234_567)
        let values = (0..<3).map { _ in other.next() }
        #expect(
            values == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423], "\(values)")
    }

    @Test func boundedDrawsStayInRange() {
        var generator = SplitMix64(seed: 3)
        for bound in [1, 2, 3, 7, 1000] {
            for _ in 0..<200 {
                let value = generator.next(below: bound)
                #expect(value < bound, "\(value) not below \(bound)")
            }
        }
    }

    @Test(arguments: ["80/10/10", "0.8/0.1/0.1", " 80 / 10 / 10 "])
    func parsesPercentagesAndFractions(_ text: String) throws {
        let ratios = try SplitRatios(parsing: text)
        #expect(ratios.fractions == [0.8, 0.1, 0.1], "\(ratios.fractions)")
        #expect(ratios.description == "80/10/10", "\(ratios.description)")
    }

    @Test func acceptsZeroPartsAndUnevenPercentages() throws {
        #expect(try SplitRatios(parsing: "90/10/0").fractions == [0.9, 0.1, 0])
        #expect(try SplitRatios(parsing: "33.3/33.3/33.4").description == "33.3/33.3/33.4")
        #expect(try SplitRatios(parsing: "1/0/0").fractions == [1, 0, 0])
    }

    @Test(arguments: ["80/10", "80/10/10/0", "80/10/5", "80/-10/30", "a/b/c", "80//20", "", "0.5/0.3/0.3", "+80/10/10"])
    func rejectsBadSplits(_ text: String) {
        #expect(throws: ExportError.self, "'\(text)' was accepted") { try SplitRatios(parsing: text) }
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let counts = (0..<200).map { 5 + $0 % 17 }
        let splitter = DocumentSplitter(ratios: .default, seed: 42)
        let first = splitter.assign(sentenceCounts: counts)
        let again = splitter.assign(sentenceCounts: counts)
        #expect(first == again)
        let other = DocumentSplitter(ratios: .default, seed: 43).assign(sentenceCounts: counts)
        #expect(other != first, "seeds 42 and 43 gave the same split")
    }

    /// Shares land within one document's size of the target.
    @Test(arguments: [0, 1, 2, 99] as [UInt64])
    func balancesBySentenceCount(seed: UInt64) throws {
        let counts = (0..<300).map { 1 + ($0 * 7919) % 40 }
        let ratios = try SplitRatios(parsing: "70/20/10")
        let splits = DocumentSplitter(ratios: ratios, seed: seed).assign(sentenceCounts: counts)
        let total = counts.reduce(0, +)
        let largest = counts.max()!
        for split in DatasetSplit.allCases {
            let got = zip(counts, splits).filter { $0.1 == split }.map(\.0).reduce(0, +)
            let target = ratios.fraction(split) * Double(total)
            #expect(abs(Double(got) - target) <= Double(largest), "\(split): \(got) sentences, target \(target)")
        }
    }

    @Test func aZeroShareGetsNothing() throws {
        let splits = DocumentSplitter(ratios: try SplitRatios(parsing: "90/10/0"), seed: 1)
            .assign(sentenceCounts: Array(repeating: 10, count: 50))
        #expect(!splits.contains(.test), "\(splits)")
        #expect(splits.contains(.dev) && splits.contains(.train))
    }

    /// Three documents for 80/10/10: each part gets one rather than train taking all.
    @Test func fewDocumentsStillFillEveryRequestedPart() {
        for seed in 0..<20 as Range<UInt64> {
            let splits = DocumentSplitter(ratios: .default, seed: seed).assign(sentenceCounts: [30, 4, 5])
            #expect(Set(splits) == Set(DatasetSplit.allCases), "seed \(seed): \(splits)")
        }
        let two = DocumentSplitter(ratios: .default, seed: 0).assign(sentenceCounts: [10, 10])
        #expect(two.count == 2 && two.contains(.train), "\(two)")
        #expect(DocumentSplitter(ratios: .default, seed: 0).assign(sentenceCounts: []).isEmpty)
    }
}
