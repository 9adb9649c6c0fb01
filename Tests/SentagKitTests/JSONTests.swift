import SentagKit
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#"{"a":[1,-2.5,3e2,true,false,null],"b":{"c":"d\u00e9\n"},"a":"last"}"#)
        #expect(value["a"] == .string("last"), "\(value)")
        guard case .object(let members) = value else { Issue.record("not an object: \(value)"); return }
        #expect(members[0].1 == .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"] == .string("dé\n"), "\(value)")
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "\"abc", "tru", "01", "1.", "-", "\"\\x\"", "\"\\ud800\"",
        "{} {}", "\"a\u{01}b\"", "nul",
    ])
    func rejectsMalformedInput(_ text: String) {
        #expect(throws: JSONParser.JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParser.JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func limitsNestingInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParser.JSONParseError.self) { try JSONParser.parse(deep) }
    }
}

@Suite struct JSONWriterTests {
    @Test func escapesWhatRFC8259Requires() throws {
        var writer = JSONWriter()
        writer.string("quote\" back\\ nl\n tab\t ctl\u{01} é 😀")
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == #""quote\" back\\ nl\n tab\t ctl\u0001 é 😀""#, "\(text)")
        #expect(try JSONParser.parse(writer.bytes) == .string("quote\" back\\ nl\n tab\t ctl\u{01} é 😀"))
    }

    @Test func writesObjectsAndArraysWithCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", 1)
        writer.key("b")
        writer.beginArray()
        writer.int(1)
        writer.string("x")
        writer.null()
        writer.endArray()
        writer.field("c", nil as Double?)
        writer.field("d", 0.5)
        writer.endObject()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == #"{"a":1,"b":[1,"x",null],"c":null,"d":0.5}"#, "\(text)")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func neverWritesNaNOrInfinity(_ value: Double) {
        var writer = JSONWriter()
        writer.double(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "null")
    }

    @Test(arguments: [0.1, 1.0 / 3.0, 0.7430, -2.5e-12, 123456.789])
    func doublesReadBackExactly(_ value: Double) throws {
        var writer = JSONWriter()
        writer.double(value)
        #expect(
            try JSONParser.parse(writer.bytes) == .number(value), "\(String(decoding: writer.bytes, as: UTF8.self))")
    }
}

@Suite struct JSONObjectScannerTests {
    private func members(_ text: String) throws -> [(String, JSONObjectScanner.ValueKind, String)] {
        let bytes = Array(text.utf8)
        var found: [(String, JSONObjectScanner.ValueKind, String)] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try JSONObjectScanner.scan(buffer) { member in
                found.append(
                    (
                        String(decoding: buffer[member.key], as: UTF8.self), member.kind,
                        String(decoding: buffer[member.value], as: UTF8.self)
                    ))
            }
        }
        return found
    }

    @Test func reportsMembersInOrderWithTheirKinds() throws {
        let found = try members(#" {"a":"x\"y","b":-1.5e3,"c":{"d":[1,"}"]},"e":[],"f":null,"g":true} "#)
        #expect(found.map(\.0) == ["a", "b", "c", "e", "f", "g"], "\(found)")
        #expect(found[0].1 == .string(hasEscapes: true) && found[0].2 == #"x\"y"#, "\(found[0])")
        #expect(found[2].1 == .object && found[2].2 == #"{"d":[1,"}"]}"#, "\(found[2])")
        #expect(found[4].1 == .null && found[5].1 == .true)
    }

    @Test(arguments: [
        #"{"a":"unterminated"#, #"{"a":1"#, #"{"a":{"b":1}"#, #"{"a":tr"#, #"{"a""#, "{",
    ])
    func detectsTruncatedLines(_ text: String) {
        #expect(throws: JSONObjectScanner.Failure.truncated) { try members(text) }
    }

    @Test(arguments: [#"[1,2]"#, #""text""#, "42"])
    func rejectsNonObjects(_ text: String) {
        #expect(throws: JSONObjectScanner.Failure.notAnObject) { try members(text) }
    }

    @Test(arguments: [#"{"a":1}x"#, #"{a:1}"#, #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"{"a":x}"#])
    func rejectsMalformedObjects(_ text: String) {
        #expect(throws: JSONObjectScanner.Failure.self) { try members(text) }
    }
}
