extension ModelSentence {
    /// The model's view of every sentence of a corpus, aligned with `corpus.sentences`.
    public static func sentences(of corpus: Corpus) -> [ModelSentence] {
        var result: [ModelSentence] = []
        result.reserveCapacity(corpus.count)
        for (document, range) in zip(corpus.documents, corpus.documentRanges) {
            result.append(contentsOf: sentences(of: document, Array(corpus.sentences[range])))
        }
        return result
    }
}

extension TrainingExample {
    /// Training examples for the labeled sentences of a corpus, in corpus order; sentences
    /// without a label in `labels` are left out.
    public static func examples(corpus: Corpus, labels: [SentenceID: String]) -> [TrainingExample] {
        let sentences = ModelSentence.sentences(of: corpus)
        var result: [TrainingExample] = []
        for (position, sentence) in corpus.sentences.enumerated() {
            guard let label = labels[sentence.id] else { continue }
            result.append(TrainingExample(sentence: sentences[position], label: label, document: sentence.doc))
        }
        return result
    }
}
