import SentagKit
import Testing

/// The two core scanning routines made faster for the agreement benchmark must behave exactly
/// like the simple byte-by-byte versions they replaced.
@Suite struct AgreementScanningTests {
    /// The byte-by-byte `findEnd` it replaced.
    static func referenceFindEnd(_ bytes: [UInt8], from: Int) -> (Int, Bool)? {
        var i = from
        var escapes = false
        while i < bytes.count {
            if bytes[i] == 0x22 { return (i, escapes) }
            if bytes[i] == 0x5C {
                escapes = true
                i += 2
                continue
            }
            i += 1
        }
        return nil
    }

    @Test func findEndMatchesTheByteByByteScan() {
        var random = SplitMix64(seed: 99)
        let alphabet: [UInt8] = Array("ab \"\\é\u{7F}x".utf8) + [0x00, 0x22, 0x5C, 0xA2, 0xDC, 0x80, 0xFF]
        for _ in 0..<20_000 {
            let length = random.next(below: 40)
            // Mostly plain bytes, so runs longer than a word occur; sometimes a quote or backslash.
            let bytes: [UInt8] = (0..<length).map { _ in
                random.next(below: 6) == 0
                    ? alphabet[random.next(below: alphabet.count)] : UInt8(0x61 + random.next(below: 26))
            }
            let from = length == 0 ? 0 : random.next(below: length + 1)
            let expected = Self.referenceFindEnd(bytes, from: from)
            let actual = bytes.withUnsafeBufferPointer { JSONStringScanner.findEnd($0, from: from) }
            #expect(actual?.end == expected?.0 && actual?.hasEscapes == expected?.1, "\(bytes) from \(from)")
        }
        let empty: [UInt8] = []
        #expect(empty.withUnsafeBufferPointer { JSONStringScanner.findEnd($0, from: 0) } == nil)
    }

    @Test func sentenceIDFromBytesAcceptsExactlySixteenHexDigits() {
        let valid = Array("0123456789abcdef".utf8)
        for position in 0..<16 {
            for value in 0...255 {
                var bytes = valid
                bytes[position] = UInt8(value)
                let parsed = bytes.withUnsafeBufferPointer { SentenceID(utf8: $0) }
                let text = String(decoding: bytes, as: UTF8.self)
                let isHex =
                    (0x30...0x39).contains(value) || (0x41...0x46).contains(value) || (0x61...0x66).contains(value)
                #expect((parsed != nil) == isHex, "byte \(value) at \(position)")
                if isHex { #expect(parsed == SentenceID(text), "\(text)") }
            }
        }
        var random = SplitMix64(seed: 3)
        for _ in 0..<1000 {
            let id = SentenceID(rawValue: random.next())
            let upper = Array(id.description.uppercased().utf8)
            #expect(Array(id.description.utf8).withUnsafeBufferPointer { SentenceID(utf8: $0) } == id)
            #expect(upper.withUnsafeBufferPointer { SentenceID(utf8: $0) } == id)
        }
        for length in [0, 15, 17] {
            let bytes = [UInt8](repeating: 0x61, count: length)
            #expect(bytes.withUnsafeBufferPointer { SentenceID(utf8: $0) } == nil, "length \(length)")
        }
    }
}
