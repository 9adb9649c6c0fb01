/// Turns a `ModelSentence` into a sparse `FeatureVector`: hashed word unigrams and bigrams,
/// hashed character n-grams, and the `LayoutFeature`s.
///
/// Everything is computed from bytes of the folded text (`TextFolding`) with the fixed
/// `FeatureHash`, so the same sentence gives the same vector on every machine. Digits read as `0`
/// in n-grams (`2,000` and `3,500` share their shape). Layout features have indices
/// `0..<LayoutFeature.allCases.count`; hashed features fall in the `2^bucketBits` buckets after
/// them. The word block and the character block are each scaled to unit length, so long
/// sentences do not drown the layout features.
public struct SentenceFeaturizer: Sendable {
    /// What the featurizer computes.
    public struct Configuration: Equatable, Sendable {
        /// log2 of the number of hashed buckets.
        public var bucketBits: Int
        public var wordUnigrams: Bool
        public var wordBigrams: Bool
        /// Character n-gram sizes (empty: none, the default: on the seeds and the held-out articles
        /// they measured no better than words and layout alone, at twice the featurizing time).
        public var characterNGramSizes: [Int]
        public var layoutFeatures: Bool
        /// The value of a layout feature that is on.
        public var layoutWeight: Float

        public init(
            bucketBits: Int = 18, wordUnigrams: Bool = true, wordBigrams: Bool = true,
            characterNGramSizes: [Int] = [], layoutFeatures: Bool = true, layoutWeight: Float = 1
        ) {
            precondition((8...26).contains(bucketBits), "bucketBits between 8 and 26")
            precondition(characterNGramSizes.allSatisfy { (1...8).contains($0) }, "n-gram sizes between 1 and 8")
            self.bucketBits = bucketBits
            self.wordUnigrams = wordUnigrams
            self.wordBigrams = wordBigrams
            self.characterNGramSizes = characterNGramSizes
            self.layoutFeatures = layoutFeatures
            self.layoutWeight = layoutWeight
        }
    }

    public let configuration: Configuration
    /// The number of feature indices: layout features, then the hashed buckets.
    public let dimension: Int

