/// Counts and pace of one journal, kept as it is read so that nothing needs the journal's
/// history again (stats, plan status, pace checks read this, not the lines).
public struct JournalSummary: Equatable, Sendable {
    /// Valid records read.
    public var records = 0
    /// Records with `"label": null`.
    public var retractions = 0
    /// Records with `"adjudicated": true`.
    public var adjudicationRecords = 0
    /// The earliest and latest time of a record that is not a retraction.
    public var firstTime: Int64?
    public var lastTime: Int64?
    /// The time of the last non-retraction record, in journal order.
    var previousTime: Int64?
    /// Gaps between consecutive non-retraction records, in journal order.
    public var gaps = GapHistogram()

    public init() {}

    /// Counts a record that is not a retraction, made at `time`.
    mutating func countLabeling(at time: Int64) {
        firstTime = min(firstTime ?? time, time)
        lastTime = max(lastTime ?? time, time)
        if let previousTime, time >= previousTime { gaps.add(time - previousTime) }
        previousTime = time
    }
}

/// Gaps between records by whole seconds (a gap of g ms falls in bucket ⌈g / 1000⌉, up to
/// two hours), so active time for any idle limit of whole seconds up to two hours is exact
/// without keeping every time.
public struct GapHistogram: Equatable, Sendable {
    public static let buckets = 7201
    /// Per bucket: the number of gaps and their sum in milliseconds.
    public private(set) var counts: [Int32]
    public private(set) var sums: [Int64]

    public init() {
        counts = []
        sums = []
    }

    init(counts: [Int32], sums: [Int64]) {
        self.counts = counts
        self.sums = sums
    }

    public mutating func add(_ milliseconds: Int64) {
        let bucket = (milliseconds + 999) / 1000
        guard bucket < Self.buckets else { return }
        if counts.isEmpty {
            counts = [Int32](repeating: 0, count: Self.buckets)
            sums = [Int64](repeating: 0, count: Self.buckets)
        }
        counts[Int(bucket)] += 1
        sums[Int(bucket)] += milliseconds
    }

    /// The gaps of at most `idleLimit` seconds (rounded down to whole seconds, at most two hours):
    /// their number and their total in seconds.
    public func within(idleLimit: Double) -> (count: Int, seconds: Double) {
        guard !counts.isEmpty else { return (0, 0) }
        let limit = min(Int(idleLimit.rounded(.down)), Self.buckets - 1)
        guard limit >= 0 else { return (0, 0) }
        var count = 0
        var sum: Int64 = 0
        for bucket in 0...limit {
            count += Int(counts[bucket])
            sum += sums[bucket]
        }
        return (count, Double(sum) / 1000)
    }

    public static func + (lhs: GapHistogram, rhs: GapHistogram) -> GapHistogram {
        if lhs.counts.isEmpty { return rhs }
        if rhs.counts.isEmpty { return lhs }
        var result = lhs
        for bucket in 0..<buckets {
            result.counts[bucket] += rhs.counts[bucket]
            result.sums[bucket] += rhs.sums[bucket]
        }
        return result
    }
}
