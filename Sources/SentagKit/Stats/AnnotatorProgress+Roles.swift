extension AnnotatorProgress {
    /// Adjudications and no current decision of their own.
    public var onlyAdjudicates: Bool { decisions == 0 && adjudications > 0 }

    /// The pace the reports show: none without a current decision, since the pace of someone
    /// who only adjudicated, or undid everything, is not a labeling pace.
    public var shownLabelsPerMinute: Double? { decisions > 0 ? labelsPerMinute : nil }
}
