/// Where a sentence's quotation marks open and close, and how much of it they enclose.
///
/// Double marks (`“ ” " „ « »`) and single ones (`‘ ’ '`) count the same. A `’` or `'` between
/// two letters (`don’t`, `Putin’s`) is an apostrophe; after a letter and before anything else it
/// closes a quotation only when a single one is open, or one carried in from an earlier sentence
/// (otherwise it is a plural possessive, `soldiers’`); after punctuation (`women.’`) it always
/// closes. A closing mark closes whatever is open, since the seeds open with one kind and close
/// with the other now and then. A straight `"` opens before a word and closes after one.
public struct QuotationScan: Equatable, Sendable {
    /// A quotation is still open after the last character.
    public private(set) var openAtEnd = false
    /// Letters and digits of the sentence.
    public private(set) var wordCharacters = 0
    /// Letters and digits that stand inside quotation marks.
    public private(set) var quotedWordCharacters = 0
    /// Quotation marks that open a quotation.
    public private(set) var openings = 0
    /// Quotation marks that close one (including one carried in).
    public private(set) var closings = 0
    /// The first character opens a quotation.
    public private(set) var startsWithOpening = false
    /// A quotation closes at the very end, after at most final punctuation (`… home.’`).
    public private(set) var endsWithClosing = false
    /// Words follow a closing mark: the attribution after a quotation (`,” said Caesar`).
    public private(set) var wordsAfterClosing = false
    /// A quotation opens right after a colon: `He said: ‘…`.
    public private(set) var opensAfterColon = false

    /// The share of the sentence's letters and digits inside quotation marks (0 when it has none).
    public var quotedFraction: Double {
        wordCharacters == 0 ? 0 : Double(quotedWordCharacters) / Double(wordCharacters)
    }

    /// No text.
    init() {}

    /// Scans `text`; `openAtStart` says a quotation opened before it is still open.
    public init(_ text: String, openAtStart: Bool = false) {
        let folded = TextFolding.folded(text)
        self = folded.withUnsafeBufferPointer { QuotationScan(folded: $0, openAtStart: openAtStart) }
    }

    /// Scans text already folded by `TextFolding`.
    ///
    /// When `insideMask` is given (room for `bytes.count` flags) it is set to 1 for every byte inside a
    /// quotation, marks excluded, and 0 elsewhere.
    init(folded bytes: UnsafeBufferPointer<UInt8>, openAtStart: Bool, insideMask: UnsafeMutablePointer<UInt8>? = nil) {
        var open = openAtStart
        var singleOpen = false
        var carried = openAtStart
        var lastClosing = -1
        var lastByte: UInt8 = 0x20
        let count = bytes.count
        for index in 0..<count {
            let byte = bytes[index]
            let before: UInt8 = index > 0 ? bytes[index - 1] : 0x20
            let after: UInt8 = index + 1 < count ? bytes[index + 1] : 0x20
            var mark = Mark.none
            switch byte {
            case TextFolding.openingDouble: mark = .opening
            case TextFolding.closingDouble: mark = .closing
            case TextFolding.straightDouble:
                if TextFolding.isWordByte(before) || Self.isClosingPunctuation(before) {
                    mark = .closing
                } else if after != 0x20 {
                    mark = .opening
                } else {
                    mark = open ? .closing : .opening
                }
            case TextFolding.openingSingle: mark = .singleOpening
            case TextFolding.closingSingle, TextFolding.straightSingle:
                if TextFolding.isWordByte(before) && TextFolding.isWordByte(after) {
                    mark = .none
                } else if Self.isClosingPunctuation(before) {
                    mark = .closing
                } else if TextFolding.isWordByte(before) {
                    mark = singleOpen || carried ? .closing : .none
                } else if byte == TextFolding.straightSingle && after != 0x20 {
                    mark = .singleOpening
                } else {
                    mark = open ? .closing : .none
                }
            default:
                if TextFolding.isWordByte(byte) {
                    wordCharacters += 1
                    if open { quotedWordCharacters += 1 }
                    if lastClosing >= 0 && !open && TextFolding.isLetterByte(byte) { wordsAfterClosing = true }
                }
            }
            switch mark {
            case .opening, .singleOpening:
                if !open {
                    open = true
                    openings += 1
                    if index == 0 { startsWithOpening = true }
                    if lastByte == 0x3A { opensAfterColon = true }
                }
                singleOpen = mark == .singleOpening
            case .closing:
                if open {
                    open = false
                    singleOpen = false
                    carried = false
                    closings += 1
                    lastClosing = index
                }
            case .none:
                break
            }
            if byte != 0x20 { lastByte = byte }
            insideMask?[index] = open && mark == .none ? 1 : 0
        }
        if lastClosing >= 0 {
            endsWithClosing = true
            for index in (lastClosing + 1)..<max(count, lastClosing + 1) {
                let byte = bytes[index]
                if byte != 0x20 && !Self.isClosingPunctuation(byte) {
                    endsWithClosing = false
                    break
                }
            }
        }
        openAtEnd = open
    }

    private enum Mark { case none, opening, singleOpening, closing }

    @inline(__always)
    static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x2C, 0x21, 0x3F, 0x3B, 0x3A, 0x29: true
        default: false
        }
    }
}
