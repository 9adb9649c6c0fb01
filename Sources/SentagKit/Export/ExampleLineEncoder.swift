/// Turns examples into the lines of one export format.
///
/// | format | a line |
/// | --- | --- |
/// | jsonl | `{"id","doc","index","text","label","label_id","split","votes":{annotator: label},"agreement","adjudicated"}` |
/// | spacy | `{"text","cats":{label: 1.0 or 0.0 for every exported label},"meta":{"id","doc","index","split","label_id"}}` |
/// | fasttext | `__label__claim the text, white space runs folded to one space` |
/// | csv | `id,doc,index,text,label,label_id,split,votes,agreement` (RFC 4180, CRLF; `votes` as JSON) |
/// | prodigy | `{"text","meta":{…,"label_id"},"_input_hash","_task_hash","options","accept":[label],"answer":"accept","_view_id":"choice"}` |
///
/// `label_id` is the label's position in `labels` (the manifest's `labels`, which the dataset
/// card declares as a `ClassLabel`), so ids are the same in every split whichever labels a split
/// happens to hold. fastText's line has no place for it: its `__label__` is the name.
///
/// With `soft`, JSON lines get `"soft": {label: share of votes}` and CSV rows a `soft_<label>`
/// column per label (see `ExportExample.distribution(over:)`). `agreement` is the share of votes
/// that agree with the label (`null`, or an empty CSV cell, when there are no votes).
///
/// Prodigy's hashes are 32-bit signed integers derived from the sentence id: `_input_hash` from
/// its high 32 bits, `_task_hash` from its low 32 bits (the task is the same for every line).
public struct ExampleLineEncoder {
    public let format: ExportFormat
    /// The exported labels in label-set order (dropped labels removed).
    public let labels: [String]
    public let soft: Bool
    private var writer = JSONWriter(capacity: 1024)
    /// The Prodigy `options` array, encoded once.
    private let optionsJSON: [UInt8]
    /// The position of each exported label.
    private let labelIDs: [String: Int]

    public init(format: ExportFormat, labels: [String], soft: Bool) {
        self.format = format
        self.labels = labels
        self.soft = soft && format.carriesDistribution
        labelIDs = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var options = JSONWriter()
        options.beginArray()
        for label in labels {
            options.beginObject()
            options.field("id", label)
            options.field("text", label)
            options.endObject()
        }
        options.endArray()
        optionsJSON = options.bytes
    }

    /// The first line of the file, if the format has one (the CSV header).
    public var header: [UInt8] {
        guard format == .csv else { return [] }
        var columns = ["id", "doc", "index", "text", "label", "label_id", "split", "votes", "agreement"]
        if soft { columns += labels.map { "soft_" + $0 } }
        return Array((columns.joined(separator: ",") + "\r\n").utf8)
    }

    /// Appends the example's line, line end included.
    public mutating func append(_ example: ExportExample, to out: inout [UInt8]) {
        switch format {
        case .jsonl: appendJSONL(example, to: &out)
        case .spacy: appendSpaCy(example, to: &out)
        case .fasttext: appendFastText(example, to: &out)
        case .csv: appendCSV(example, to: &out)
        case .prodigy: appendProdigy(example, to: &out)
        }
    }

    private mutating func appendJSONL(_ example: ExportExample, to out: inout [UInt8]) {
        writer.removeAll()
        writer.beginObject()
        writer.field("id", example.id.description)
        writer.field("doc", example.doc)
        writer.field("index", example.index)
        writer.field("text", example.text)
        writer.field("label", example.label)
        writer.field("label_id", labelID(example))
        writer.field("split", example.split.name)
        writer.key("votes")
        writeVotes(example)
        writer.field("agreement", example.agreement)
        writer.field("adjudicated", example.adjudicated)
        writeSoft(example)
        writer.endObject()
        out.append(contentsOf: writer.bytes)
        out.append(0x0A)
    }

    private mutating func appendSpaCy(_ example: ExportExample, to out: inout [UInt8]) {
        writer.removeAll()
        writer.beginObject()
        writer.field("text", example.text)
        writer.key("cats")
        writer.beginObject()
        for label in labels {
            writer.key(label)
            writer.raw((label == example.label ? "1.0" : "0.0").utf8)
        }
        writer.endObject()
        writer.key("meta")
        writeMeta(example)
        writeSoft(example)
        writer.endObject()
        out.append(contentsOf: writer.bytes)
        out.append(0x0A)
    }

