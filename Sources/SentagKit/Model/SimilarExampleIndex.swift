/// The labeled sentences most similar to a given one (`:similar` shows three), fast enough to
/// ask on every keystroke.
///
/// Similarity is the cosine of binary vectors of hashed word unigrams and bigrams (the
/// featurizer's word block, without layout features, which every sentence shares). An inverted
/// index maps each feature to the items that have it; a query walks the lists of its own
/// features and counts overlaps. Features held by more than `commonShare` of the items, and by
/// more than `alwaysWalked` of them (`the`, `of the`), are skipped in the walk, since their lists
/// are long and say little; norms still count them, so similarities are a slight underestimate
/// when such words are shared. Items are added one at a time (a new label is one `add`).
public struct SimilarExampleIndex: Sendable {
    public var commonShare: Double
    /// Lists this short are always walked, however common their feature: in a small index
    /// (a few hundred labeled sentences) every shared word counts, and walking them costs
    /// microseconds.
    public var alwaysWalked: Int = 1000
    private let featurizer: SentenceFeaturizer
    private var postings: [[Int32]]
    private var items: [Int] = []
    private var featureCounts: [Int32] = []
    private var scores: [Int32] = []
    private var touched: [Int32] = []

    public init(bucketBits: Int = 18, commonShare: Double = 0.05) {
        featurizer = SentenceFeaturizer(
            configuration: .init(bucketBits: bucketBits, characterNGramSizes: [], layoutFeatures: false))
        postings = Array(repeating: [], count: featurizer.dimension)
        self.commonShare = commonShare
    }

    /// How many sentences are indexed.
    public var count: Int { items.count }

    /// The distinct word features of a sentence.
    private func features(_ sentence: ModelSentence) -> [UInt32] {
        var indices = featurizer.features(of: sentence).indices
        indices.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(indices.count)
        for index in indices where unique.last != index { unique.append(index) }
        return unique
    }

    /// Adds a labeled sentence under an identifier of the caller's (a corpus position, a row).
    public mutating func add(_ sentence: ModelSentence, item: Int) {
        let slot = Int32(items.count)
        let distinct = features(sentence)
        for feature in distinct { postings[Int(feature)].append(slot) }
        items.append(item)
        featureCounts.append(Int32(distinct.count))
        scores.append(0)
    }

    /// The `k` most similar indexed sentences, most similar first (ties: earlier added first);
    /// `excluding` leaves out an item (the query itself, when it is indexed).
    ///
    /// Mutating only because it reuses one scratch buffer of counts from query to query.
    public mutating func mostSimilar(to sentence: ModelSentence, k: Int = 3, excluding: Int? = nil) -> [SimilarExample]
    {
        let query = features(sentence)
        guard !query.isEmpty, k > 0 else { return [] }
        let limit = max(alwaysWalked, Int(commonShare * Double(items.count)))
        touched.removeAll(keepingCapacity: true)
        for feature in query {
            let list = postings[Int(feature)]
            if list.count > limit { continue }
            for slot in list {
                if scores[Int(slot)] == 0 { touched.append(slot) }
                scores[Int(slot)] += 1
            }
        }
        var best: [(similarity: Double, slot: Int32)] = []
        let queryNorm = Double(query.count).squareRoot()
        for slot in touched {
            let shared = Double(scores[Int(slot)])
            scores[Int(slot)] = 0
            if let excluding, items[Int(slot)] == excluding { continue }
            let similarity = shared / (queryNorm * Double(featureCounts[Int(slot)]).squareRoot())
            if best.count < k {
                best.append((similarity, slot))
                best.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.slot < $1.slot }
            } else if similarity > best[k - 1].similarity
                || (similarity == best[k - 1].similarity && slot < best[k - 1].slot)
            {
                best[k - 1] = (similarity, slot)
                best.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.slot < $1.slot }
            }
        }
        return best.map { SimilarExample(item: items[Int($0.slot)], similarity: $0.similarity) }
    }
}
