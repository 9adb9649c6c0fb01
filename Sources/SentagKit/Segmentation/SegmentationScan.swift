/// One run of the segmenter over a UTF-8 buffer: walks it line by line, asks the boundary rules
/// at every candidate terminator, and records the spans.
///
/// All positions are byte indices into `base`. The scan reads each byte once in its main loop;
/// the rules look only at the token before a terminator and the start of the token after it.
/// Scalar offsets are counted only up to the bytes where spans begin and end, by a cursor that
/// moves forward eight bytes at a time.
struct SegmentationScan {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// `bytesThatMayMatter`'s storage.
    private let mayMatter: UnsafePointer<UInt8>
    private(set) var spans: [SentenceSpan] = []
    private var cursorByte = 0
    private var cursorScalar = 0

    /// A scan of `count` bytes at `base`; `mayMatter` is `bytesThatMayMatter`'s storage.
    ///
    /// Both must stay valid while the scan runs.
    init(base: UnsafePointer<UInt8>, count: Int, mayMatter: UnsafePointer<UInt8>) {
        self.base = base
        self.count = count
        self.mayMatter = mayMatter
        spans.reserveCapacity(count / 128 + 4)
    }

    mutating func run() {
        var position = 0
        while position < count {
            position = scanLine(from: position)
        }
    }

    /// Segments the line that starts at `start`; returns where the next line starts.
    ///
    /// A sentence that opens with a list marker (`1.`, `a)`) is cut before the next marker that
    /// continues the list; a line that opens with a bullet is cut before each later use of the
    /// same bullet after white space, and that later bullet stays in its sentence (only a bullet
    /// opening a line is outside it). A terminator strictly inside a bracket pair that closes on
    /// the line (`(He worked as an engineer. He liked it.) at`, `[16: firma? 13:28]`) ends
    /// nothing.
    private mutating func scanLine(from start: Int) -> Int {
        let opening = skipLineOpening(from: start)
        var sentenceStart = opening.position
        // Where the current sentence's text starts: before `sentenceStart` when a bullet that
        // stays in the text opens it.
        var textStart = opening.text
        let lineBullet = opening.bullet
        var listItem = nextListItem(at: sentenceStart)
        var limit = listItem?.start ?? count
        var bracketClose = 0
        var index = sentenceStart
        while true {
            while index < limit {
                let byte = base[index]
                guard mayMatter[Int(byte)] != 0 else {
                    index &+= 1
                    continue
                }
                var isTerminator = false
                switch byte {
                case 0x2E, 0x3F, 0x21:
                    isTerminator = true
                case 0x28, 0x5B:
                    if index >= bracketClose { bracketClose = closingBracket(from: index, limit: limit) ?? 0 }
                case 0xE2:
                    isTerminator = isEllipsisCharacter(at: index, limit: limit)
                    if !isTerminator, lineBullet > 0x7F, index > sentenceStart,
                        spaceLength(endingAt: index, floor: sentenceStart) > 0,
                        bullet(at: index, limit: limit).scalar == lineBullet
                    {
                        emit(from: textStart, to: index)
                        let item = skipLineOpening(from: index, keepsBullets: true)
                        sentenceStart = item.position
                        textStart = item.text
                        index = sentenceStart
                        continue
                    }
                case 0xE3, 0xEF:
                    isTerminator = ideographicTerminatorLength(at: index, limit: limit) > 0
                default:
                    break
                }
                if isTerminator {
                    let outcome = terminator(at: index, sentenceStart: sentenceStart, limit: limit)
                    index = outcome.resume
                    guard let boundary = outcome.boundary, index > bracketClose else { continue }
                    emit(from: textStart, to: boundary.end)
                    sentenceStart = boundary.next
                    textStart = sentenceStart
                    if listItem == nil {
                        listItem = nextListItem(at: sentenceStart)
                        limit = listItem?.start ?? count
                    }
                    continue
                }
                let lineBreak = lineBreakLength(at: index)
                if lineBreak > 0 {
                    emit(from: textStart, to: index)
                    return index + lineBreak
                }
                index &+= 1
            }
            guard let item = listItem, index < count else {
                emit(from: textStart, to: count)
                return count
            }
            // An item starting right where the rules start (`• 10. The second item`, its bullet
            // kept in the text) continues the sentence opened at the bullet.
            if item.start > sentenceStart {
                emit(from: textStart, to: item.start)
                textStart = item.start
            }
            sentenceStart = item.start
            index = item.start
            listItem = ListMarker.nextItem(after: item.marker, in: base, limit: count)
            limit = listItem?.start ?? count
        }
    }

