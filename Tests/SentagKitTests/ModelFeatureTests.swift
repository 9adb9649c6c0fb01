import SentagKit
import Testing

/// Quotation marks, layout and the hashed features, on sentences from the seeds and made up.
@Suite struct ModelFeatureTests {
    struct QuotationCase: Sendable, CustomTestStringConvertible {
        var text: String
        var carried = false
        var startsWithOpening = false
        var endsWithClosing = false
        var wordsAfterClosing = false
        var opensAfterColon = false
        var openAtEnd = false
        var mostlyQuoted = false
        var testDescription: String { text }
    }

    static let quotationCases: [QuotationCase] = [
        .init(text: "Deserters have been warned they will be summarily “shot”.", endsWithClosing: true),
        .init(
            text: "“We were in training for seven days,” explained Nuzhin.", startsWithOpening: true,
            wordsAfterClosing: true, mostlyQuoted: true),
        .init(
            text: "He said: ‘As we came in we realised the situation, that we’re not going to fight.",
            opensAfterColon: true, openAtEnd: true, mostlyQuoted: true),
        .init(text: "I don’t feel sorry for them.", carried: true, openAtEnd: true, mostlyQuoted: true),
        .init(
            text: "But most of the time I just have to kill them.’", carried: true, endsWithClosing: true,
            mostlyQuoted: true),
        .init(text: "Putin’s soldiers’ families were told nothing."),
        .init(
            text: "'Russia is an Enemy to the World' - International Legion Mortarmen", startsWithOpening: true,
            wordsAfterClosing: true),
        .init(
            text: "A convicted murderer released to fight as \"cannon fodder\" has surrendered.",
            wordsAfterClosing: true),
        .init(
            text: "They kill civilians, children and women.’", carried: true, endsWithClosing: true, mostlyQuoted: true),
    ]

    @Test(arguments: quotationCases)
    func quotationMarksOpenAndClose(_ example: QuotationCase) {
        let scan = QuotationScan(example.text, openAtStart: example.carried)
        let actual = (
            scan.startsWithOpening, scan.endsWithClosing, scan.wordsAfterClosing, scan.opensAfterColon, scan.openAtEnd,
            scan.quotedFraction > 0.5
        )
        let expected = (
            example.startsWithOpening, example.endsWithClosing, example.wordsAfterClosing, example.opensAfterColon,
            example.openAtEnd, example.mostlyQuoted
        )
        #expect(actual == expected, "starts, ends, words after, after colon, open at end, mostly quoted; \(scan)")
    }

    @Test func aQuotationOverSeveralSentencesOfOneLineIsCarriedButALineBreakEndsIt() throws {
        let text = "He added: “I believe it. I don’t feel sorry.\nThe war goes on.\n“Both were murdered.”"
        let document = Document(id: "d", text: text, origin: "test")
        let sentences = ModelSentence.sentences(of: document, Sentence.sentences(of: document))
        #expect(
            sentences.map(\.text) == [
                "He added: “I believe it.", "I don’t feel sorry.", "The war goes on.", "“Both were murdered.”",
            ])
        #expect(sentences.map(\.opensInsideQuotation) == [false, true, false, false])
        #expect(sentences.map(\.startsLine) == [true, false, true, true])
        #expect(sentences.map(\.endsLine) == [false, true, true, true])
        #expect(sentences.map(\.sentencesInDocument) == [4, 4, 4, 4])
        #expect(sentences.map(\.indexInDocument) == [0, 1, 2, 3])
    }

    static func layout(_ text: String, index: Int = 5, of count: Int = 20) -> Set<LayoutFeature> {
        let vector = SentenceFeaturizer().features(
            of: ModelSentence(text: text, indexInDocument: index, sentencesInDocument: count))
        let layoutCount = UInt32(LayoutFeature.allCases.count)
        return Set(vector.indices.filter { $0 < layoutCount }.map { LayoutFeature(rawValue: Int($0))! })
    }

    @Test(arguments: [
        ("Vladimir Putin is believed to have involved a convicted murderer (Photo: AP)", LayoutFeature.photoCredit),
        ("Source: Read Full Article", .callToAction),
        ("Sign up to our daily newsletter for the latest news", .callToAction),
        ("Contact our news team by emailing us webnews@metro.co.uk.", .email),
        ("Prominent anti-Putin Twitter account @turkmendagz tweeted that.", .handle),
        ("Visit https://example.com for more", .url),
        ("TECH FIRM TO CUT 1,200 JOBS", .allCapitals),
        ("Other Topics of Interest", .titleCase),
        ("date 2022-12-06 Russian soldiers defected.", .hasYear),
        ("The convicted killer said he was being treated humanely.", .attributionVerb),
        ("I cannot go to war against my relatives.", .firstPersonOutsideQuotes),
        ("You can also highlight the text and press Ctrl + Enter", .secondPersonPronoun),
        ("Next articleBirmingham shooting | United Kingdom | News", .hasPipeOrBullet),
        ("Smoke billows from burning containers in Vasylkiv today", .endsWithoutPunctuation),
        ("Corpses, children, women, executions…", .endsWithEllipsis),
        ("What will be their loyalty?”", .endsWithQuestionOrExclamation),
    ])
    func layoutFeaturesFire(_ text: String, _ feature: LayoutFeature) {
        let features = Self.layout(text)
        #expect(features.contains(feature), "\(feature) not among \(features.map(\.self))")
    }

    @Test func wordsInsideQuotationMarksAreNotTheReportersAttribution() {
        let features = Self.layout("“I said it was over, I told them so.”")
        #expect(!features.contains(.attributionVerb) && !features.contains(.firstPersonOutsideQuotes))
        #expect(features.contains(.firstPersonPronoun) && features.contains(.wholeSentenceQuoted))
    }

    @Test func positionFeatures() {
        #expect(Self.layout("Headline", index: 0, of: 10).isSuperset(of: [.firstSentence, .inFirstFifth]))
        #expect(Self.layout("Share this", index: 9, of: 10).isSuperset(of: [.lastSentence, .inLastFifth]))
        #expect(Self.layout("Share this", index: 8, of: 10).contains(.secondToLastSentence))
    }

    @Test func hashingIsFixedAcrossRunsAndMachines() {
        // Pinned when written: a change of hash, folding or tokenising changes these buckets, and
        // every model rebuilt on another machine must agree with them.
        let vector = SentenceFeaturizer().features(of: ModelSentence(text: "He said: “No.”"))
        let hashed = vector.indices.filter { $0 >= UInt32(LayoutFeature.allCases.count) }
        #expect(hashed == Self.pinnedBuckets, "\(hashed)")
        #expect(SentenceFeaturizer().features(of: ModelSentence(text: "He SAID: \"no.\"")) == vector)
    }

    static let pinnedBuckets: [UInt32] = [85938, 75346, 60733, 209640, 97133, 53175, 128458]

    @Test func characterNGramsAreLowercasedAndCounted() {
        let featurizer = SentenceFeaturizer(
            configuration: .init(
                wordUnigrams: false, wordBigrams: false, characterNGramSizes: [3], layoutFeatures: false))
        let upper = featurizer.features(of: ModelSentence(text: "ABCD"))
        let lower = featurizer.features(of: ModelSentence(text: "abcd"))
        // " abcd " has four trigrams, each 1/√4.
        #expect(upper == lower && upper.count == 4 && upper.values.allSatisfy { $0 == 0.5 }, "\(upper)")
    }
}
