/// Reads the values of `plan.json`, naming the key in every failure.
struct PlanFieldReader {
    let location: String

    func failure(_ reason: String) -> PlanError { .unreadablePlan(location: location, reason: reason) }

    func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value, number.isFinite { return number }
        return nil
    }

    func integer(_ value: JSONValue?, key: String, from lowest: Int) throws(PlanError) -> Int {
        guard let number = value?.intValue, number >= lowest else {
            throw failure("\"\(key)\" must be a whole number from \(lowest)")
        }
        return number
    }

    func strings(_ value: JSONValue?, key: String) throws(PlanError) -> [String] {
        guard let items = value?.arrayValue else { throw failure("\"\(key)\" must be a list of strings") }
        var strings: [String] = []
        for item in items {
            guard let string = item.stringValue else { throw failure("\"\(key)\" must be a list of strings") }
            strings.append(string)
        }
        return strings
    }

    func names(_ value: JSONValue?, key: String) throws(PlanError) -> [String] {
        let names = try strings(value, key: key)
        for name in names where !AnnotatorName.isValid(name) {
            throw failure("\"\(key)\" holds '\(name)', which is not an annotator name")
        }
        return names
    }

    func hash(_ value: JSONValue?, key: String) throws(PlanError) -> UInt64 {
        guard let text = value?.stringValue, let hash = CorpusHash.parse(text) else {
            throw failure("\"\(key)\" must be 16 hex digits")
        }
        return hash
    }

    func documents(_ value: JSONValue?, key: String) throws(PlanError) -> [PlannedDocument] {
        guard let items = value?.arrayValue else { throw failure("\"\(key)\" must be a list") }
        var documents: [PlannedDocument] = []
        documents.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard let parts = item.arrayValue, parts.count == 3, let id = parts[0].stringValue,
                let sentences = parts[1].intValue, (0...Int(Int32.max)).contains(sentences),
                let text = parts[2].stringValue,
                let hash = CorpusHash.parse(text)
            else { throw failure("\"\(key)[\(i)]\" must be [document id, sentences, hash]") }
            documents.append(PlannedDocument(id: id, sentences: sentences, hash: hash))
        }
        return documents
    }

    func moves(_ value: JSONValue?, key: String) throws(PlanError) -> [UnitMove] {
        guard let items = value?.arrayValue else { throw failure("\"\(key)\" must be a list") }
        var moves: [UnitMove] = []
        for (i, item) in items.enumerated() {
            let at = "\(key)[\(i)]"
            guard let doc = item["doc"]?.stringValue else { throw failure("\"\(at).doc\" must be a string") }
            let start = try integer(item["start"], key: "\(at).start", from: 0)
            guard let from = item["from"]?.stringValue, AnnotatorName.isValid(from),
                let to = item["to"]?.stringValue, AnnotatorName.isValid(to)
            else { throw failure("\"\(at)\" needs \"from\" and \"to\" annotator names") }
            var keep: [SentenceID] = []
            if let list = item["keep"] {
                for id in try strings(list, key: "\(at).keep") {
                    guard let parsed = SentenceID(id) else {
                        throw failure("\"\(at).keep\" holds '\(id)', not a sentence id")
                    }
                    keep.append(parsed)
                }
            }
            moves.append(UnitMove(doc: doc, start: start, from: from, to: to, keep: keep))
        }
        return moves
    }
}