    /// The longest a bracketed passage can be and still keep its terminators inside.
    static let bracketWindow = 400

    /// Where the bracket opened at `open` closes (the index of `)` or `]`), if it does on the same
    /// line within `bracketWindow` bytes; nested pairs are skipped.
    private func closingBracket(from open: Int, limit: Int) -> Int? {
        var depth = 0
        var index = open
        let end = min(limit, open + Self.bracketWindow)
        while index < end {
            switch base[index] {
            case 0x28, 0x5B: depth += 1
            case 0x29, 0x5D:
                depth -= 1
                if depth == 0 { return index }
            case 0x0A, 0x0B, 0x0C, 0x0D: return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The next item of a list whose first marker is at `start`, if a sentence opens with one there.
    private func nextListItem(at start: Int) -> (start: Int, marker: ListMarker)? {
        guard start < count else { return nil }
        let byte = base[start]
        guard byte &- 0x30 < 10 || byte &- 0x41 < 26 || byte &- 0x61 < 26 || byte == UInt8(ascii: "(") else {
            return nil
        }
        guard let first = ListMarker(base, at: start, limit: count) else { return nil }
        return ListMarker.nextItem(after: first, in: base, limit: count)
    }

    /// Skips the white space and list bullets that open a line (or an item inside one).
    ///
    /// Returns where the rules start (after every bullet), the last bullet skipped (0 if none),
    /// and where the sentence's text starts: after white space and SPEC's bullets when they open
    /// the line (`keepsBullets` false), at the first bullet that stays in the text otherwise.
    func skipLineOpening(from start: Int, keepsBullets: Bool = false) -> (position: Int, bullet: UInt32, text: Int) {
        var index = start
        var lastBullet: UInt32 = 0
        var text: Int? = nil
        while index < count {
            let space = spaceLength(at: index, limit: count)
            if space > 0 {
                index += space
                continue
            }
            let mark = bullet(at: index, limit: count)
            guard mark.length > 0 else { break }
            if text == nil, keepsBullets || !Self.isOutsideSentence(bullet: mark.scalar) { text = index }
            index += mark.length
            lastBullet = mark.scalar
        }
        return (index, lastBullet, text ?? index)
    }

    /// White space (inline) from `start`, up to `limit`.
    func skipSpaces(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit {
            let space = spaceLength(at: index, limit: limit)
            guard space > 0 else { break }
            index += space
        }
        return index
    }

    /// Records the sentence `start..<end` without its trailing white space; nothing if empty.
    private mutating func emit(from start: Int, to end: Int) {
        var end = end
        while end > start {
            let space = spaceLength(endingAt: end, floor: start)
            guard space > 0 else { break }
            end -= space
        }
        guard end > start else { return }
        let scalarStart = scalarOffset(at: start)
        let scalarEnd = scalarOffset(at: end)
        spans.append(SentenceSpan(start: scalarStart, end: scalarEnd, utf8Start: start, utf8End: end))
    }

    /// The scalar offset of byte `target`, which must not be before the last one asked for.
    ///
    /// A scalar starts at every byte that is not a continuation byte (`0b10xxxxxx`); eight bytes
    /// at a time, a continuation byte is one whose top bit is set and whose next bit is clear.
    private mutating func scalarOffset(at target: Int) -> Int {
        var index = cursorByte
        var continuations = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= target {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < target {
            if base[index] & 0xC0 == 0x80 { continuations &+= 1 }
            index &+= 1
        }
        cursorScalar += (target - cursorByte) - continuations
        cursorByte = target
        return cursorScalar
    }
}
