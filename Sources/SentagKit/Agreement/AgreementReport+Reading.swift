extension AgreementReport {
    /// Plain-language observations, most important first: where alpha stands against the
    /// thresholds (and whether its interval crosses one), the weakest pair and annotator, the
    /// least agreed label, figures resting on too few items, and the prevalence warning.
    ///
    /// The text report lists them under "Reading"; `--json` carries them, without colour, as
    /// `reading`.
    public func reading(style: TerminalStyle = TerminalStyle(enabled: false)) -> [String] {
        var notes: [String] = []
        if items == 0 {
            return ["No ratings yet: label some sentences with 'sentag label', then run this again."]
        }
        if annotators.count < 2 {
            return ["Agreement needs at least two annotators; only \(ReportText.list(annotators)) has current ratings."]
        }
        let tentative = ReportText.fixed(Self.tentativeAlpha)
        let reliable = ReportText.fixed(Self.reliableAlpha, digits: 1)
        if let alpha = krippendorffAlpha.value {
            let figure = "Krippendorff's alpha is \(ReportText.fixed(alpha))"
            if alpha >= Self.reliableAlpha {
                notes.append(
                    "\(figure), at or above \(reliable): the labels are reliable enough to train and report on.")
            } else if alpha >= Self.tentativeAlpha {
                notes.append(
                    "\(figure), between \(tentative) and \(reliable): good enough for tentative conclusions only; tighten the guidelines where the annotators part ways (the weakest pair's confusions)."
                )
            } else {
                notes.append(
                    "\(figure), below \(tentative): the labels are not reliable yet; revise the guidelines and retrain before relying on them."
                )
            }
            if let bootstrap, let low = bootstrap.krippendorffAlpha.low, let high = bootstrap.krippendorffAlpha.high {
                let crossed = [Self.tentativeAlpha, Self.reliableAlpha].filter { low < $0 && $0 <= high }
                if !crossed.isEmpty {
                    let which = ReportText.list(
                        crossed.map { ReportText.fixed($0, digits: $0 == Self.reliableAlpha ? 1 : 3) })
                    notes.append(
                        "Its \(Int((bootstrap.level * 100).rounded()))% interval (\(ReportText.fixed(low))–\(ReportText.fixed(high)))"
                            + " spans \(which): more doubly-rated items would settle where it stands.")
                }
            }
        } else if let reason = krippendorffAlpha.undefinedReason {
            notes.append("Krippendorff's alpha is undefined: \(reason).")
        }
        if let skew = prevalenceSkew { notes.append(prevalenceWarning(skew, style: style)) }
        if pairs.count > 1, let weakest = weakestPair, let kappa = weakest.cohenKappa.value {
            var note = "The weakest pair is \(weakest.a) × \(weakest.b) (kappa \(ReportText.fixed(kappa)))"
            if let (x, y, count) = mostConfused(weakest) {
                note += "; they part most often on \(labels[x]) vs \(labels[y]) (\(count) item\(count == 1 ? "" : "s"))"
            }
            notes.append(note + ".")
        } else if let pair = pairs.first, let kappa = pair.cohenKappa.value, let (x, y, count) = mostConfused(pair) {
            notes.append(
                "Cohen's kappa is \(ReportText.fixed(kappa)); the most frequent confusion is \(labels[x]) vs \(labels[y]) (\(count) item\(count == 1 ? "" : "s"))."
            )
        }
        if annotators.count >= 3, let (name, own, others) = leastAgreeingAnnotator() {
            notes.append(
                "\(name) agrees least with the others (mean kappa \(ReportText.fixed(own)) against \(ReportText.fixed(others)) among the rest): the first to talk to about the guidelines."
            )
        }
        let defined = perLabel.compactMap { entry in entry.specificAgreement.value.map { (entry, $0) } }
        if defined.count >= 2, let (weakest, agreement) = defined.min(by: { $0.1 < $1.1 }) {
            notes.append(
                "The least agreed label is \(weakest.label) (specific agreement \(ReportText.fixed(agreement)) over \(ReportText.count(weakest.specificAgreement.items)) items)."
            )
        }
        if let caution = smallSampleCaution(style: style) { notes.append(caution) }
        return notes
    }

    /// Every defined figure of the report that rests on fewer than `SmallSampleFigure.threshold`
    /// items: the four overall figures, then each pair's kappa, then each label's specific
    /// agreement.
    public var smallSampleFigures: [SmallSampleFigure] {
        var figures: [SmallSampleFigure] = []
        for (name, key, coefficient) in [
            ("percent agreement", "percent_agreement", percentAgreement),
            ("Krippendorff's alpha", "krippendorff_alpha", krippendorffAlpha),
            ("Fleiss' kappa", "fleiss_kappa", fleissKappa), ("Gwet's AC1", "gwet_ac1", gwetAC1),
        ] {
            guard let value = coefficient.value, SmallSampleFigure.isSmall(coefficient) else { continue }
            figures.append(SmallSampleFigure(name: name, key: key, value: value, items: coefficient.items))
        }
        for pair in pairs {
            guard let kappa = pair.cohenKappa.value, SmallSampleFigure.isSmall(pair.cohenKappa) else { continue }
            figures.append(
                SmallSampleFigure(
                    name: "the kappa of \(pair.a) × \(pair.b)", key: "pairs.\(pair.a).\(pair.b).cohen_kappa",
                    value: kappa, items: pair.cohenKappa.items))
        }
        for entry in perLabel {
            guard let agreement = entry.specificAgreement.value, SmallSampleFigure.isSmall(entry.specificAgreement)
            else { continue }
            figures.append(
                SmallSampleFigure(
                    name: "the specific agreement of \(entry.label)",
                    key: "per_label.\(entry.label).specific_agreement", value: agreement,
                    items: entry.specificAgreement.items))
        }
        return figures
    }

    /// The prevalence check of the report's figures (see `PrevalenceSkew`).
    public var prevalenceSkew: PrevalenceSkew? {
        PrevalenceSkew.check(
            labels: labels, ratingsPerLabel: perLabel.map { $0.usage.reduce(0, +) }, alpha: krippendorffAlpha.value,
            fleissKappa: fleissKappa.value, ac1: gwetAC1.value)
    }

    /// One line naming the figures that rest on too few items (the first eight, then a count);
    /// "the specific agreement of claim …, quote …" rather than repeating the kind of figure.
    private func smallSampleCaution(style: TerminalStyle) -> String? {
        let figures = smallSampleFigures
        guard !figures.isEmpty else { return nil }
        var shown: [String] = []
        var previousKind = ""
        for figure in figures.prefix(8) {
            var name = figure.name
            let kind = ["the kappa of ", "the specific agreement of "].first { name.hasPrefix($0) } ?? ""
            if !kind.isEmpty && kind == previousKind { name.removeFirst(kind.count) }
            previousKind = kind
            shown.append(
                "\(name) \(ReportText.fixed(figure.value)) (\(figure.items) item\(figure.items == 1 ? "" : "s"))")
        }
        let more = figures.count > 8 ? " and \(figures.count - 8) more" : ""
        let (verb, such, it) = figures.count == 1 ? ("rests", "such a figure", "it") : ("rest", "such figures", "them")
        return
            "\(style.yellow)Caution:\(style.reset) \(ReportText.list(shown))\(more) \(verb) on fewer than"
            + " \(SmallSampleFigure.threshold) items (marked *): a few more labels can move \(such) a long way,"
            + " so read \(it) as a rough sign, not a finding, until more items have two or more ratings."
    }

    /// The prevalence warning, worded for someone who has not met the kappa paradox.
    private func prevalenceWarning(_ skew: PrevalenceSkew, style: TerminalStyle) -> String {
        let share = "\(Int((skew.share * 100).rounded()))%"
        var text = "\(style.yellow)Prevalence warning:\(style.reset) "
        if skew.isDominant {
            text += "\(skew.label) makes up \(share) of all ratings"
        } else {
            text += "the labels are used unevenly (\(skew.label) makes up \(share) of all ratings)"
        }
        if skew.coefficientsPartWays, let name = skew.kappaName, let kappa = skew.kappa, let ac1 = skew.ac1 {
            text +=
                ", and \(name) (\(ReportText.fixed(kappa))) and Gwet's AC1 (\(ReportText.fixed(ac1))) are"
                + " \(ReportText.fixed(abs(ac1 - kappa), digits: 2)) apart. This is the \"kappa paradox\": when one label"
                + " is this common, two annotators agree by chance most of the time, so kappa-type figures (alpha,"
                + " Fleiss' and Cohen's kappa) count every disagreement heavily and read low, while AC1 assumes less"
                + " chance agreement and reads high. Neither alone says whether the labels are reliable."
        } else {
            text +=
                ". With one label this common, the overall figures mostly measure agreement on \(skew.label)"
                + " and say little about the rarer labels."
        }
        let rare = perLabel.filter { $0.label != skew.label }
            .compactMap { entry in entry.specificAgreement.value.map { (entry, $0) } }
            .sorted { $0.1 < $1.1 }
            .prefix(3)
            .map { entry, agreement in
                "\(entry.label) \(ReportText.fixed(agreement)) over \(entry.specificAgreement.items) items"
            }
        if rare.isEmpty {
            text += " Judge the rarer labels on their own once they have been given by two annotators."
        } else {
            text +=
                " Judge the rarer labels by their own specific agreement (\(ReportText.list(rare))),"
                + " and label more of them before drawing conclusions."
        }
        return text
    }

    /// The off-diagonal pair of labels the pair confuses most, counting both directions.
    private func mostConfused(_ pair: PairAgreement) -> (Int, Int, Int)? {
        var best: (Int, Int, Int)?
        for i in labels.indices {
            for j in labels.indices where j > i {
                let count = pair.confusion[i][j] + pair.confusion[j][i]
                if count > 0 && count > (best?.2 ?? 0) { best = (i, j, count) }
            }
        }
        return best
    }

    /// The annotator with the lowest mean kappa against the others, with that mean and the
    /// mean kappa among the remaining pairs; nil when it does not stand out (within 0.05).
    private func leastAgreeingAnnotator() -> (String, Double, Double)? {
        var means: [(String, Double)] = []
        for name in annotators {
            let own = pairs.filter { ($0.a == name || $0.b == name) }.compactMap { $0.cohenKappa.value }
            if !own.isEmpty { means.append((name, own.reduce(0, +) / Double(own.count))) }
        }
        guard let lowest = means.min(by: { $0.1 < $1.1 }) else { return nil }
        let rest = pairs.filter { $0.a != lowest.0 && $0.b != lowest.0 }.compactMap { $0.cohenKappa.value }
        guard !rest.isEmpty else { return nil }
        let restMean = rest.reduce(0, +) / Double(rest.count)
        return restMean - lowest.1 >= 0.05 ? (lowest.0, lowest.1, restMean) : nil
    }
}
