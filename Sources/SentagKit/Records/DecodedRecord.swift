/// A journal line that passed `RecordDecoder`: its values, with string fields as places in the
/// line rather than `String`s.
///
/// Valid only together with the bytes it was decoded from (the ranges index into them), so
/// reading millions of lines costs no allocation per field; `string(_:in:)` and
/// `AnnotationRecord(decoded:line:)` make `String`s when they are wanted.
public struct DecodedRecord: Sendable {
    /// A string field: the body between the quotes, and whether it holds escapes.
    public struct Field: Equatable, Sendable {
        public var range: Range<Int>
        public var hasEscapes: Bool
    }

    public var id: SentenceID
    public var doc: Field
    public var index: Int
    public var start: Int
    public var end: Int
    public var text: Field
    /// Nil for a retraction (`"label": null`).
    public var label: Field?
    public var annotator: Field
    public var time: Timestamp
    public var note: Field?
    public var flag: Bool?
    public var suggested: Field?
    public var ms: Int?
    public var session: Field?
    public var adjudicated: Bool
    /// The `votes` object's bytes (braces included), already checked.
    public var votes: Range<Int>?
    /// Written by `u`: restores what the decision it undoes replaced.
    public var undo: Bool
    /// Part of the same step as the record before it (a run such as `n 3`).
    public var run: Bool
    /// Members with keys this version does not know, kept for writing the record again.
    public var extra: [JSONObjectScanner.Member]

    /// The decoded text of a string field.
    public static func string(_ field: Field, in line: UnsafeBufferPointer<UInt8>) -> String {
        let body = UnsafeBufferPointer(rebasing: line[field.range])
        // The decoder has checked every field it hands out, so decoding cannot fail here.
        return JSONStringScanner.decode(body, hasEscapes: field.hasEscapes) ?? ""
    }

    /// Calls `body` with the field's decoded UTF-8 bytes, without making a `String` when the
    /// field has no escapes.
    @inline(__always)
    public static func withBytes<R>(
        _ field: Field, in line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        let raw = UnsafeBufferPointer(rebasing: line[field.range])
        if !field.hasEscapes { return body(raw) }
        var decoded = JSONStringScanner.decode(raw, hasEscapes: true) ?? ""
        return decoded.withUTF8 { body($0) }
    }

    /// The annotator → label pairs of `votes`, in the order written.
    public func votePairs(in line: UnsafeBufferPointer<UInt8>) -> [(annotator: String, label: String)] {
        guard let votes else { return [] }
        var pairs: [(annotator: String, label: String)] = []
        let object = UnsafeBufferPointer(rebasing: line[votes])
        try? JSONObjectScanner.scan(object) { (member) throws(JSONObjectScanner.Failure) in
            guard case .string(let escapes) = member.kind else { return }
            let name = JSONStringScanner.decode(UnsafeBufferPointer(rebasing: object[member.key]), hasEscapes: true)
            let label = JSONStringScanner.decode(
                UnsafeBufferPointer(rebasing: object[member.value]), hasEscapes: escapes)
            if let name, let label { pairs.append((name, label)) }
        }
        return pairs
    }
}
