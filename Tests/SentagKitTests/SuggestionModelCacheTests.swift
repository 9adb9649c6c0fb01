import SentagKit
import Testing

/// The model kept in the store's cache: used as is for the same labels, caught up when labels
/// were only added, rebuilt when stale, ignored when damaged.
@Suite struct SuggestionModelCacheTests {
    typealias F = ModelFixture

    static let probe = ModelSentence(text: "“We are proud of this city,” said the council leader.")

    /// The training set of the constructed articles' labels at `positions` (`override`: other labels).
    func set(_ positions: [Int], override: [Int: String] = [:]) -> ModelTrainingSet {
        ModelTrainingSet(
            labelNames: F.labels, positions: positions,
            labels: positions.map { Int16(F.labels.firstIndex(of: override[$0] ?? F.articles.labels[$0])!) },
            fingerprints: positions.map { F.corpus.fingerprint(at: $0) })
    }

    func cache(_ memory: MemoryCache) -> SuggestionModelCache {
        SuggestionModelCache(cache: memory, labelSet: .default, corpus: F.corpus)
    }

    @Test func theCorpusIsOneSentenceALine() {
        #expect(F.corpus.count == 30 && F.articles.labels.count == 30)
    }

    @Test func aSavedModelIsExactlyTheRebuiltOne() {
        let memory = MemoryCache()
        let full = set(Array(0..<30))
        let (rebuilt, first) = cache(memory).classifier(for: full, corpus: F.corpus)
        let (read, second) = cache(memory).classifier(for: full, corpus: F.corpus)
        #expect(!first && second && memory.writes == 1, "first from cache: \(first), second: \(second)")
        #expect(read.predict(Self.probe) == rebuilt.predict(Self.probe))
        #expect(read.temperature == rebuilt.temperature && read.labelCounts == rebuilt.labelCounts)
        // Learning goes on the same way from the saved state (the replay ring was saved too).
        var a = rebuilt
        var b = read
        a.learn(Self.probe, label: "claim")
        b.learn(Self.probe, label: "claim")
        #expect(a.predict(Self.probe) == b.predict(Self.probe))
    }

    @Test func addedLabelsAreLearnedOnlyWhenExtendingIsAllowed() {
        let memory = MemoryCache()
        _ = cache(memory).classifier(for: set(Array(0..<24)), corpus: F.corpus)
        let more = set(Array(0..<30))
        switch cache(memory).lookup(more, corpus: F.corpus, allowExtending: true) {
        case .extended(let classifier, let added):
            #expect(added == 6 && classifier.examplesSeen == 30, "added \(added), seen \(classifier.examplesSeen)")
        default: Issue.record("expected a caught-up model")
        }
        guard case .stale(let why) = cache(memory).lookup(more, corpus: F.corpus, allowExtending: false) else {
            Issue.record("a reporting command must not use a caught-up model")
            return
        }
        #expect(why == "the labels changed since the model was saved")
    }

    @Test(arguments: [
        ("changed", "a label changed since the model was saved"),
        ("withdrawn", "labels were withdrawn since the model was saved"),
    ])
    func changedOrWithdrawnLabelsMakeItStale(_ change: String, _ reason: String) {
        let memory = MemoryCache()
        _ = cache(memory).classifier(for: set(Array(0..<24)), corpus: F.corpus)
        let now = change == "changed" ? set(Array(0..<24), override: [3: "noise"]) : set(Array(1..<24))
        guard case .stale(let why) = cache(memory).lookup(now, corpus: F.corpus, allowExtending: true) else {
            Issue.record("expected stale")
            return
        }
        #expect(why == reason)
        let (_, fromCache) = cache(memory).classifier(for: now, corpus: F.corpus)
        #expect(!fromCache && memory.writes == 2, "rebuilt and saved again")
        #expect(cache(memory).classifier(for: now, corpus: F.corpus).fromCache)
    }

    @Test(arguments: ["flip", "truncate", "garbage"])
    func aDamagedFileIsIgnoredAndReplaced(_ damage: String) throws {
        let memory = MemoryCache()
        let full = set(Array(0..<30))
        let (rebuilt, _) = cache(memory).classifier(for: full, corpus: F.corpus)
        let name = cache(memory).name
        var bytes = try #require(memory.files[name])
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x40
        case "truncate": bytes.removeLast(bytes.count / 3)
        default: bytes = Array("not a model".utf8)
        }
        memory.files[name] = bytes
        guard case .stale(let why) = cache(memory).lookup(full, corpus: F.corpus, allowExtending: true) else {
            Issue.record("a damaged file was used")
            return
        }
        #expect(why == "the saved model is damaged or of another format")
        let (again, fromCache) = cache(memory).classifier(for: full, corpus: F.corpus)
        #expect(!fromCache && again.predict(Self.probe) == rebuilt.predict(Self.probe))
        #expect(cache(memory).classifier(for: full, corpus: F.corpus).fromCache, "the rebuilt model replaced it")
    }

    @Test func anotherLabelSetOrCorpusHasAFileOfItsOwn() throws {
        let other = try LabelSet([Label(name: "claim", key: "c"), Label(name: "other", key: "o")])
        let a = SuggestionModelCache(cache: nil, labelSet: .default, corpus: F.corpus).name
        let b = SuggestionModelCache(cache: nil, labelSet: other, corpus: F.corpus).name
        let c = SuggestionModelCache(cache: nil, labelSet: .default, corpus: SessionFixture.corpus).name
        #expect(a != b && a != c && a.hasPrefix("models/"), "\(a) \(b) \(c)")
    }
}
