extension PostgresMigration {
    /// Every migration, oldest first; the last one's version is the schema this sentag reads
    /// and writes (`PostgresSchema.current`).
    public static let history: [PostgresMigration] = [version1, version2]

    /// The first schema: journals, named documents and the routing pool.
    ///
    /// - `annotators`: one row per journal. `last_seq` is the last sequence number handed out;
    ///   appending bumps it in the same statement that inserts the record, so the row lock
    ///   serialises concurrent appenders and a rolled-back append leaves no gap (a SEQUENCE
    ///   would). `lock_number` makes the annotator's advisory-lock key exact, with no hash.
    /// - `records`: one row per journal line. `record` is the JSON object exactly as a line of
    ///   `<annotator>.jsonl` holds it (`json` keeps the text byte for byte, unlike `jsonb`);
    ///   `seq` numbers an annotator's records 1, 2, 3… in append order, as line numbers do;
    ///   `sentence_id` is derived from the record (dropped by version 2). No foreign key to
    ///   `annotators`: the append statement guarantees the row, and a per-row check would slow
    ///   bulk loads.
    /// - `documents`: labels.json, plan.json, GUIDELINES.md and the like, as bytes.
    /// - `pool_items`: a plan's single-annotation items, handed out in `position` order to
    ///   whoever asks next (`SELECT … FOR UPDATE SKIP LOCKED`); `taken_by` is null while free.
    static let version1 = PostgresMigration(
        version: 1, summary: "journals (annotators, records), named documents, routing pool",
        sql: """
            CREATE TABLE sentag.annotators (
                annotator   text PRIMARY KEY CHECK (annotator ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
                lock_number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
                last_seq    bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
                created_at  timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON TABLE sentag.annotators IS
                'One row per journal; last_seq is the last sequence number handed out.';

            CREATE TABLE sentag.records (
                annotator   text NOT NULL,
                seq         bigint NOT NULL CHECK (seq >= 1),
                record      json NOT NULL CHECK (json_typeof(record) = 'object'),
                sentence_id text GENERATED ALWAYS AS (record ->> 'id') STORED,
                stored_at   timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (annotator, seq)
            );
            CREATE INDEX records_sentence_id ON sentag.records (sentence_id);
            COMMENT ON TABLE sentag.records IS
                'One row per journal line: the JSON object exactly as written, numbered 1, 2, 3... per annotator.';

            CREATE TABLE sentag.documents (
                name       text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
                content    bytea NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON TABLE sentag.documents IS 'labels.json, plan.json, GUIDELINES.md and the like, as bytes.';

            CREATE TABLE sentag.pool_items (
                plan     text NOT NULL,
                position integer NOT NULL CHECK (position >= 0),
                item     text NOT NULL,
                taken_by text REFERENCES sentag.annotators,
                taken_at timestamptz,
                PRIMARY KEY (plan, position),
                UNIQUE (plan, item),
                CHECK ((taken_by IS NULL) = (taken_at IS NULL))
            );
            CREATE INDEX pool_items_free ON sentag.pool_items (plan, position) WHERE taken_by IS NULL;
            COMMENT ON TABLE sentag.pool_items IS
                'A plan''s single-annotation items, taken in position order with FOR UPDATE SKIP LOCKED.';
            """)
}

extension PostgresMigration {
    /// The store itself (issue 13, phase 2): journals that are append-only in the database too,
    /// and appends that no longer parse the record on the server.
    ///
    /// - `records` refuses `UPDATE`, `DELETE` and `TRUNCATE` (statement triggers): a journal is
    ///   only ever appended to, as a label file is, so the sequence numbers stay gapless and a
    ///   checkpoint's mark (the last sequence number read and a hash of that record) can only be
    ///   invalidated by replacing the schema or the database, which the mark catches. A retraction
    ///   is a new record (`"label": null`). An administrator who must remove records disables the
    ///   trigger knowingly (`ALTER TABLE … DISABLE TRIGGER`).
    /// - `records.sentence_id` and its index go: nothing reads them (the decision table is built
    ///   from the records themselves), yet every append parsed the record on the server to fill
    ///   them and kept one more index, and `->>` refuses a record whose `id` holds `\u0000`, a
    ///   line every other reader only warns about.
    static let version2 = PostgresMigration(
        version: 2, summary: "append-only journals; records without a server-side sentence id",
        sql: """
            ALTER TABLE sentag.records DROP COLUMN sentence_id;

            CREATE FUNCTION sentag.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'sentag.% is append-only: records are never changed or removed', TG_TABLE_NAME
                    USING HINT = 'a decision is retracted by a new record with "label": null';
            END
            $$;
            CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON sentag.records
                FOR EACH STATEMENT EXECUTE FUNCTION sentag.refuse_rewrite();
            CREATE TRIGGER records_never_truncated BEFORE TRUNCATE ON sentag.records
                FOR EACH STATEMENT EXECUTE FUNCTION sentag.refuse_rewrite();
            COMMENT ON TABLE sentag.records IS
                'One row per journal line: the JSON object exactly as written, numbered 1, 2, 3... per annotator; append-only.';
            """)
}
