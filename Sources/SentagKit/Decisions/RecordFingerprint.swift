/// A 64-bit hash of what a record says about its sentence (`doc`, `index`, `start`, `end`,
/// `text`), computed the same way from a corpus sentence.
///
/// The decision table keeps it instead of the text: a record whose id is in the corpus but
/// whose fingerprint differs (an edited line, a hostile one) is an orphan, never shown or
/// exported as if it were the corpus sentence.
public enum RecordFingerprint {
    public static func of(
        doc: UnsafeBufferPointer<UInt8>, index: Int, start: Int, end: Int, text: UnsafeBufferPointer<UInt8>
    ) -> UInt64 {
        var seed = XXHash64.hash(doc)
        seed ^= UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        seed ^= UInt64(truncatingIfNeeded: start) &* 0xC2B2_AE3D_27D4_EB4F
        seed ^= UInt64(truncatingIfNeeded: end) &* 0x1656_67B1_9E37_79F9
        return XXHash64.hash(text, seed: seed)
    }

    public static func of(doc: String, index: Int, start: Int, end: Int, text: String) -> UInt64 {
        var doc = doc
        var text = text
        return doc.withUTF8 { docBytes in
            text.withUTF8 { textBytes in of(doc: docBytes, index: index, start: start, end: end, text: textBytes) }
        }
    }

    public static func of(_ sentence: Sentence) -> UInt64 {
        of(doc: sentence.doc, index: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text)
    }
}
