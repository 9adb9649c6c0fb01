/// The one reader of journal lines: a line is either a record (`DecodedRecord`) or a
/// `RecordProblem`, with the same verdict in every command and in both stores.
///
/// The rule (SPEC.md, "Label files"), checked in one pass over the line with no allocation for
/// a record sentag wrote:
/// - the line is valid UTF-8 with no raw control character, and one JSON object;
/// - required keys `id`, `doc`, `index`, `start`, `end`, `text`, `label`, `annotator`, `time`,
///   each once, of the right type: `id` 16 hex digits; `index`, `start`, `end` integers from 0
///   with `start` ≤ `end`; `label` a label name or null; `annotator` an annotator name (the
///   journal's own when `journal` is given); `time` an ISO 8601 UTC time;
/// - optional keys, when present, of the right type: `note`, `session` strings; `flag`,
///   `adjudicated`, `undo`, `run` booleans; `suggested` a label name; `ms` an integer from 0;
///   `votes` an object of annotator names to label names; any of them may be null;
/// - other keys are kept as they are.
///
/// Whether a label is in the project's label set, and whether the sentence is in the corpus,
/// are not the decoder's business: the decision table is corpus- and label-set-free, and its
/// views judge those (`DecisionView`).
public enum RecordDecoder {
    /// The largest `index`, `start`, `end` or `ms` accepted (what a JSON reader holds exactly
    /// as a double, and far beyond any article).
    public static let largestInteger = (1 << 53) - 1

    /// Decodes one line (without its newline).
    ///
    /// - Parameters:
    ///   - line: the bytes of the line.
    ///   - journal: the annotator whose journal holds the line; a record naming someone else is
    ///     refused. Nil skips that check (a line read on its own).
    /// - Returns: the record, or the problem that makes the line no record.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, journal: String? = nil) -> Result<
        DecodedRecord, RecordProblem
    > {
        switch UTF8Validation.check(line, rejectingControls: true) {
        case .valid: break
        case .invalidUTF8(let offset): return .failure(.invalidUTF8(byteOffset: offset))
        case .controlCharacter(let offset): return .failure(.controlCharacter(byteOffset: offset))
        }
        var fields = Fields()
        var problem: RecordProblem?
        do {
            try JSONObjectScanner.scan(line) { (member) throws(JSONObjectScanner.Failure) in
                do throws(RecordProblem) {
                    try fields.take(member, line)
                } catch {
                    problem = error
                    throw .malformed(offset: member.value.lowerBound)
                }
            }
        } catch {
            return .failure(problem ?? .structure(error))
        }
        return fields.finish(line, journal: journal)
    }

    /// The members seen so far, checked one at a time.
    private struct Fields {
        var seen: UInt32 = 0
        var id: SentenceID?
        var doc: DecodedRecord.Field?
        var index: Int?
        var start: Int?
        var end: Int?
        var text: DecodedRecord.Field?
        var label: DecodedRecord.Field??
        var annotator: DecodedRecord.Field?
        var time: Timestamp?
        var note: DecodedRecord.Field?
        var flag: Bool?
        var suggested: DecodedRecord.Field?
        var ms: Int?
        var session: DecodedRecord.Field?
        var adjudicated = false
        var votes: Range<Int>?
        var undo = false
        var run = false
        var extra: [JSONObjectScanner.Member] = []

        /// Bits of `seen`, one per known key.
        enum Key: Int, CaseIterable {
            case id, doc, index, start, end, text, label, annotator, time
            case note, flag, suggested, ms, session, adjudicated, votes, undo, run

            var name: String { "\(self)" }
            static let required: UInt32 = (1 << 9) - 1
        }

        mutating func mark(_ key: Key) throws(RecordProblem) {
            let bit: UInt32 = 1 << UInt32(key.rawValue)
            if seen & bit != 0 { throw .duplicateKey(key.name) }
            seen |= bit
        }

