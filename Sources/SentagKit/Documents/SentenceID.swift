/// A sentence's stable id: 64 bits, written as 16 lowercase hex digits.
///
/// Computed from the document id, the sentence text and the occurrence number of that text in
/// the document (0 for the first), so editing one sentence of an article leaves the ids of the
/// others unchanged. The hash is FNV-1a over `doc 0x00 text 0x00 occurrence` followed by the
/// SplitMix64 finaliser for avalanche; it is fixed here and identical on every machine and run
/// (never Swift's per-process seeded `Hasher`).
public struct SentenceID: Hashable, Comparable, Sendable, CustomStringConvertible, BitwiseCopyable {
    public var rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public init(document: String, text: String, occurrence: Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        @inline(__always) func mix(_ string: String) {
            let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes { mix(byte) }
            }
            if done == nil { for byte in string.utf8 { mix(byte) } }
        }
        mix(document)
        mix(0)
        mix(text)
        mix(0)
        mix(String(occurrence))
        hash ^= hash >> 30
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 27
        hash &*= 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        rawValue = hash
    }

    /// Parses exactly 16 hex digits (either case).
    public init?(_ text: some StringProtocol) {
        var value: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            guard let digit = Self.hexDigit(byte) else { return nil }
            value = value << 4 | UInt64(digit)
            count += 1
            if count > 16 { return nil }
        }
        guard count == 16 else { return nil }
        rawValue = value
    }

    /// Parses 16 hex digits from raw bytes (a label file field) without making a String.
    ///
    /// Branch-free per digit: ids are random hex, so a branch on "digit or letter" is mispredicted
    /// about every other byte, and this parse showed as a tenth of scanning a label file.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var value: UInt64 = 0
        var invalid: UInt8 = 0
        for byte in bytes {
            let digit = byte &- 0x30  // '0'...'9' → 0...9
            let letter = (byte | 0x20) &- 0x61  // 'a'...'f', 'A'...'F' → 0...5
            let isDigit: UInt8 = digit < 10 ? 1 : 0
            let isLetter: UInt8 = letter < 6 ? 1 : 0
            invalid |= (isDigit | isLetter) ^ 1
            value = value << 4 | UInt64(isDigit == 1 ? digit : letter &+ 10)
        }
        guard invalid == 0 else { return nil }
        rawValue = value
    }

    @inline(__always)
    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }

    public var description: String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            guard let digits = buffer.baseAddress else { preconditionFailure("a buffer of 16 bytes has a start") }
            writeHex(to: digits)
            return 16
        }
    }

    /// Writes the 16 lowercase hex digits to `out`, which has room for them.
    @inline(__always)
    func writeHex(to out: UnsafeMutablePointer<UInt8>) {
        var value = rawValue
        for i in stride(from: 15, through: 0, by: -1) {
            let digit = UInt8(truncatingIfNeeded: value & 0xF)
            out[i] = digit < 10 ? 0x30 + digit : 0x57 + digit
            value >>= 4
        }
    }

    public static func < (lhs: SentenceID, rhs: SentenceID) -> Bool { lhs.rawValue < rhs.rawValue }
}
