import SentagKit
import Testing

@Suite struct LabelSetTests {
    @Test func defaultIsTheFourLabelsWithTheirKeys() {
        #expect(LabelSet.default.names == ["claim", "quote", "caption", "noise"])
        #expect(LabelSet.default.labels.map(\.key) == ["c", "q", "p", "n"])
        #expect(LabelSet.default.summary == "claim, quote, caption, noise (c/q/p/n)")
    }

    @Test func parsesLabelsJSON() throws {
        let json = #"{"labels":[{"name":"claim","key":"c","description":"A fact."},{"name":"other_1","key":"o"}]}"#
        let set = try LabelSet.parse(Array(json.utf8), origin: "labels.json")
        #expect(set.names == ["claim", "other_1"])
        #expect(set.labels[0].description == "A fact." && set.index(of: "other_1") == 1)
    }

    @Test(arguments: [
        (#"{"labels":[]}"#, LabelSetError.noLabels(path: "L")),
        (#"{"labels":[{"name":"Claim","key":"c"}]}"#, .badName(path: "L", name: "Claim")),
        (#"{"labels":[{"name":"1st","key":"c"}]}"#, .badName(path: "L", name: "1st")),
        (#"{"labels":[{"name":"claim","key":"cc"}]}"#, .badKey(path: "L", name: "claim", key: "cc")),
        (#"{"labels":[{"name":"claim","key":"u"}]}"#, .reservedKey(path: "L", name: "claim", key: "u")),
        (#"{"labels":[{"name":"claim","key":"3"}]}"#, .reservedKey(path: "L", name: "claim", key: "3")),
        (#"{"labels":[{"name":"a","key":"x"},{"name":"a","key":"y"}]}"#, .duplicateName(path: "L", name: "a")),
        (
            #"{"labels":[{"name":"a","key":"x"},{"name":"b","key":"x"}]}"#,
            .duplicateKey(path: "L", key: "x", first: "a", second: "b")
        ),
    ])
    func refusesBadLabelSets(_ json: String, _ expected: LabelSetError) {
        #expect(throws: expected) { try LabelSet.parse(Array(json.utf8), origin: "L") }
    }

    @Test(arguments: ["", "{", "[]", #"{"labels":3}"#, #"{"labels":[3]}"#, #"{"labels":[{"key":"c"}]}"#])
    func malformedFilesNameTheProblem(_ json: String) {
        #expect(throws: LabelSetError.self) { try LabelSet.parse(Array(json.utf8), origin: "L") }
    }

    @Test func loadsFromTheAnnotationsFolderOrFallsBackToDefault() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try LabelSet.load(from: FolderStore(path: dir.path)) == .default)
        try dir.write("labels.json", #"{"labels":[{"name":"yes","key":"y"},{"name":"no","key":"n"}]}"#)
        #expect(try LabelSet.load(from: FolderStore(path: dir.path)).names == ["yes", "no"])
    }
}

@Suite struct AnnotatorNameTests {
    @Test(arguments: ["alice", "Bob", "a", "x.y_z-1", "0day", String(repeating: "a", count: 64)])
    func acceptsNamesThatAreSafeFileNames(_ name: String) {
        #expect(AnnotatorName.isValid(name), "\(name)")
    }

    @Test(arguments: [
        "", ".hidden", "-dash", "../etc", "a/b", "a b", "émile", String(repeating: "a", count: 65), "a\n",
    ])
    func refusesEverythingElse(_ name: String) {
        #expect(!AnnotatorName.isValid(name), "\(name)")
        #expect(throws: StoreError.badAnnotatorName(name)) { try AnnotatorName.validate(name) }
    }
}
