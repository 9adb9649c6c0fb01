/// Words and word pairs that say something about a sentence's form, looked up by the hash the
/// featurizer already computed for them.
///
/// Generic news vocabulary, not the seeds': verbs of attribution, first- and second-person
/// pronouns, photo credits, calls to action and the words of links.
enum WordCues {
    enum Cue: UInt8 {
        case attribution, firstPerson, secondPerson, credit, callToAction, url
    }

    static let attributionWords = [
        "said", "says", "say", "told", "tells", "added", "adds", "explained", "explains", "claimed", "claims",
        "wrote", "writes", "tweeted", "warned", "warns", "stated", "states", "insisted", "insists", "reported",
        "announced", "noted", "asked", "replied", "admitted", "confirmed", "revealed", "continued", "commented",
        "declared", "urged", "argued", "recalled", "posted",
    ]
    static let attributionPairs = [("according", "to")]
    static let firstPersonWords = ["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"]
    static let secondPersonWords = ["you", "your", "yours", "yourself"]
    static let creditWords = [
        "photo", "photos", "photograph", "photographs", "pictured", "picture", "pictures", "getty", "afp", "epa",
        "shutterstock", "alamy", "credit", "credits", "caption", "photographer",
    ]
    static let creditPairs = [("still", "from"), ("file", "photo"), ("image", "source")]
    static let callToActionWords = [
        "subscribe", "subscribed", "newsletter", "newsletters", "advertisement", "unsubscribe", "cookies",
        "copyright", "sponsored", "signup", "login",
    ]
    static let callToActionPairs = [
        ("read", "more"), ("read", "full"), ("full", "article"), ("sign", "up"), ("click", "here"),
        ("contact", "us"), ("contact", "our"), ("follow", "us"), ("previous", "article"), ("next", "article"),
        ("share", "this"), ("email", "us"), ("emailing", "us"), ("write", "to"), ("check", "out"),
        ("more", "stories"), ("download", "the"), ("rights", "reserved"), ("topics", "of"), ("related", "articles"),
        ("related", "stories"), ("most", "read"), ("also", "read"), ("log", "in"), ("tap", "here"),
        ("a", "correction"), ("watch", "now"), ("our", "app"), ("listen", "to"),
    ]
    static let urlWords = ["http", "https", "www", "com", "html", "org"]

    /// Cue by hash (word hashes and pair hashes live in one table).
    private static let table: [UInt64: Cue] = {
        var table: [UInt64: Cue] = [:]
        func add(_ words: [String], _ cue: Cue) {
            for word in words { table[SentenceFeaturizer.wordHash(word)] = cue }
        }
        func add(_ pairs: [(String, String)], _ cue: Cue) {
            for (first, second) in pairs { table[SentenceFeaturizer.bigramHash(first, second)] = cue }
        }
        add(attributionWords, .attribution)
        add(attributionPairs, .attribution)
        add(firstPersonWords, .firstPerson)
        add(secondPersonWords, .secondPerson)
        add(creditWords, .credit)
        add(creditPairs, .credit)
        add(callToActionWords, .callToAction)
        add(callToActionPairs, .callToAction)
        add(urlWords, .url)
        return table
    }()

    /// A 4096-bit filter of the table's hashes: most words miss it and skip the dictionary.
    private static let filter: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 64)
        for hash in table.keys {
            let bit = Int(hash >> 52)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return bits
    }()

    @inline(__always)
    static func cue(_ hash: UInt64) -> Cue? {
        let bit = Int(hash >> 52)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return table[hash]
    }
}
