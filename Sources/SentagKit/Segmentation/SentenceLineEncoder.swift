/// Encodes sentences as `segment --json` lines, fast: exactly the bytes of
/// `Sentence.writeJSON(to:)` followed by a newline.
///
/// `segment --json` writes one small object per sentence, so general `JSONWriter` calls (a
/// separator check, a quoting pass and an array append per key) cost more than segmenting. This
/// encoder writes the fixed parts of SPEC.md's shape as constants, the id's hex digits and the
/// numbers directly, escapes only `doc` (once per document) and `text`, and hands the sink one
/// buffer per line. Tests pin its output to `writeJSON(to:)`.
struct SentenceLineEncoder {
    private var line: [UInt8] = []
    private var quotedDoc: [UInt8] = []
    private var quotedDocID: String?

    init() {
        line.reserveCapacity(1 << 12)
    }

    /// The line for `sentence`, newline included; valid until the next call.
    mutating func encode(_ sentence: Sentence) -> [UInt8] {
        if quotedDocID != sentence.doc {
            quotedDoc.removeAll(keepingCapacity: true)
            JSONWriter.appendQuoted(sentence.doc, to: &quotedDoc)
            quotedDocID = sentence.doc
        }
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: Self.idKey)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            guard let start = digits.baseAddress else { preconditionFailure("an allocation of 16 bytes has a start") }
            sentence.id.writeHex(to: start)
            line.append(contentsOf: digits)
        }
        line.append(contentsOf: Self.docKey)
        line.append(contentsOf: quotedDoc)
        line.append(contentsOf: Self.indexKey)
        appendDecimal(sentence.index)
        line.append(contentsOf: Self.startKey)
        appendDecimal(sentence.start)
        line.append(contentsOf: Self.endKey)
        appendDecimal(sentence.end)
        line.append(contentsOf: Self.textKey)
        JSONWriter.appendQuoted(sentence.text, to: &line)
        line.append(contentsOf: Self.lineEnd)
        return line
    }

    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { line.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            line.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    private static let idKey = Array(#"{"id":""#.utf8)
    private static let docKey = Array(#"","doc":"#.utf8)
    private static let indexKey = Array(#","index":"#.utf8)
    private static let startKey = Array(#","start":"#.utf8)
    private static let endKey = Array(#","end":"#.utf8)
    private static let textKey = Array(#","text":"#.utf8)
    private static let lineEnd = Array("}\n".utf8)
}
