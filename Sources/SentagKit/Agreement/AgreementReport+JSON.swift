extension AgreementReport {
    /// SPEC.md's Agreement JSON as one object (no newline), plus extra keys: the items behind
    /// each figure (`*_items`), why a figure is null (`why_null`), per-label usage and specific
    /// agreement, how many ratings items have, the text report's "Reading" lines (`reading`), the
    /// figures resting on fewer than 30 items (`small_samples`), the prevalence check
    /// (`prevalence`, null when it does not apply), and, when computed, bootstrap intervals and
    /// the disagreements.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writeFigures(to: &writer)
        writer.key("pairs")
        writer.beginArray()
        for pair in pairs {
            writer.beginObject()
            writer.field("a", pair.a)
            writer.field("b", pair.b)
            writer.field("items", pair.items)
            writer.field("agreement", pair.agreement)
            writer.field("cohen_kappa", pair.cohenKappa.value)
            if let reason = pair.cohenKappa.undefinedReason { writer.field("why_null", reason) }
            writer.key("confusion")
            writer.beginArray()
            for row in pair.confusion {
                writer.beginArray()
                for count in row { writer.int(count) }
                writer.endArray()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("per_label")
        writer.beginArray()
        for entry in perLabel {
            writer.beginObject()
            writer.field("label", entry.label)
            writer.key("usage")
            writer.beginObject()
            for (annotator, count) in zip(annotators, entry.usage) { writer.field(annotator, count) }
            writer.endObject()
            writer.field("specific_agreement", entry.specificAgreement.value)
            writer.field("specific_agreement_items", entry.specificAgreement.items)
            writer.endObject()
        }
        writer.endArray()
        writer.key("ratings_per_item")
        writer.beginObject()
        for (count, itemsWithCount) in ratingsPerItem.enumerated() where count > 0 {
            writer.field(String(count), itemsWithCount)
        }
        writer.endObject()
        writer.field("disagreement_items", disagreementCount)
        writer.key("left_out")
        writeStrings(leftOut, to: &writer)
        writer.field("skipped_lines", skippedLines)
        if let suggestions {
            writer.key("suggestions")
            suggestions.writeJSON(to: &writer, agreement: true)
        }
        writer.key("reading")
        writeStrings(reading(), to: &writer)
        writer.key("small_samples")
        writer.beginArray()
        for figure in smallSampleFigures {
            writer.beginObject()
            writer.field("figure", figure.key)
            writer.field("value", figure.value)
            writer.field("items", figure.items)
            writer.endObject()
        }
        writer.endArray()
        writer.key("prevalence")
        if let skew = prevalenceSkew {
            writer.beginObject()
            writer.field("label", skew.label)
            writer.field("share", skew.share)
            writer.field("one_label_dominates", skew.isDominant)
            writer.field("kappa_figure", skew.kappaName)
            writer.field("kappa", skew.kappa)
            writer.field("gwet_ac1", skew.ac1)
            writer.field("coefficients_part_ways", skew.coefficientsPartWays)
            writer.endObject()
        } else {
            writer.null()
        }
        if let bootstrap {
            writer.key("bootstrap")
            writer.beginObject()
            writer.field("samples", bootstrap.samples)
            writer.key("seed")
            writer.raw(String(bootstrap.seed).utf8)
            writer.field("level", bootstrap.level)
            for (key, interval) in [
                ("krippendorff_alpha", bootstrap.krippendorffAlpha), ("fleiss_kappa", bootstrap.fleissKappa),
                ("gwet_ac1", bootstrap.gwetAC1),
            ] {
                writer.key(key)
                writer.beginObject()
                writer.field("low", interval.low)
                writer.field("high", interval.high)
                writer.field("samples_defined", interval.definedSamples)
                writer.endObject()
            }
            writer.endObject()
        }
        if let disagreements {
            writer.key("disagreements")
            writer.beginArray()
            for item in disagreements {
                writer.beginObject()
                writer.field("id", item.id.description)
                writer.field("doc", item.doc)
                writer.field("index", item.index)
                writer.field("text", item.text)
                writer.key("labels")
                writer.beginObject()
                for vote in item.votes { writer.field(vote.annotator, vote.label) }
                writer.endObject()
                writer.key("notes")
                writer.beginObject()
                for vote in item.votes { if let note = vote.note { writer.field(vote.annotator, note) } }
                writer.endObject()
                writer.key("flagged")
                writeStrings(item.votes.filter(\.flagged).map(\.annotator), to: &writer)
                if !item.unreadable.isEmpty {
                    writer.key("unreadable")
                    writeStrings(item.unreadable, to: &writer)
                }
                writer.endObject()
            }
            writer.endArray()
        }
        if let gold { writeGoldJSON(gold, to: &writer) }
        writer.endObject()
    }

    /// The short agreement summary other commands embed (the exporter's manifest): SPEC.md's
    /// top-level keys without `pairs`, with the items behind each figure and `why_null`.
    public func writeSummaryJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writeFigures(to: &writer)
        writer.endObject()
    }

    private func writeFigures(to writer: inout JSONWriter) {
        writer.key("annotators")
        writeStrings(annotators, to: &writer)
        writer.key("labels")
        writeStrings(labels, to: &writer)
        writer.field("items", items)
        writer.field("ratings", ratings)
        writer.field("percent_agreement", percentAgreement.value)
        writer.field("percent_agreement_items", percentAgreement.items)
        writer.field("krippendorff_alpha", krippendorffAlpha.value)
        writer.field("krippendorff_alpha_items", krippendorffAlpha.items)
        writer.field("fleiss_kappa", fleissKappa.value)
        writer.field("fleiss_items", fleissItems)
        writer.field("gwet_ac1", gwetAC1.value)
        writer.field("gwet_ac1_items", gwetAC1.items)
        let undefined: [(String, Coefficient)] = [
            ("percent_agreement", percentAgreement), ("krippendorff_alpha", krippendorffAlpha),
            ("fleiss_kappa", fleissKappa), ("gwet_ac1", gwetAC1),
        ]
        writer.key("why_null")
        writer.beginObject()
        for (key, coefficient) in undefined {
            if let reason = coefficient.undefinedReason { writer.field(key, reason) }
        }
        writer.endObject()
    }

    /// The JSON object followed by a newline.
    public var jsonLine: [UInt8] {
        JSONWriter.line(capacity: 4096) { writeJSON(to: &$0) }
    }

    private func writeStrings(_ values: [String], to writer: inout JSONWriter) {
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
    }
}
