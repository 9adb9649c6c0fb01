/// A plan's single-annotation items in `sentag.pool_items`, handed out to whichever annotator
/// asks next, so a fast annotator is never idle while a slow one holds a fixed share.
///
/// `take` claims the first free items in `position` order with `SELECT … FOR UPDATE SKIP
/// LOCKED`: concurrent takers skip the rows another is claiming instead of waiting for it or
/// taking the same ones, so no item is ever given to two annotators.
public struct PostgresItemPool {
    public let connection: PostgresConnection
    /// The plan the pool belongs to (such as the plan's content hash): a new plan, a new pool.
    public let plan: String

    public init(_ connection: PostgresConnection, plan: String) {
        self.connection = connection
        self.plan = plan
    }

    /// Free and taken item counts.
    public struct Counts: Equatable, Sendable {
        public let free: Int
        public let taken: Int

        public init(free: Int, taken: Int) {
            self.free = free
            self.taken = taken
        }
    }

    /// Adds items after the ones already there, in order; items already in the pool are left
    /// as they are (so filling twice adds nothing).
    ///
    /// Returns how many were added. One filler at a time (the plan's author): two at once
    /// collide on positions and one gets an error.
    @discardableResult
    public func fill(_ items: [String]) throws(PostgresError) -> Int {
        guard !items.isEmpty else { return 0 }
        return try connection.execute(
            """
            INSERT INTO sentag.pool_items (plan, position, item)
            SELECT $1, coalesce((SELECT max(position) + 1 FROM sentag.pool_items WHERE plan = $1), 0)
                       + r.ordinality - 1, r.item
            FROM unnest($2::text[]) WITH ORDINALITY AS r(item, ordinality)
            ON CONFLICT (plan, item) DO NOTHING
            """, [plan, PostgresArrayLiteral.text(items)]
        ).affectedRows
    }

    /// Adds the items the pool lacks after the ones it holds, in order, and returns how many.
    ///
    /// A plan's units go in first, an extension's after them. Concurrent fillers (every
    /// annotator's session asks) wait for each other on a transaction-level advisory lock of the
    /// plan, and a pool that holds as many items already is left as it is.
    @discardableResult
    public func fillMissing(_ items: [String]) throws -> Int {
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock($1::bigint)", [String(lockKey)])
            let existing =
                try connection.execute(
                    "SELECT count(*) FROM sentag.pool_items WHERE plan = $1", [plan]
                ).scalar.flatMap { Int($0) } ?? 0
            return existing >= items.count ? 0 : try fill(items)
        }
    }

    /// The advisory-lock key that serialises filling this plan's pool: the namespace "SENP"
    /// and a 32-bit hash of the plan's name (a collision only makes two fillers wait in turn).
    var lockKey: Int64 {
        var hash: UInt32 = 2_166_136_261
        for byte in plan.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return PostgresSchema.poolLockNamespace | Int64(hash)
    }

    /// Claims up to `count` free items for `annotator` (registered in `sentag.annotators`), the
    /// first ones in pool order; fewer, or none, when the pool runs dry.
    public func take(_ count: Int, for annotator: String) throws(PostgresError) -> [String] {
        try connection.execute(Self.take, [plan, annotator, String(count)]).rows
            .sorted { Int($0[0] ?? "") ?? 0 < Int($1[0] ?? "") ?? 0 }
            .compactMap { $0[1] }
    }

    /// Gives items back to the pool (an annotator who left before labeling them); returns how
    /// many were released.
    @discardableResult
    public func release(_ items: [String]) throws(PostgresError) -> Int {
        try connection.execute(
            """
            UPDATE sentag.pool_items SET taken_by = NULL, taken_at = NULL
            WHERE plan = $1 AND item = ANY($2::text[]) AND taken_by IS NOT NULL
            """, [plan, PostgresArrayLiteral.text(items)]
        ).affectedRows
    }

    /// The items `annotator` holds, in pool order.
    public func items(takenBy annotator: String) throws(PostgresError) -> [String] {
        try connection.execute(
            "SELECT item FROM sentag.pool_items WHERE plan = $1 AND taken_by = $2 ORDER BY position",
            [plan, annotator]
        ).rows.compactMap { $0[0] }
    }

    public func counts() throws(PostgresError) -> Counts {
        let row = try connection.execute(
            "SELECT count(*) FILTER (WHERE taken_by IS NULL), count(taken_by) FROM sentag.pool_items WHERE plan = $1",
            [plan]
        ).rows.first
        return Counts(free: row?[0].flatMap { Int($0) } ?? 0, taken: row?[1].flatMap { Int($0) } ?? 0)
    }

    static let take = PostgresPreparedStatement(
        name: "sentag_take_pool_items",
        sql: """
            WITH free AS (
                SELECT plan, position FROM sentag.pool_items
                WHERE plan = $1 AND taken_by IS NULL
                ORDER BY position
                LIMIT $3::integer
                FOR UPDATE SKIP LOCKED
            )
            UPDATE sentag.pool_items p SET taken_by = $2, taken_at = now()
            FROM free WHERE p.plan = free.plan AND p.position = free.position
            RETURNING p.position, p.item
            """)
}
