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

extension ModelSentence {
    /// The model's view of the sentences at some positions of a corpus.
    ///
    /// The positions may come in any order; the result is in the same order. Each document that
    /// holds one of them is read once, whole, for its layout.
    public static func sentences(of corpus: Corpus, at positions: [Int]) -> [ModelSentence] {
        var result = [ModelSentence?](repeating: nil, count: positions.count)
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        var document = -1
        var documentSentences: [ModelSentence] = []
        for slot in order {
            let position = positions[slot]
            let index = corpus.documentIndex(ofSentenceAt: position)
            if index != document {
                document = index
                let range = corpus.documentRanges[index]
                documentSentences = sentences(of: corpus.documents[index], Array(corpus.sentences[range]))
            }
            result[slot] = documentSentences[position - corpus.documentRanges[index].lowerBound]
        }
        return result.map { sentence in
            guard let sentence else { preconditionFailure("every position was filled in the pass above") }
            return sentence
        }
    }
}
