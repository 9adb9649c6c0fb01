import SentagKit
import Testing

@Suite struct JSONKeyScanTests {
    @Test(arguments: [
        #"{"a":[1,-2.5,3e10,0,true,false,null,"x\"y"],"b":{"c":{}}}"#, "[]", "  \"text\"  ", "-0.0E+5",
    ])
    func validDocumentsPass(_ json: String) {
        #expect(JSONKeyScan.scan(Array(json.utf8)) == nil, "\(json)")
    }

    @Test(arguments: [
        ("01", "'01' is not a value (strings need double quotes)"),
        ("1.", "'1.' is not a value (strings need double quotes)"),
        ("+1", "'+1' is not a value (strings need double quotes)"),
        ("tru", "'tru' is not a value (strings need double quotes)"),
        (#"{"a" 1}"#, "expected ':' after the key \"a\""),
        (#"{a:1}"#, "expected a key in double quotes"),
        (#"[1 2]"#, "expected ',' or ']' after an element"),
        (#"["open"#, "a string that never ends"),
        ("{} {}", "more text after the end of the document"),
    ])
    func syntaxErrorsAreLocated(_ json: String, _ reason: String) {
        guard case .syntaxError(_, _, let actual)? = JSONKeyScan.scan(Array(json.utf8)) else {
            Issue.record("\(json): \(String(describing: JSONKeyScan.scan(Array(json.utf8))))")
            return
        }
        #expect(actual == reason, "\(json)")
    }

    @Test func linesAndColumnsCountCharacters() {
        let json = "{\n  \"née\": \"é\" x\n}"
        #expect(
            JSONKeyScan.scan(Array(json.utf8))
                == .syntaxError(line: 2, column: 14, reason: "expected ',' or '}' after the value of \"née\""))
    }

    @Test func repeatedKeysAreFoundWithTheirPath() {
        let json = #"{"a":[{"x":1},{"x":1,"y":2,"x":3}]}"#
        #expect(JSONKeyScan.scan(Array(json.utf8)) == .repeatedKey(path: [.key("a"), .index(1)], key: "x"))
        #expect(JSONKeyScan.scan(Array(#"[{"x":1},{"x":1}]"#.utf8)) == nil, "the same key in two objects is fine")
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .syntaxError(_, let column, let reason)? = JSONKeyScan.scan(Array(deep.utf8)) else {
            Issue.record("not refused")
            return
        }
        #expect(reason == "nested more than 512 levels deep" && column == 513, "\(reason) at \(column)")
    }
}
