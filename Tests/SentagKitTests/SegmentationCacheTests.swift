import Foundation
import SentagKit
import Testing

/// The segmentation cache: used when a source is unchanged, never when it changed or is damaged.
@Suite struct SegmentationCacheTests {
    static func sentences(_ corpus: Corpus) -> [Sentence] { Array(corpus.sentences) }

    @Test func aCachedLoadGivesWhatSegmentingGives() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("corpus/a.txt", "First one here. Second one, “quoted.”\nA caption line\n")
        try dir.write(
            "corpus/b.jsonl",
            #"{"id":"b1","text":"Mr. Smith left. He said so."}"# + "\n"
                + #"{"meta":{"x":1},"text":"Caf\u00e9 \"quoted\" line.\nSecond line here.","id":"b2"}"# + "\n")
        try FileManager.default.createDirectory(atPath: dir.file("Annotations"), withIntermediateDirectories: true)
        let store = FolderStore(path: dir.file("Annotations"))
        let sources = [dir.file("corpus")]
        let fresh = try Corpus.load(sources)
        let first = try Corpus.load(sources, cache: store.cache)
        let cached = try #require(
            try FileManager.default.contentsOfDirectory(atPath: dir.file("Annotations/.sentag/segments")).first)
        let second = try Corpus.load(sources, cache: store.cache)
        #expect(Self.sentences(first) == Self.sentences(fresh) && Self.sentences(second) == Self.sentences(fresh))
        #expect(second.sentences.contains { $0.text == "Café \"quoted\" line." }, "\(Self.sentences(second))")
        #expect((0..<fresh.count).allSatisfy { second.fingerprint(at: $0) == fresh.fingerprint(at: $0) })
        // A changed file is segmented again; the cache follows.
        try dir.write("corpus/a.txt", "First one here. Another one now.\nA caption line\n")
        let changed = try Corpus.load(sources, cache: store.cache)
        #expect(Self.sentences(changed) == Self.sentences(try Corpus.load(sources)))
        #expect(changed.sentences.contains { $0.text == "Another one now." })
        // A damaged cache is ignored.
        try dir.write("Annotations/.sentag/segments/" + cached, "garbage")
        #expect(Self.sentences(try Corpus.load(sources, cache: store.cache)) == Self.sentences(changed))
    }
}

extension SegmentationCacheTests {
    /// An unchanged file is not read when the corpus is loaded; its texts are read when asked.
    ///
    /// If the file changes in between, a text is empty (never another file's words, never a
    /// crash), and the next load segments the new content.
    @Test func aFileChangedAfterLoadingGivesEmptyTextsNotWrongOnes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("Annotations"), withIntermediateDirectories: true)
        try dir.write("corpus/a.jsonl", #"{"id":"a","text":"One here. Two there."}"# + "\n")
        let store = FolderStore(path: dir.file("Annotations"))
        _ = try Corpus.load([dir.file("corpus")], cache: store.cache)
        let warm = try Corpus.load([dir.file("corpus")], cache: store.cache)
        try dir.write("corpus/a.jsonl", #"{"id":"a","text":"Six here. Ten there."}"# + "\n")
        #expect(warm.sentences.map(\.text) == ["", ""], "\(warm.sentences.map(\.text))")
        let again = try Corpus.load([dir.file("corpus")], cache: store.cache)
        #expect(again.sentences.map(\.text) == ["Six here.", "Ten there."], "\(again.sentences.map(\.text))")
    }
}
