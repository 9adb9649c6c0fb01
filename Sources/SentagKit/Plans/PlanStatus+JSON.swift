extension PlanStatus {
    /// `sentag plan --status --json`: SPEC.md's keys (`annotators` with `assigned`, `done`,
    /// `left`; `k`; `overlap_items`; `complete_overlap_items`) and more, as one object.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("annotators")
        writer.beginObject()
        for share in annotators {
            writer.key(share.name)
            writer.beginObject()
            writer.field("assigned", share.assigned)
            writer.field("done", share.done)
            writer.field("left", share.left)
            writer.field("overlap", share.overlap)
            writer.field("gold", share.gold)
            writer.field("absent", share.absent)
            writer.field("last_labeled", share.lastLabeled?.description)
            writer.endObject()
        }
        writer.endObject()
        writer.field("k", k)
        writer.field("overlap", plan.overlap)
        writer.field("overlap_items", overlapItems)
        writer.field("complete_overlap_items", completeOverlapItems)
        writer.field("incomplete_overlap_items", incompleteOverlapItems)
        writer.field("single_items", singleItems)
        writer.field("complete_single_items", completeSingleItems)
        writer.field("gold_items", goldItems)
        writer.field("sentences", sentences)
        writer.field("unassigned", unassigned)
        writer.field("seed", Int(plan.seed))
        writer.key("absent")
        writer.beginArray()
        for name in plan.absent { writer.string(name) }
        writer.endArray()
        writer.key("corpus")
        writer.beginObject()
        writer.field("matches", differences == nil)
        writer.field("differences", differences)
        writer.field("planned_documents", plan.corpus.documents)
        writer.field("planned_sentences", plan.corpus.sentences)
        writer.field("planned_hash", CorpusHash.hex(plan.corpus.hash))
        writer.endObject()
        writer.endObject()
    }

    /// The JSON object followed by a newline.
    public var jsonLine: [UInt8] {
        JSONWriter.line(capacity: 1024) { writeJSON(to: &$0) }
    }
}