        /// Which known key a member has, from its bytes (keys sentag writes are plain ASCII).
        static func key(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Key? {
            typealias S = JSONObjectScanner
            switch range.count {
            case 2: return S.key(line, range, is: "id") ? .id : (S.key(line, range, is: "ms") ? .ms : nil)
            case 3:
                if S.key(line, range, is: "doc") { return .doc }
                if S.key(line, range, is: "end") { return .end }
                if S.key(line, range, is: "run") { return .run }
                return nil
            case 4:
                if S.key(line, range, is: "text") { return .text }
                if S.key(line, range, is: "time") { return .time }
                if S.key(line, range, is: "note") { return .note }
                if S.key(line, range, is: "flag") { return .flag }
                if S.key(line, range, is: "undo") { return .undo }
                return nil
            case 5:
                if S.key(line, range, is: "index") { return .index }
                if S.key(line, range, is: "start") { return .start }
                if S.key(line, range, is: "label") { return .label }
                if S.key(line, range, is: "votes") { return .votes }
                return nil
            case 7: return S.key(line, range, is: "session") ? .session : nil
            case 9:
                if S.key(line, range, is: "annotator") { return .annotator }
                if S.key(line, range, is: "suggested") { return .suggested }
                return nil
            case 11: return S.key(line, range, is: "adjudicated") ? .adjudicated : nil
            default: return nil
            }
        }

        mutating func take(_ member: JSONObjectScanner.Member, _ line: UnsafeBufferPointer<UInt8>) throws(RecordProblem)
        {
            guard let key = Self.key(line, member.key) else {
                extra.append(member)
                return
            }
            try mark(key)
            switch key {
            case .id:
                let field = try Self.string(member, line, key)
                guard !field.hasEscapes, let parsed = SentenceID(utf8: UnsafeBufferPointer(rebasing: line[field.range]))
                else { throw .badID(DecodedRecord.string(field, in: line)) }
                id = parsed
            case .doc:
                let field = try Self.string(member, line, key)
                if field.range.isEmpty { throw .wrongType(key: "doc", expected: "a document id (it is empty)") }
                doc = field
            case .index: index = try Self.integer(member, line, key)
            case .start: start = try Self.integer(member, line, key)
            case .end: end = try Self.integer(member, line, key)
            case .text: text = try Self.string(member, line, key)
            case .label:
                label = member.kind == .null ? .some(nil) : .some(try Self.labelName(member, line, key))
            case .annotator:
                let field = try Self.string(member, line, key)
                guard DecodedRecord.withBytes(field, in: line, AnnotatorName.isValid(utf8:)) else {
                    throw .badAnnotator(DecodedRecord.string(field, in: line))
                }
                annotator = field
            case .time:
                let field = try Self.string(member, line, key)
                let raw = UnsafeBufferPointer(rebasing: line[field.range])
                let parsed = field.hasEscapes ? Timestamp(DecodedRecord.string(field, in: line)) : Timestamp(utf8: raw)
                guard let parsed else { throw .badTime(DecodedRecord.string(field, in: line)) }
                time = parsed
            case .note: note = member.kind == .null ? nil : try Self.string(member, line, key)
            case .flag: flag = try Self.boolean(member, key)
            case .suggested: suggested = member.kind == .null ? nil : try Self.labelName(member, line, key)
            case .ms: ms = member.kind == .null ? nil : try Self.integer(member, line, key)
            case .session: session = member.kind == .null ? nil : try Self.string(member, line, key)
            case .adjudicated: adjudicated = try Self.boolean(member, key) ?? false
            case .votes:
                if member.kind != .null { votes = try Self.votes(member, line) }
            case .undo: undo = try Self.boolean(member, key) ?? false
            case .run: run = try Self.boolean(member, key) ?? false
            }
        }

        func finish(_ line: UnsafeBufferPointer<UInt8>, journal: String?) -> Result<DecodedRecord, RecordProblem> {
            if seen & Key.required != Key.required {
                let missing = Key.allCases.first { seen & (1 << UInt32($0.rawValue)) == 0 }
                return .failure(.missingKey(missing?.name ?? "?"))
            }
            guard let id, let doc, let index, let start, let end, let text, let label, let annotator, let time else {
                return .failure(.missingKey("id"))
            }
            if start > end { return .failure(.startAfterEnd(start: start, end: end)) }
            if let journal {
                var expected = journal
                let same = expected.withUTF8 { journalBytes in
                    DecodedRecord.withBytes(annotator, in: line) { found in
                        found.count == journalBytes.count && found.elementsEqual(journalBytes)
                    }
                }
                if !same {
                    return .failure(
                        .foreignAnnotator(found: DecodedRecord.string(annotator, in: line), journal: journal))
                }
            }
            return .success(
                DecodedRecord(
                    id: id, doc: doc, index: index, start: start, end: end, text: text, label: label,
                    annotator: annotator, time: time, note: note, flag: flag, suggested: suggested, ms: ms,
                    session: session, adjudicated: adjudicated, votes: votes, undo: undo, run: run, extra: extra))
        }

        static func string(_ member: JSONObjectScanner.Member, _ line: UnsafeBufferPointer<UInt8>, _ key: Key)
            throws(RecordProblem) -> DecodedRecord.Field
        {
            guard case .string(let escapes) = member.kind else { throw .wrongType(key: key.name, expected: "a string") }
            let field = DecodedRecord.Field(range: member.value, hasEscapes: escapes)
            // Escapes are checked here (bad escapes, lone surrogates), so later decoding cannot fail.
            if escapes
                && JSONStringScanner.decode(UnsafeBufferPointer(rebasing: line[member.value]), hasEscapes: true)
                    == nil
            {
                throw .wrongType(key: key.name, expected: "a valid string")
            }
            return field
        }

        static func labelName(_ member: JSONObjectScanner.Member, _ line: UnsafeBufferPointer<UInt8>, _ key: Key)
            throws(RecordProblem) -> DecodedRecord.Field
        {
            let field = try string(member, line, key)
            let valid = DecodedRecord.withBytes(field, in: line) { LabelSet.isValidName(utf8: $0) }
            if !valid { throw .badLabel(key: key.name, value: DecodedRecord.string(field, in: line)) }
            return field
        }

        static func integer(_ member: JSONObjectScanner.Member, _ line: UnsafeBufferPointer<UInt8>, _ key: Key)
            throws(RecordProblem) -> Int
        {
            guard member.kind == .number else { throw .wrongType(key: key.name, expected: "an integer") }
            guard let value = JSONObjectScanner.integer(line, member.value), value >= 0, value <= largestInteger else {
                let raw = String(decoding: UnsafeBufferPointer(rebasing: line[member.value]), as: UTF8.self)
                throw .outOfRange(key: key.name, value: raw, allowed: "a whole number from 0 to \(largestInteger)")
            }
            return value
        }

        static func boolean(_ member: JSONObjectScanner.Member, _ key: Key) throws(RecordProblem) -> Bool? {
            switch member.kind {
            case .true: return true
            case .false: return false
            case .null: return nil
            default: throw .wrongType(key: key.name, expected: "true or false")
            }
        }

        static func votes(_ member: JSONObjectScanner.Member, _ line: UnsafeBufferPointer<UInt8>)
            throws(RecordProblem) -> Range<Int>
        {
            let expected = "an object of annotator names to labels"
            guard member.kind == .object else { throw .wrongType(key: "votes", expected: expected) }
            let object = UnsafeBufferPointer(rebasing: line[member.value])
            var valid = true
            do {
                try JSONObjectScanner.scan(object) { (vote) throws(JSONObjectScanner.Failure) in
                    guard case .string(let escapes) = vote.kind,
                        let name = JSONStringScanner.decode(
                            UnsafeBufferPointer(rebasing: object[vote.key]), hasEscapes: true),
                        AnnotatorName.isValid(name),
                        let label = JSONStringScanner.decode(
                            UnsafeBufferPointer(rebasing: object[vote.value]), hasEscapes: escapes),
                        LabelSet.isValidName(label)
                    else {
                        valid = false
                        throw .malformed(offset: vote.value.lowerBound)
                    }
                }
            } catch {
                valid = false
            }
            if !valid { throw .wrongType(key: "votes", expected: expected) }
            return member.value
        }
    }
}
