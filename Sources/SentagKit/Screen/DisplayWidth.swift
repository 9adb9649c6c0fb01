#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many terminal columns text takes, from the C library's `wcwidth`: 2 for East Asian wide
/// and full-width characters and emoji, 0 for combining marks and zero-width characters, 1
/// otherwise.
///
/// Widths are always those of UTF-8, the encoding sentag prints, whatever the process's locale:
/// `wcwidth` runs under a `C.UTF-8` locale object of its own (`uselocale`, per thread), so the
/// answers do not depend on `LANG` (a test runner's included); glibc gives every UTF-8 locale
/// the same table. `wcwidth` is looked up by name: Swift's Glibc module does not declare it (it
/// needs `_XOPEN_SOURCE`).
///
/// A grapheme cluster is what a terminal draws as one glyph: an emoji sequence (with U+FE0F,
/// a zero-width joiner, a skin-tone modifier, or a pair of regional indicators: a flag) is 2;
/// any other cluster is the sum of its scalars' widths (a letter and its combining marks: the
/// letter's). Terminals still differ on rare sequences.
public enum DisplayWidth {
    /// Columns of a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns of one grapheme cluster.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F && scalars.count == 1 { return first.value < 0x20 ? 0 : 1 }
        if scalars.count > 1 && isEmojiSequence(scalars) { return 2 }
        return scalars.reduce(0) { $0 + of($1) }
    }

    /// Columns of one scalar: `wcwidth`, and for what it calls unprintable (-1: controls,
    /// unassigned code points) 0 for controls and 1 otherwise.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        var width: Int32 = -1
        if let wcwidth = Self.wcwidth {
            let previous = utf8Locale.map { uselocale($0) }
            width = wcwidth(Int32(bitPattern: value))
            if let previous { uselocale(previous) }
        }
        if width >= 0 { return Int(width) }
        return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1
    }

    private static func isEmojiSequence(_ scalars: Character.UnicodeScalarView) -> Bool {
        var regionalIndicators = 0
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF: return true
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            default: break
            }
        }
        return regionalIndicators == 2
    }

    /// `int wcwidth(wchar_t)` from the C library, or nil where it cannot be found (then every
    /// printable scalar is 1).
    private static let wcwidth: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// `C.UTF-8` for `wcwidth`; nil where the C library has no such locale (then the process's
    /// own, which the executable sets to the user's, else `C.UTF-8`).
    nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
}
