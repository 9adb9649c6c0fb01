/// Finds exact and near-duplicate sentences in a corpus (wire copies: the same sentence in many
/// articles, sometimes with a word changed).
///
/// - Exact: sentences whose normalised text (`DuplicateFinder.normalisedKey`: white space
///   collapsed, quotation marks as `"`/`'`, dashes as `-`, lowercase) is the same. Grouped by a
///   64-bit hash of that text, then checked byte for byte, so a hash collision never merges two
///   texts.
/// - Near: MinHash over the word bigrams of each distinct normalised text (`bands × rows`
///   hash functions `h·a + b` with fixed odd `a`, over bigram hashes already mixed), LSH banding to find candidate pairs, each candidate pair verified by
///   its exact Jaccard similarity (≥ `threshold`), and verified pairs joined into groups
///   (union–find). With 16 bands of 6 rows, a pair at similarity 0.8 becomes a candidate with
///   probability 1 − (1 − 0.8⁶)¹⁶ ≈ 0.99, one at 0.5 with ≈ 0.22 (then rejected by the check),
///   one at 0.3 with ≈ 0.01. A near group lists every sentence of the exact groups it joins.
///
/// Memory: each text's hash and bigram hashes, and one 64-bit key per distinct text per band;
/// a million sentences take a few hundred MB. Deterministic: the same texts give the same groups.
public struct DuplicateFinder: Sendable {
    public var threshold: Double
    public var bands: Int
    public var rows: Int
    /// Near duplicates need at least this many words (shorter texts only match exactly).
    public var minimumWords: Int

    public init(threshold: Double = 0.8, bands: Int = 16, rows: Int = 6, minimumWords: Int = 4) {
        precondition(threshold > 0 && threshold <= 1 && bands > 0 && rows > 0)
        self.threshold = threshold
        self.bands = bands
        self.rows = rows
        self.minimumWords = minimumWords
    }

    /// The normalised text two exact duplicates share.
    public static func normalisedKey(_ text: String) -> [UInt8] {
        var key: [UInt8] = []
        appendNormalisedKey(text, to: &key)
        return key
    }

    static func appendNormalisedKey(_ text: String, to key: inout [UInt8]) {
        let start = key.count
        TextFolding.fold(text, into: &key)
        for i in start..<key.count { key[i] = TextFolding.quotesAsASCII(key[i]) }
    }

    /// Exact groups, then near groups; each group's members ascending, groups ordered by their first member.
    public func groups(_ texts: [String]) -> [DuplicateGroup] {
        groups(count: texts.count) { texts[$0] }
    }

