import SentagKit
import Testing

@Suite struct DocumentLoaderTests {
    @Test func readsFoldersRecursivelyInSortedOrderWithRelativeIDs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("src/b.txt", "B text.")
        try dir.write("src/a/z.txt", "Z text.")
        try dir.write("src/a.txt", "A text.")
        try dir.write("src/notes.md", "ignored")
        try dir.write("src/.hidden.txt", "ignored")
        let documents = try DocumentLoader.load([dir.file("src")])
        #expect(documents.map(\.id) == ["a", "a/z", "b"], "\(documents.map(\.id))")
        #expect(documents.map(\.text) == ["A text.", "Z text.", "B text."])
    }

    @Test func aFileGivenDirectlyIsNamedByItsStem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("000_e48.v2.txt", "Text.\r\nMore.")
        let documents = try DocumentLoader.load([path])
        #expect(documents.map(\.id) == ["000_e48.v2"])
        #expect(documents[0].text == "Text.\r\nMore.", "text is kept as read, CRLF included")
    }

    @Test func readsJSONLinesWithAndWithoutIDs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(
            "docs.jsonl",
            """
            {"text":"First.","id":"one","meta":{"source":"x"}}

            {"text":"Second."}\r
            {"text":"Third.","id":7}
            """)
        let documents = try DocumentLoader.load([path])
        #expect(documents.map(\.id) == ["one", "docs:3", "7"], "\(documents.map(\.id))")
        #expect(documents[0].meta?["source"] == .string("x"))
        #expect(documents[1].origin == "\(path):3")
    }

    @Test func badInputIsAnErrorNamingFileAndLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let empty = try dir.write("empty.txt", "")
        let latin1 = try dir.write("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x2E])
        let badJSON = try dir.write("bad.jsonl", "{\"text\":\"ok\"}\n{\"text\": 3}\n")
        let notObject = try dir.write("array.jsonl", "[1]\n")
        let truncated = try dir.write("trunc.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"cut")
        let other = try dir.write("doc.pdf", "%PDF")
        #expect(throws: SourceError.emptyFile(path: empty)) { try DocumentLoader.load([empty]) }
        #expect(throws: SourceError.invalidUTF8(path: latin1, line: nil, byteOffset: 3)) {
            try DocumentLoader.load([latin1])
        }
        #expect(throws: SourceError.badJSONLine(path: badJSON, line: 2, reason: "\"text\" is a number")) {
            try DocumentLoader.load([badJSON])
        }
        #expect(throws: SourceError.badJSONLine(path: notObject, line: 1, reason: "an array, not an object")) {
            try DocumentLoader.load([notObject])
        }
        #expect(throws: SourceError.self) { try DocumentLoader.load([truncated]) }
        #expect(throws: SourceError.unsupportedFileType(path: other)) { try DocumentLoader.load([other]) }
        #expect(throws: SourceError.notFound(path: dir.file("missing"))) {
            try DocumentLoader.load([dir.file("missing")])
        }
    }

    @Test func messagesSayWhereAndWhatToDo() {
        let message = SourceError.invalidUTF8(path: "seeds/a.txt", line: nil, byteOffset: 3).description
        #expect(message == "seeds/a.txt: invalid UTF-8 at byte 4; save the file as UTF-8", "\(message)")
        let line = SourceError.badJSONLine(path: "d.jsonl", line: 2, reason: "no \"text\" key").description
        #expect(line.hasPrefix("d.jsonl:2: no \"text\" key"), "\(line)")
    }

    @Test func duplicateDocumentIDsAreRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = try dir.write("one/a.txt", "A.")
        let b = try dir.write("two/a.txt", "A again.")
        #expect(throws: SourceError.duplicateDocumentID(id: "a", first: a, second: b)) {
            try DocumentLoader.load([dir.file("one"), dir.file("two")])
        }
    }

    @Test func unreadableFileIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("locked.txt", "secret")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        if getuid() == 0 { return }  // root reads anything; the check is meaningful for users only
        #expect(throws: SourceError.self) { try DocumentLoader.load([path]) }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