    private static let layoutCount = LayoutFeature.allCases.count
    private let bucketMask: UInt64
    private static let wordNamespace: UInt8 = 1
    private static let bigramNamespace: UInt8 = 2
    private static let characterNamespace: UInt8 = 3

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        bucketMask = (UInt64(1) << UInt64(configuration.bucketBits)) - 1
        dimension = Self.layoutCount + (1 << configuration.bucketBits)
    }

    /// The feature index of a layout feature.
    public static func index(of feature: LayoutFeature) -> UInt32 {
        UInt32(feature.rawValue)
    }

    /// The features of one sentence.
    public func features(of sentence: ModelSentence) -> FeatureVector {
        var vector = FeatureVector()
        var scratch = Scratch()
        appendFeatures(of: sentence, to: &vector, scratch: &scratch)
        return vector
    }

    /// Buffers reused from one sentence to the next (featurizing many sentences allocates nothing).
    public struct Scratch {
        var folded: [UInt8] = []
        var padded: [UInt8] = []
        var inside: [UInt8] = []
        var block: [UInt32] = []
        var layout: [Bool] = Array(repeating: false, count: LayoutFeature.allCases.count)
        public init() {}
    }

    /// Appends the features of `sentence` to `vector`.
    public func appendFeatures(of sentence: ModelSentence, to vector: inout FeatureVector, scratch: inout Scratch) {
        scratch.folded.removeAll(keepingCapacity: true)
        let caseCounts = TextFolding.fold(sentence.text, into: &scratch.folded)
        let count = scratch.folded.count
        if scratch.inside.count < count { scratch.inside = Array(repeating: 0, count: count * 2) }
        for i in scratch.layout.indices { scratch.layout[i] = false }
        var wordCount = 0
        var scan = QuotationScan()
        scratch.folded.withUnsafeBufferPointer { folded in
            scratch.inside.withUnsafeMutableBufferPointer { inside in
                scan = QuotationScan(
                    folded: folded, openAtStart: sentence.opensInsideQuotation, insideMask: inside.baseAddress)
                scratch.layout.withUnsafeMutableBufferPointer { layout in
                    let flags = LayoutFlags(layout)
                    scratch.block.removeAll(keepingCapacity: true)
                    wordCount = appendWordFeatures(
                        folded, inside: UnsafeBufferPointer(inside), flags: flags, to: &scratch.block)
                }
            }
        }
        Self.appendBlock(scratch.block, to: &vector)
        if !configuration.characterNGramSizes.isEmpty {
            scratch.block.removeAll(keepingCapacity: true)
            appendCharacterFeatures(scratch.folded, padded: &scratch.padded, to: &scratch.block)
            Self.appendBlock(scratch.block, to: &vector)
        }
        guard configuration.layoutFeatures else { return }
        scratch.layout.withUnsafeMutableBufferPointer { layout in
            let flags = LayoutFlags(layout)
            flags.setQuotation(scan, carried: sentence.opensInsideQuotation)
            scratch.folded.withUnsafeBufferPointer { flags.setPunctuation($0) }
            flags.setCase(caseCounts)
            flags.setLineAndLength(sentence, words: wordCount)
            flags.setPosition(sentence)
        }
        for (index, on) in scratch.layout.enumerated() where on {
            vector.append(UInt32(index), configuration.layoutWeight)
        }
    }

    /// Appends a block of hashed features, scaled to unit length (repeats counted as separate entries).
    private static func appendBlock(_ block: [UInt32], to vector: inout FeatureVector) {
        guard !block.isEmpty else { return }
        vector.indices.append(contentsOf: block)
        vector.values.append(contentsOf: repeatElement(1 / Float(block.count).squareRoot(), count: block.count))
    }

    @inline(__always)
    private func bucket(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: (hash & bucketMask) + UInt64(Self.layoutCount))
    }

    /// Appends word unigrams and bigrams (with `<s>`/`</s>` ends) and sets the word cues; returns the number of words.
    private func appendWordFeatures(
        _ bytes: UnsafeBufferPointer<UInt8>, inside: UnsafeBufferPointer<UInt8>, flags: LayoutFlags,
        to block: inout [UInt32]
    ) -> Int {
        var words = 0
        var previous = Self.sentenceBoundary
        var index = 0
        let count = bytes.count
        var previousByte: UInt8 = 0x20
        while index < count {
            let byte = bytes[index]
            guard TextFolding.isWordByte(byte) else {
                if byte == 0x40 {
                    if TextFolding.isWordByte(previousByte) {
                        flags[.email] = true
                    } else if index + 1 < count && TextFolding.isWordByte(bytes[index + 1]) {
                        flags[.handle] = true
                    }
                } else if byte == 0x7C {
                    flags[.hasPipeOrBullet] = true
                }
                previousByte = byte
                index += 1
                continue
            }
            var hash = FeatureHash(namespace: Self.wordNamespace)
            let start = index
            var digits = 0
            while index < count && TextFolding.isWordByte(bytes[index]) {
                var wordByte = bytes[index]
                if wordByte >= 0x30 && wordByte <= 0x39 {
                    digits += 1
                    wordByte = 0x30
                }
                hash.add(wordByte)
                index += 1
            }
            words += 1
            if digits > 0 {
                flags[.hasDigits] = true
                if index - start == 4 && digits == 4
                    && (bytes[start] == 0x31 && bytes[start + 1] == 0x39
                        || bytes[start] == 0x32 && bytes[start + 1] == 0x30)
                {
                    flags[.hasYear] = true
                }
            }
            let word = hash.value
            let quoted = inside[start] != 0
            if let cue = WordCues.cue(word) { flags.set(cue, quoted: quoted) }
            let bigram = Self.combine(previous, word)
            if let cue = WordCues.cue(bigram) { flags.set(cue, quoted: quoted) }
            if configuration.wordUnigrams { block.append(bucket(word)) }
            if configuration.wordBigrams { block.append(bucket(bigram)) }
            previous = word
            previousByte = bytes[index - 1]
        }
        if configuration.wordBigrams { block.append(bucket(Self.combine(previous, Self.sentenceBoundary))) }
        return words
    }

    /// Appends character n-grams of the text padded with a space at both ends (digits as `0`,
    /// quotation marks as `"` and `'`).
    private func appendCharacterFeatures(_ folded: [UInt8], padded: inout [UInt8], to block: inout [UInt32]) {
        padded.removeAll(keepingCapacity: true)
        padded.append(0x20)
        for byte in folded {
            let ascii = TextFolding.quotesAsASCII(byte)
            padded.append(ascii >= 0x31 && ascii <= 0x39 ? 0x30 : ascii)
        }
        padded.append(0x20)
        let count = padded.count
        padded.withUnsafeBufferPointer { bytes in
            for size in configuration.characterNGramSizes where size <= count {
                let namespace = Self.characterNamespace &+ UInt8(size)
                for start in 0...(count - size) {
                    var hash = FeatureHash(namespace: namespace)
                    for position in start..<(start + size) { hash.add(bytes[position]) }
                    block.append(bucket(hash.value))
                }
            }
        }
    }

    private static let sentenceBoundary = FeatureHash.of("<s>", namespace: wordNamespace)

    @inline(__always)
    static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        FeatureHash.finalise(first &* 0x9E37_79B9_7F4A_7C15 ^ second)
    }

    /// The hash of a word as `appendWordFeatures` computes it (for cue tables).
    static func wordHash(_ word: String) -> UInt64 { FeatureHash.of(word, namespace: wordNamespace) }

    /// The hash of two words in a row.
    static func bigramHash(_ first: String, _ second: String) -> UInt64 {
        combine(wordHash(first), wordHash(second))
    }
}