    private mutating func appendProdigy(_ example: ExportExample, to out: inout [UInt8]) {
        writer.removeAll()
        writer.beginObject()
        writer.field("text", example.text)
        writer.key("meta")
        writeMeta(example)
        writer.field("_input_hash", Int(Self.inputHash(example.id)))
        writer.field("_task_hash", Int(Self.taskHash(example.id)))
        writer.key("options")
        writer.raw(optionsJSON)
        writer.key("accept")
        writer.beginArray()
        writer.string(example.label)
        writer.endArray()
        writer.field("answer", "accept")
        writer.field("_view_id", "choice")
        writeSoft(example)
        writer.endObject()
        out.append(contentsOf: writer.bytes)
        out.append(0x0A)
    }

    /// Prodigy's `_input_hash`: the id's high 32 bits as a signed integer.
    public static func inputHash(_ id: SentenceID) -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: id.rawValue >> 32))
    }

    /// Prodigy's `_task_hash`: the id's low 32 bits as a signed integer.
    public static func taskHash(_ id: SentenceID) -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: id.rawValue))
    }

    private mutating func appendFastText(_ example: ExportExample, to out: inout [UInt8]) {
        out.append(contentsOf: "__label__".utf8)
        out.append(contentsOf: example.label.utf8)
        out.append(0x20)
        Self.appendOneLine(example.text, to: &out)
        out.append(0x0A)
    }

    /// The text with every run of white space (line breaks, tabs, no-break and other Unicode
    /// spaces) folded to one space and none at either end.
    static func appendOneLine(_ text: String, to out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            var previousSpace = true
            for byte in bytes {
                if byte < 0x20 || byte >= 0x80 { return false }
                let space = byte == 0x20
                if space && previousSpace { return false }
                previousSpace = space
            }
            return !previousSpace || bytes.isEmpty
        }
        if plain {
            out.append(contentsOf: text.utf8)
            return
        }
        var pendingSpace = false
        var wroteAny = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(contentsOf: scalar.utf8)
            wroteAny = true
        }
    }

    private mutating func appendCSV(_ example: ExportExample, to out: inout [UInt8]) {
        Self.appendCSVField(example.id.description, to: &out)
        out.append(UInt8(ascii: ","))
        Self.appendCSVField(example.doc, to: &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: String(example.index).utf8)
        out.append(UInt8(ascii: ","))
        Self.appendCSVField(example.text, to: &out)
        out.append(UInt8(ascii: ","))
        Self.appendCSVField(example.label, to: &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: String(labelID(example)).utf8)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: example.split.name.utf8)
        out.append(UInt8(ascii: ","))
        writer.removeAll()
        writeVotes(example)
        Self.appendCSVField(String(decoding: writer.bytes, as: UTF8.self), to: &out)
        out.append(UInt8(ascii: ","))
        if let agreement = example.agreement { appendNumber(agreement, to: &out) }
        if soft {
            for share in example.distribution(over: labels) {
                out.append(UInt8(ascii: ","))
                appendNumber(share, to: &out)
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// A field, quoted (with `"` doubled) when it holds a comma, a quote, CR or LF (RFC 4180).
    static func appendCSVField(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { return out.append(contentsOf: bytes) }
            out.append(0x22)
            for byte in bytes {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }

    private mutating func appendNumber(_ value: Double, to out: inout [UInt8]) {
        var number = JSONWriter(capacity: 24)
        number.double(value)
        out.append(contentsOf: number.bytes)
    }

    private mutating func writeVotes(_ example: ExportExample) {
        writer.beginObject()
        for vote in example.votes { writer.field(vote.annotator, vote.label) }
        writer.endObject()
    }

    private mutating func writeMeta(_ example: ExportExample) {
        writer.beginObject()
        writer.field("id", example.id.description)
        writer.field("doc", example.doc)
        writer.field("index", example.index)
        writer.field("split", example.split.name)
        writer.field("label_id", labelID(example))
        writer.endObject()
    }

    /// The example's label as its position in `labels`.
    private func labelID(_ example: ExportExample) -> Int {
        guard let id = labelIDs[example.label] else { preconditionFailure("'\(example.label)' is not exported") }
        return id
    }

    private mutating func writeSoft(_ example: ExportExample) {
        guard soft else { return }
        writer.key("soft")
        writer.beginObject()
        for (label, share) in zip(labels, example.distribution(over: labels)) {
            writer.field(label, share)
        }
        writer.endObject()
    }
}
