/// Why a journal line is not a record: the one verdict every command gives the line.
///
/// Made by `RecordDecoder`; the line is reported as a warning with its position and skipped,
/// never fatal and never rewritten.
public enum RecordProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case structure(JSONObjectScanner.Failure)
    case invalidUTF8(byteOffset: Int)
    case controlCharacter(byteOffset: Int)
    case missingKey(String)
    case duplicateKey(String)
    case wrongType(key: String, expected: String)
    case outOfRange(key: String, value: String, allowed: String)
    case badID(String)
    case badTime(String)
    case badLabel(key: String, value: String)
    case badAnnotator(String)
    /// The record names another annotator than the journal it is in.
    case foreignAnnotator(found: String, journal: String)
    case startAfterEnd(start: Int, end: Int)

    public var description: String {
        switch self {
        case .structure(let failure): failure.reason
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset + 1)"
        case .controlCharacter(let offset): "a raw control character at byte \(offset + 1)"
        case .missingKey(let key): "no \"\(key)\" key"
        case .duplicateKey(let key): "\"\(key)\" appears twice"
        case .wrongType(let key, let expected): "\"\(key)\" is not \(expected)"
        case .outOfRange(let key, let value, let allowed): "\"\(key)\" is \(value); it must be \(allowed)"
        case .badID(let raw): "\"id\" '\(raw)' is not 16 hex digits"
        case .badTime(let raw): "\"time\" '\(raw)' is not an ISO 8601 UTC time"
        case .badLabel(let key, let value):
            "\"\(key)\" '\(value)' is not a label name (lowercase letters, digits, '_' or '-', starting with a letter)"
        case .badAnnotator(let value): "\"annotator\" '\(value)' is not a valid annotator name"
        case .foreignAnnotator(let found, let journal):
            "the record is by '\(found)', but this is the journal of '\(journal)'"
        case .startAfterEnd(let start, let end): "\"start\" (\(start)) is after \"end\" (\(end))"
        }
    }
}
