/// Checks bytes for valid UTF-8 (RFC 3629: no overlong forms, surrogates or values past
/// U+10FFFF), eight ASCII bytes at a time.
///
/// Every journal line and every source file passes through here; the word-at-a-time ASCII path
/// keeps it near memory speed for news text, which is mostly ASCII.
public enum UTF8Validation {
    /// What is wrong with a run of bytes, if anything.
    public enum Finding: Equatable, Sendable {
        case valid
        case invalidUTF8(byteOffset: Int)
        /// A C0 control character other than tab (only with `rejectingControls`).
        case controlCharacter(byteOffset: Int)
    }

    /// The first problem in `bytes`; with `rejectingControls`, bytes below 0x20 other than tab
    /// are one (a JSON line may not hold them raw).
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, rejectingControls: Bool = false) -> Finding {
        guard let base = bytes.baseAddress else { return .valid }
        let n = bytes.count
        let highs: UInt64 = 0x8080_8080_8080_8080
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var i = 0
        while i < n {
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & highs != 0 { break }
                if rejectingControls && (word &- spaces) & ~word & highs != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let lead = base[i]
            if lead < 0x80 {
                if rejectingControls && lead < 0x20 && lead != 0x09 { return .controlCharacter(byteOffset: i) }
                i += 1
                continue
            }
            @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                i + k < n && base[i + k] >= low && base[i + k] <= high
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return .invalidUTF8(byteOffset: i) }
                length = 2
            case 0xE0...0xEF:
                let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard continuation(1, low, high), continuation(2) else { return .invalidUTF8(byteOffset: i) }
                length = 3
            case 0xF0...0xF4:
                let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                guard continuation(1, low, high), continuation(2), continuation(3) else {
                    return .invalidUTF8(byteOffset: i)
                }
                length = 4
            default:
                return .invalidUTF8(byteOffset: i)
            }
            i += length
        }
        return .valid
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all of `bytes` is valid.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            if case .invalidUTF8(let offset) = check(buffer) { return offset }
            return nil
        }
    }

    public static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            if case .invalidUTF8(let offset) = check(buffer) { return offset }
            return nil
        }
    }
}
