/// `plan.json`: written deterministically (fixed key order, one document, gold item or move per
/// line, so a plan diffs well in git) and read strictly (every value checked, with its key in
/// the message).
extension Plan {
    /// The file's bytes.
    public var jsonBytes: [UInt8] {
        var out: [UInt8] = []
        func line(_ text: String) { out += Array(text.utf8) + [0x0A] }
        func json(_ body: (inout JSONWriter) -> Void) -> String {
            var writer = JSONWriter()
            body(&writer)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        func strings(_ values: [String]) -> String {
            json { writer in
                writer.beginArray()
                for value in values { writer.string(value) }
                writer.endArray()
            }
        }
        line("{")
        line("  \"sentag_plan\": \(Self.format),")
        line("  \"annotators\": \(strings(annotators)),")
        line("  \"k\": \(k),")
        line("  \"overlap\": \(json { $0.double(overlap) }),")
        line("  \"seed\": \(seed),")
        line("  \"unit\": \(unitLimit),")
        line("  \"sources\": \(strings(sources)),")
        line(
            "  \"corpus\": {\"documents\": \(corpus.documents), \"sentences\": \(corpus.sentences), \"hash\": \"\(CorpusHash.hex(corpus.hash))\"},"
        )
        if let gold {
            line(
                "  \"gold\": {\"file\": \(json { $0.string(gold.file) }), \"rate\": \(json { $0.double(gold.rate) }), \"items\": ["
            )
            for (i, item) in gold.items.enumerated() {
                let entry = json { writer in
                    writer.beginObject()
                    writer.field("id", item.id.description)
                    writer.field("label", item.label)
                    writer.field("doc", item.doc)
                    writer.field("index", item.index)
                    writer.endObject()
                }
                line("    " + entry + (i + 1 < gold.items.count ? "," : ""))
            }
            line("  ]},")
        } else {
            line("  \"gold\": null,")
        }
        line("  \"history\": [")
        for (e, event) in history.enumerated() {
            let last = e + 1 == history.count
            switch event {
            case .planned(let names, let documents):
                line("    {\"event\": \"plan\", \"annotators\": \(strings(names)), \"documents\": [")
                Self.writeDocuments(documents, line: line, json: json)
                line("    ]}" + (last ? "" : ","))
            case .extended(let documents, let removed):
                line("    {\"event\": \"extend\", \"removed\": \(strings(removed)), \"documents\": [")
                Self.writeDocuments(documents, line: line, json: json)
                line("    ]}" + (last ? "" : ","))
            case .rebalanced(let absent, let moves):
                line("    {\"event\": \"rebalance\", \"absent\": \(strings(absent)), \"moves\": [")
                Self.writeMoves(moves, line: line, json: json)
                line("    ]}" + (last ? "" : ","))
            case .added(let names, let moves):
                line("    {\"event\": \"add\", \"annotators\": \(strings(names)), \"moves\": [")
                Self.writeMoves(moves, line: line, json: json)
                line("    ]}" + (last ? "" : ","))
            }
        }
        line("  ]")
        line("}")
        return out
    }

    private static func writeDocuments(
        _ documents: [PlannedDocument], line: (String) -> Void, json: ((inout JSONWriter) -> Void) -> String
    ) {
        for (i, document) in documents.enumerated() {
            let entry = json { writer in
                writer.beginArray()
                writer.string(document.id)
                writer.int(document.sentences)
                writer.string(CorpusHash.hex(document.hash))
                writer.endArray()
            }
            line("      " + entry + (i + 1 < documents.count ? "," : ""))
        }
    }

    private static func writeMoves(
        _ moves: [UnitMove], line: (String) -> Void, json: ((inout JSONWriter) -> Void) -> String
    ) {
        for (i, move) in moves.enumerated() {
            let entry = json { writer in
                writer.beginObject()
                writer.field("doc", move.doc)
                writer.field("start", move.start)
                writer.field("from", move.from)
                writer.field("to", move.to)
                if !move.keep.isEmpty {
                    writer.key("keep")
                    writer.beginArray()
                    for id in move.keep { writer.string(id.description) }
                    writer.endArray()
                }
                writer.endObject()
            }
            line("      " + entry + (i + 1 < moves.count ? "," : ""))
        }
    }

    /// Reads `plan.json`; `location` names it in errors.
    public init(jsonBytes bytes: [UInt8], location: String) throws(PlanError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            let conflict =
                bytes.starts(with: Array("<<<<<<<".utf8))
                || String(decoding: bytes, as: UTF8.self).contains("\n<<<<<<< ")
            throw .unreadablePlan(location: location, reason: conflict ? "it holds git conflict markers" : "\(error)")
        }
        let reader = PlanFieldReader(location: location)
        guard value.isObject else { throw reader.failure("it is \(value.kindDescription), not an object") }
        guard let format = value["sentag_plan"]?.intValue else {
            throw reader.failure("\"sentag_plan\" (the format number) is missing")
        }
        if format > Self.format { throw .newerFormat(location: location, format: format) }
        guard format == Self.format else { throw reader.failure("format \(format) is unknown") }
        let annotators = try reader.names(value["annotators"], key: "annotators")
        let k = try reader.integer(value["k"], key: "k", from: 1)
        guard let overlap = reader.number(value["overlap"]), (0...1).contains(overlap) else {
            throw reader.failure("\"overlap\" must be a number from 0 to 1")
        }
        let seed = try reader.integer(value["seed"], key: "seed", from: 0)
        let unit = try reader.integer(value["unit"], key: "unit", from: 1)
        let sources = try reader.strings(value["sources"], key: "sources")
        guard let corpus = value["corpus"], corpus.isObject else { throw reader.failure("\"corpus\" is missing") }
        let summary = CorpusSummary(
            documents: try reader.integer(corpus["documents"], key: "corpus.documents", from: 0),
            sentences: try reader.integer(corpus["sentences"], key: "corpus.sentences", from: 0),
            hash: try reader.hash(corpus["hash"], key: "corpus.hash"))
        var gold: GoldSet?
        if let object = value["gold"], object != .null {
            guard let rate = reader.number(object["rate"]), rate >= 0, rate < 1 else {
                throw reader.failure("\"gold.rate\" must be a number from 0 up to (not including) 1")
            }
            guard let list = object["items"]?.arrayValue else {
                throw reader.failure("\"gold.items\" must be an array")
            }
            var items: [GoldSet.Item] = []
            // Sentences taken as gold, by document: a place twice would count twice against the
            // sentences of a unit when the history is replayed.
            var places: [String: Set<Int>] = [:]
            for (i, entry) in list.enumerated() {
                let key = "gold.items[\(i)]"
                guard let id = entry["id"]?.stringValue.flatMap({ SentenceID($0) }) else {
                    throw reader.failure("\"\(key).id\" must be 16 hex digits")
                }
                guard let label = entry["label"]?.stringValue, LabelSet.isValidName(label) else {
                    throw reader.failure("\"\(key).label\" must be a label name")
                }
                guard let doc = entry["doc"]?.stringValue else {
                    throw reader.failure("\"\(key).doc\" must be a string")
                }
                let index = try reader.integer(entry["index"], key: "\(key).index", from: 0)
                guard places[doc, default: []].insert(index).inserted else {
                    throw reader.failure("\"\(key)\" is sentence \(index) of '\(doc)' again; gold items are distinct")
                }
                items.append(GoldSet.Item(id: id, label: label, doc: doc, index: index))
            }
            gold = GoldSet(rate: rate, file: object["file"]?.stringValue ?? "", items: items)
        }
        guard let events = value["history"]?.arrayValue, !events.isEmpty else {
            throw reader.failure("\"history\" must be a list of steps, starting with the plan")
        }
        var history: [PlanEvent] = []
        for (i, event) in events.enumerated() {
            let key = "history[\(i)]"
            switch event["event"]?.stringValue {
            case "plan"?:
                history.append(
                    .planned(
                        annotators: try reader.names(event["annotators"], key: "\(key).annotators"),
                        documents: try reader.documents(event["documents"], key: "\(key).documents")))
            case "extend"?:
                history.append(
                    .extended(
                        documents: try reader.documents(event["documents"], key: "\(key).documents"),
                        removed: try reader.strings(event["removed"], key: "\(key).removed")))
            case "rebalance"?:
                history.append(
                    .rebalanced(
                        absent: try reader.names(event["absent"], key: "\(key).absent"),
                        moves: try reader.moves(event["moves"], key: "\(key).moves")))
            case "add"?:
                history.append(
                    .added(
                        annotators: try reader.names(event["annotators"], key: "\(key).annotators"),
                        moves: try reader.moves(event["moves"], key: "\(key).moves")))
            default:
                throw reader.failure("\"\(key).event\" must be plan, extend, rebalance or add")
            }
            if i == 0, history[0].name != "plan" { throw reader.failure("the history must start with the plan") }
            if i > 0, history[i].name == "plan" { throw reader.failure("\(key) is a second plan step") }
        }
        self.init(
            annotators: annotators, k: k, overlap: overlap, seed: UInt64(seed), unitLimit: unit, sources: sources,
            corpus: summary, gold: gold, history: history)
        var roster = Set<String>()
        for event in history {
            switch event {
            case .planned(let names, _), .added(let names, _): roster.formUnion(names)
            case .rebalanced, .extended: break
            }
        }
        guard roster.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) == annotators else {
            throw reader.failure("\"annotators\" is not the roster its history names")
        }
        guard k <= annotators.count else {
            throw reader.failure("\"k\" is \(k), more than the \(annotators.count) annotators of the roster")
        }
    }
}