    /// The same for `count` texts given one at a time by `text` (a corpus's sentences, sliced
    /// from their documents on demand rather than held as a million strings); `text` is asked
    /// for each position once, and again only for texts whose hash another text shares.
    public func groups(count: Int, text textAt: (Int) -> String) -> [DuplicateGroup] {
        // One pass: the hash of each normalised text and its word bigrams (flat, CSR style).
        var hashes = [UInt64](repeating: 0, count: count)
        var shingleOffsets = [Int](repeating: 0, count: count + 1)
        var shingleValues: [UInt64] = []
        shingleValues.reserveCapacity(count * 16)
        var key: [UInt8] = []
        for position in 0..<count {
            key.removeAll(keepingCapacity: true)
            Self.appendNormalisedKey(textAt(position), to: &key)
            hashes[position] = Self.hash(key)
            let bigrams = Self.wordBigrams(key)
            if bigrams.count + 1 >= minimumWords { shingleValues.append(contentsOf: bigrams) }
            shingleOffsets[position + 1] = shingleValues.count
        }

        // Exact: sort by hash, then split each run of equal hashes by the texts themselves.
        var order = Array(0..<count)
        order.sort { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        var exactGroups: [[Int]] = []
        var representatives: [Int] = []
        var membersOfRepresentative: [Int: [Int]] = [:]
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && hashes[order[end]] == hashes[order[start]] { end += 1 }
            if end - start == 1 {
                representatives.append(order[start])
            } else {
                var distinct: [(key: [UInt8], members: [Int])] = []
                for position in order[start..<end] {
                    let normalised = Self.normalisedKey(textAt(position))
                    if let found = distinct.firstIndex(where: { $0.key == normalised }) {
                        distinct[found].members.append(position)
                    } else {
                        distinct.append((normalised, [position]))
                    }
                }
                for group in distinct {
                    representatives.append(group.members[0])
                    if group.members.count > 1 {
                        exactGroups.append(group.members)
                        membersOfRepresentative[group.members[0]] = group.members
                    }
                }
            }
            start = end
        }
        representatives.sort()
        var result = exactGroups.map { DuplicateGroup(kind: .exact, members: $0) }

        // Near: MinHash signatures of the representatives that have enough words, banded.
        let candidates = representatives.filter { shingleOffsets[$0 + 1] > shingleOffsets[$0] }
        let functions = bands * rows
        var multipliers = [UInt64](repeating: 0, count: functions)
        var increments = [UInt64](repeating: 0, count: functions)
        var random = SplitMix64(seed: 0x6d69_6e68_6173_68)
        for i in 0..<functions {
            multipliers[i] = random.next() | 1
            increments[i] = random.next()
        }
        var bandKeys = [UInt64](repeating: 0, count: candidates.count * bands)
        var signature = [UInt64](repeating: 0, count: functions)
        shingleValues.withUnsafeBufferPointer { values in
            for (slot, text) in candidates.enumerated() {
                for i in 0..<functions { signature[i] = .max }
                for shingle in values[shingleOffsets[text]..<shingleOffsets[text + 1]] {
                    for i in 0..<functions {
                        let value = shingle &* multipliers[i] &+ increments[i]
                        if value < signature[i] { signature[i] = value }
                    }
                }
                for band in 0..<bands {
                    var hash = FeatureHash(namespace: UInt8(truncatingIfNeeded: band))
                    for row in 0..<rows {
                        let value = signature[band * rows + row]
                        for shift in stride(from: 0, to: 64, by: 16) {
                            hash.add(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
                            hash.add(UInt8(truncatingIfNeeded: value >> UInt64(shift + 8)))
                        }
                    }
                    bandKeys[band * candidates.count + slot] = hash.value
                }
            }
        }
        func shingles(_ text: Int) -> ArraySlice<UInt64> {
            shingleValues[shingleOffsets[text]..<shingleOffsets[text + 1]]
        }
        var unionFind = UnionFind(count: candidates.count)
        var entries: [(key: UInt64, slot: Int32)] = []
        entries.reserveCapacity(candidates.count)
        for band in 0..<bands {
            entries.removeAll(keepingCapacity: true)
            for slot in candidates.indices { entries.append((bandKeys[band * candidates.count + slot], Int32(slot))) }
            entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.slot < $1.slot }
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                if end - start > 1 {
                    let first = Int(entries[start].slot)
                    for other in (start + 1)..<end {
                        let slot = Int(entries[other].slot)
                        if unionFind.root(first) == unionFind.root(slot) { continue }
                        if Self.jaccard(shingles(candidates[first]), shingles(candidates[slot])) >= threshold {
                            unionFind.join(first, slot)
                        }
                    }
                }
                start = end
            }
        }
        var nearGroups: [Int: [Int]] = [:]
        for slot in candidates.indices { nearGroups[unionFind.root(slot), default: []].append(slot) }
        for (_, slots) in nearGroups where slots.count > 1 {
            let members = slots.flatMap { membersOfRepresentative[candidates[$0]] ?? [candidates[$0]] }
            result.append(DuplicateGroup(kind: .near, members: members.sorted()))
        }
        return result.sorted { $0.members[0] != $1.members[0] ? $0.members[0] < $1.members[0] : $0.kind == .exact }
    }

    /// Sorted distinct hashes of the word bigrams of a normalised text (a one-word text has its word).
    static func wordBigrams(_ key: [UInt8]) -> [UInt64] {
        var words: [UInt64] = []
        var index = 0
        while index < key.count {
            guard TextFolding.isWordByte(key[index]) else {
                index += 1
                continue
            }
            var hash = FeatureHash(namespace: 0x40)
            while index < key.count && TextFolding.isWordByte(key[index]) {
                hash.add(key[index])
                index += 1
            }
            words.append(hash.value)
        }
        if words.count < 2 { return words }
        var result = (1..<words.count).map { SentenceFeaturizer.combine(words[$0 - 1], words[$0]) }
        result.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(result.count)
        for value in result where unique.last != value { unique.append(value) }
        return unique
    }

    /// Jaccard similarity of two sorted sets.
    static func jaccard(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var i = a.startIndex
        var j = b.startIndex
        var shared = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash = FeatureHash(namespace: 0x41)
        for byte in bytes { hash.add(byte) }
        return hash.value
    }
}

extension DuplicateFinder {
    /// Whether two texts are near duplicates by this finder's rule: both have at least
    /// `minimumWords` words and the Jaccard similarity of their word bigrams is at least
    /// `threshold` (after normalising, as for exact duplicates).
    public func areNearDuplicates(_ a: String, _ b: String) -> Bool {
        let first = Self.wordBigrams(Self.normalisedKey(a))
        let second = Self.wordBigrams(Self.normalisedKey(b))
        guard first.count + 1 >= minimumWords, second.count + 1 >= minimumWords else { return false }
        return Self.jaccard(first[...], second[...]) >= threshold
    }
}
