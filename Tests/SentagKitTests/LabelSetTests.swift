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

    /// Every message names the label (position and name) and the key at fault, as before
    /// `JSONDecoder` read the file.
    @Test(arguments: [
        ("", "not valid JSON: the document ends where a value should be at line 1, column 1"),
        ("{\n  \"labels\": [,]\n}", "not valid JSON: unexpected ',' at line 2, column 14"),
        (
            #"{"labels":[{"name":"a","key":"x"}"#,
            "not valid JSON: expected ',' or ']' after an element at line 1, column 34"
        ),
        (
            #"{"labels":[{"name":claim}]}"#,
            "not valid JSON: 'claim' is not a value (strings need double quotes) at line 1, column 20"
        ),
        ("[]", "the top level must be an object with a \"labels\" array"),
        (#"{"labels":3}"#, "no \"labels\" array"),
        (#"{"label":[]}"#, "no \"labels\" array"),
        (#"{"labels":[{"name":"a","key":"x"},3]}"#, "label 2 is a number, not an object"),
        (#"{"labels":[[]]}"#, "label 1 is an array, not an object"),
        (#"{"labels":[{"key":"c"}]}"#, "label 1 has no string \"name\""),
        (#"{"labels":[{"name":"a","key":null}]}"#, "label 1 ('a') has no string \"key\""),
        (
            #"{"labels":[{"name":"a","key":"x","description":true}]}"#,
            "label 1 ('a'): \"description\" is a boolean, not a string"
        ),
        (
            #"{"labels":[{"name":"a","key":"x","description":{}}]}"#,
            "label 1 ('a'): \"description\" is an object, not a string"
        ),
    ])
    func malformedFilesSayWhatAndWhere(_ json: String, _ reason: String) {
        #expect(throws: LabelSetError.malformed(path: "L", reason: reason)) {
            try LabelSet.parse(Array(json.utf8), origin: "L")
        }
    }

    @Test func aKeyGivenTwiceIsRefusedSayingWhere() {
        let twice = #"{"labels":[{"name":"a","key":"x"},{"name":"b","key":"y","name":"c"}]}"#
        #expect(throws: LabelSetError.repeatedJSONKey(path: "L", key: "name", place: "in label 2")) {
            try LabelSet.parse(Array(twice.utf8), origin: "L")
        }
        let top = #"{"labels":[{"name":"a","key":"x"}],"labels":[{"name":"b","key":"y"}]}"#
        #expect(throws: LabelSetError.repeatedJSONKey(path: "L", key: "labels", place: "at the top level")) {
            try LabelSet.parse(Array(top.utf8), origin: "L")
        }
        let escaped = #"{"labels":[{"name":"a","key":"x","n\u0061me":"b"}]}"#
        #expect(throws: LabelSetError.repeatedJSONKey(path: "L", key: "name", place: "in label 1")) {
            try LabelSet.parse(Array(escaped.utf8), origin: "L")
        }
        let message = LabelSetError.repeatedJSONKey(path: "L", key: "name", place: "in label 2").description
        #expect(
            message
                == "L: \"name\" is given twice in label 2; give each key once (readers disagree on which one counts)")
    }

    @Test func onlyASCIIDigitsAreReservedForCounts() throws {
        let json = #"{"labels":[{"name":"one","key":"一"},{"name":"three","key":"٣"},{"name":"yes","key":"é"}]}"#
        let set = try LabelSet.parse(Array(json.utf8), origin: "L")
        #expect(set.labels.map(\.key) == ["一", "٣", "é"])
        #expect(throws: LabelSetError.reservedKey(path: "L", name: "a", key: "7")) {
            try LabelSet.parse(Array(#"{"labels":[{"name":"a","key":"7"}]}"#.utf8), origin: "L")
        }
    }

    @Test func aControlCharacterIsNoKey() {
        #expect(throws: LabelSetError.controlKey(path: "L", name: "a", key: "\u{1B}")) {
            try LabelSet.parse(Array(#"{"labels":[{"name":"a","key":"\u001b"}]}"#.utf8), origin: "L")
        }
        let message = LabelSetError.controlKey(path: "L", name: "a", key: "\u{1B}").description
        #expect(message.hasPrefix("L: label 'a' cannot use the control character ^[ as its key"), "\(message)")
    }

    @Test func aByteOrderMarkAndUnknownKeysAreFine() throws {
        let json = "\u{FEFF}" + #"{"$schema":"x","labels":[{"name":"a","key":"x","description":null,"color":"red"}]}"#
        let set = try LabelSet.parse(Array(json.utf8), origin: "L")
        #expect(set.names == ["a"] && set.labels[0].description == "")
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
