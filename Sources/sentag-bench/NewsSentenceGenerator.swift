import SentagKit

/// News-like labeled sentences for the model's timings: each is a hand-labeled sentence (seeds and
/// held-out articles) with about a third of its words swapped for words drawn from the same
/// vocabulary, keeping its label and its layout.
///
/// A share of them are wire copies of an earlier generated sentence: verbatim with white space,
/// quotation marks, dashes or case changed, or with one word changed.
struct NewsSentenceGenerator {
    let templates: [TrainingExample]
    let vocabulary: [Substring]
    var random: SplitMix64

    init(templates: [TrainingExample], seed: UInt64) {
        self.templates = templates
        vocabulary = templates.flatMap { $0.sentence.text.split(separator: " ") }
        random = SplitMix64(seed: seed)
    }

    /// `count` examples in documents of about 30 sentences.
    mutating func examples(_ count: Int, exactCopies: Double = 0.05, nearCopies: Double = 0.05) -> [TrainingExample] {
        var result: [TrainingExample] = []
        result.reserveCapacity(count)
        var documentIndex = 0
        var inDocument = 0
        let documentLength = 30
        while result.count < count {
            let template = templates[random.next(below: templates.count)]
            var text: String
            let draw = Double(random.next(below: 1_000_000)) / 1_000_000
            var label = template.label
            if result.count > 100 && draw < exactCopies {
                let source = result[random.next(below: result.count)]
                label = source.label
                text = variant(of: source.sentence.text)
            } else if result.count > 100 && draw < exactCopies + nearCopies {
                let source = result[random.next(below: result.count)]
                label = source.label
                var words = source.sentence.text.split(separator: " ")
                if words.count > 1 {
                    words[random.next(below: words.count)] = vocabulary[random.next(below: vocabulary.count)]
                }
                text = words.joined(separator: " ")
            } else {
                var words = template.sentence.text.split(separator: " ")
                for position in words.indices where random.next(below: 3) == 0 {
                    words[position] = vocabulary[random.next(below: vocabulary.count)]
                }
                text = words.joined(separator: " ")
            }
            let sentence = ModelSentence(
                text: text, indexInDocument: inDocument, sentencesInDocument: documentLength,
                startsLine: template.sentence.startsLine, endsLine: template.sentence.endsLine,
                opensInsideQuotation: template.sentence.opensInsideQuotation)
            result.append(TrainingExample(sentence: sentence, label: label, document: "doc\(documentIndex)"))
            inDocument += 1
            if inDocument == documentLength {
                inDocument = 0
                documentIndex += 1
            }
        }
        return result
    }

    /// The same text as a wire copy might print it: spacing, quotation marks, dashes or case changed.
    private mutating func variant(of text: String) -> String {
        switch random.next(below: 4) {
        case 0: return text.replacingOccurrences(" ", with: "  ")
        case 1: return text.replacingOccurrences("“", with: "\"").replacingOccurrences("”", with: "\"")
        case 2: return text.uppercased()
        default: return text.replacingOccurrences(" - ", with: " – ")
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation here).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
