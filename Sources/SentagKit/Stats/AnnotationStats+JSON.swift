extension AnnotationStats {
    /// `sentag stats --json`: one object (no newline).
    ///
    /// `annotators` are the people who label (`labelers`), `adjudicators` those with
    /// adjudications; `labels_per_minute` is null without a current decision.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("labels")
        writer.beginArray()
        for label in labels { writer.string(label) }
        writer.endArray()
        writer.field("sentences", sentences)
        writer.key("annotators")
        writer.beginArray()
        for (_, annotator) in labelers {
            writer.beginObject()
            writer.field("name", annotator.name)
            writer.field("decisions", annotator.decisions)
            writer.key("labels")
            writer.beginObject()
            for (label, count) in zip(labels, annotator.labelCounts) { writer.field(label, count) }
            writer.endObject()
            writer.field("records", annotator.records)
            writer.field("retractions", annotator.retractions)
            writer.field("adjudications", annotator.adjudications)
            writer.field("flagged", annotator.flagged)
            writer.field("active_minutes", annotator.activeSeconds / 60)
            writer.field("labels_per_minute", annotator.shownLabelsPerMinute)
            writer.field("first", annotator.first?.description)
            writer.field("last", annotator.last?.description)
            writer.endObject()
        }
        writer.endArray()
        writer.key("adjudicators")
        writer.beginArray()
        for adjudicator in adjudicators {
            writer.beginObject()
            writer.field("name", adjudicator.name)
            writer.field("adjudications", adjudicator.adjudications)
            writer.field("records", adjudicator.records)
            writer.field("also_labels", !adjudicator.onlyAdjudicates)
            writer.field("first", adjudicator.first?.description)
            writer.field("last", adjudicator.last?.description)
            writer.endObject()
        }
        writer.endArray()
        writer.key("labels_total")
        writer.beginObject()
        for (k, label) in labels.enumerated() {
            writer.field(label, annotators.reduce(0) { $0 + $1.labelCounts[k] })
        }
        writer.endObject()
        writer.key("documents")
        writer.beginArray()
        for document in documents {
            writer.beginObject()
            writer.field("doc", document.doc)
            writer.field("sentences", document.sentences)
            writer.field("labeled", document.labeled)
            writer.key("covered")
            writer.beginObject()
            for (position, annotator) in labelers { writer.field(annotator.name, document.covered[position]) }
            writer.endObject()
            writer.endObject()
        }
        writer.endArray()
        writer.key("overlap")
        writer.beginObject()
        for (ratings, count) in overlap.enumerated() { writer.field(String(ratings), count) }
        writer.endObject()
        writer.key("orphaned")
        writer.beginObject()
        writer.field("records", orphaned.count)
        writer.field("items", orphanedItems)
        writer.key("list")
        writer.beginArray()
        for orphan in orphaned {
            writer.beginObject()
            writer.field("annotator", orphan.annotator)
            writer.field("file", orphan.path)
            writer.field("line", orphan.line)
            writer.field("id", orphan.id.description)
            writer.field("doc", orphan.doc)
            writer.field("index", orphan.index)
            writer.field("label", orphan.label)
            writer.field("adjudicated", orphan.adjudicated)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.field("idle_limit_seconds", idleLimit)
        writer.field("skipped_lines", skippedLines)
        if let suggestions {
            writer.key("suggestions")
            suggestions.writeJSON(to: &writer, agreement: false)
        }
        writeQualityJSON(to: &writer)
        writer.endObject()
    }

    /// The JSON object followed by a newline.
    public var jsonLine: [UInt8] {
        JSONWriter.line(capacity: 4096) { writeJSON(to: &$0) }
    }
}
