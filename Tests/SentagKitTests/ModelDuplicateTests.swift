import SentagKit
import Testing

/// Exact and near duplicates, and similar examples.
@Suite struct ModelDuplicateTests {
    static let long =
        "Russian troops also dug in near the southern city of Kherson, which Ukrainian forces recaptured last month after an occupation."

    @Test func exactDuplicatesIgnoreSpacingQuotationMarksDashesAndCase() {
        let texts = [
            "“It will only be more painful.”",
            "Something else entirely.",
            "\"It  will ONLY be more painful.\"",
            "Cannon fodder - they zero out.",
            "Cannon fodder – they zero out.",
            "It will only be more painful",
        ]
        let groups = DuplicateFinder().groups(texts)
        // The last one lacks only the final period: the same words, a near duplicate.
        #expect(
            groups == [
                DuplicateGroup(kind: .exact, members: [0, 2]), DuplicateGroup(kind: .near, members: [0, 2, 5]),
                DuplicateGroup(kind: .exact, members: [3, 4]),
            ], "\(groups)")
    }

    @Test func nearDuplicatesDifferByAWordInALongSentence() {
        let edited = Self.long.replacingFirst("southern", with: "eastern")
        let unrelated =
            "The council in Leeds approved a new budget of three million pounds on Monday after a long debate."
        let groups = DuplicateFinder().groups([Self.long, unrelated, edited, Self.long])
        #expect(
            groups == [
                DuplicateGroup(kind: .exact, members: [0, 3]), DuplicateGroup(kind: .near, members: [0, 2, 3]),
            ],
            "\(groups)")
    }

    @Test func shortSentencesAreOnlyExactDuplicates() {
        let groups = DuplicateFinder().groups(["Most read", "Most read today", "Share this"])
        #expect(groups.isEmpty, "\(groups)")
    }

    @Test func theSeedsRepeatATeaserAndTheirLede() throws {
        let corpus = try Corpus.load([ModelTestSupport.seedsFolder])
        let groups = DuplicateFinder().groups(corpus.sentences.map(\.text))
        let described = groups.map { group in
            (group.kind, group.members.map { "\(corpus.sentences[$0].doc.prefix(3)):\(corpus.sentences[$0].index)" })
        }
        #expect(described.count == 2, "\(described)")
        #expect(described.first?.0 == .exact && described.first?.1 == ["001:9", "001:11"], "\(described)")
        #expect(described.last?.0 == .near && described.last?.1 == ["004:5", "004:14"], "\(described)")
    }

    @Test func similarExamplesFindTheClosestLabeledSentence() {
        var index = SimilarExampleIndex()
        let texts = [
            "The council approved a new budget on Monday.",
            "Police said twelve people had been arrested after the match.",
            "Sign up to our newsletter for more stories.",
            "The council approved a new budget for schools on Monday.",
        ]
        for (item, text) in texts.enumerated() { index.add(ModelSentence(text: text), item: 100 + item) }
        #expect(index.count == 4)
        let query = ModelSentence(text: "The council approved a new budget on Tuesday.")
        let found = index.mostSimilar(to: query, k: 2)
        #expect(found.map(\.item) == [100, 103], "\(found)")
        #expect(found[0].similarity > found[1].similarity && found[0].similarity < 1)
        let itself = index.mostSimilar(to: ModelSentence(text: texts[0]), k: 1)
        #expect(itself.first?.item == 100 && abs((itself.first?.similarity ?? 0) - 1) < 1e-9, "\(itself)")
        let others = index.mostSimilar(to: ModelSentence(text: texts[0]), k: 1, excluding: 100)
        #expect(others.first?.item == 103, "\(others)")
        let none = index.mostSimilar(to: ModelSentence(text: "Zebras."), k: 3)
        #expect(none.isEmpty, "\(none)")
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
