extension GoldReport {
    /// SPEC.md's `"gold": {"A": {"items": n, "correct": n, "accuracy": x}, …}`, each annotator
    /// with its interval, confusion and trend as well.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        for annotator in annotators {
            writer.key(annotator.name)
            writer.beginObject()
            writer.field("items", annotator.overall.items)
            writer.field("correct", annotator.overall.correct)
            writer.field("accuracy", annotator.overall.accuracy)
            writer.key("interval")
            if let interval = annotator.interval {
                writer.beginObject()
                writer.field("low", interval.low)
                writer.field("high", interval.high)
                writer.field("level", 0.95)
                writer.endObject()
            } else {
                writer.null()
            }
            writer.key("confusion")
            writer.beginArray()
            for row in annotator.confusion {
                writer.beginArray()
                for count in row { writer.int(count) }
                writer.endArray()
            }
            writer.endArray()
            for (key, tally) in [("last_\(Self.recentWindow)", annotator.recent), ("before", annotator.earlier)] {
                writer.key(key)
                writer.beginObject()
                writer.field("items", tally.items)
                writer.field("correct", tally.correct)
                writer.field("accuracy", tally.accuracy)
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endObject()
    }
}
