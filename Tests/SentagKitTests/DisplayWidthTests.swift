import SentagKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Terminal columns from the C library's `wcwidth`, per grapheme cluster.
@Suite(.serialized) struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3),
        // CJK, full-width forms, Hangul (precomposed, and a jamo sequence), kana beyond the BMP
        ("日本語", 6), ("ＡＢ", 4), ("한국어", 6), ("\u{1100}\u{1161}\u{11A8}", 2), ("\u{3000}", 2), ("𠀀", 2),
        ("\u{1B000}", 2), ("\u{1F200}", 2),
        // emoji: presentation, text symbol + U+FE0F, skin tone, ZWJ sequence, flag
        ("👍", 2), ("🚀", 2), ("❤\u{FE0F}", 2), ("👍🏽", 2), ("👩\u{200D}💻", 2), ("🇫🇷", 2), ("❤", 1),
        // combining marks: the letter's width
        ("e\u{301}", 1), ("Việt", 4), ("ก้า", 2), ("a\u{20DD}", 1),
        // zero width: space, joiner, byte order mark, word joiner
        ("a\u{200B}b", 2), ("\u{200D}", 0), ("\u{FEFF}", 0), ("a\u{2060}b", 2),
        ("“quoted”", 8), ("\u{1B}", 0),
    ])
    func widthsOfClusters(_ text: String, _ expected: Int) {
        let actual = DisplayWidth.of(text)
        #expect(actual == expected, "\(text.unicodeScalars.map { "U+" + String($0.value, radix: 16) }): \(actual)")
    }

    /// A test runner, or a user with `LANG=C`, gets the same widths: they are UTF-8's.
    @Test func widthsDoNotDependOnTheProcessLocale() throws {
        let saved = String(cString: try #require(setlocale(LC_CTYPE, nil)))
        defer { setlocale(LC_CTYPE, saved) }
        for locale in ["C", "POSIX", "C.UTF-8"] {
            #expect(setlocale(LC_CTYPE, locale) != nil, "\(locale)")
            #expect(DisplayWidth.of("日本語 e\u{301} 👍") == 11, "\(locale)")
        }
    }
}
