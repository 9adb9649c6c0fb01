extension AnnotationStats {
    /// The people whose decisions are counted, with their position in `annotators` (the
    /// position of their column in `DocumentCoverage.covered`): everyone with a label file except
    /// those who only adjudicate.
    ///
    /// Someone who both labels and adjudicates is here and in `adjudicators`.
    public var labelers: [(position: Int, progress: AnnotatorProgress)] {
        annotators.enumerated().filter { !$0.element.onlyAdjudicates }.map { ($0.offset, $0.element) }
    }

    /// Everyone with a current adjudication, in name order.
    public var adjudicators: [AnnotatorProgress] {
        annotators.filter { $0.adjudications > 0 }
    }
}
