extension LabelFileIndex {
    /// For each of `labelNames`, its position in `labelSet`, or -2 when the set lacks it.
    ///
    /// Throws `unknownLabel` (file, line, label) when a current decision — the latest vote or the
    /// latest adjudication for an id — uses a label outside the set. A superseded line with such
    /// a label (a typo corrected by a later line, a label since removed from labels.json) is no
    /// error: label files are append-only, so appending the correction is how a mistake is
    /// fixed. The check costs nothing when every label of the file is known.
    public func labelPositions(in labelSet: LabelSet) throws(AnnotationError) -> [Int16] {
        let positions = labelNames.map { labelSet.index(of: $0).map(Int16.init) ?? -2 }
        guard positions.contains(-2) else { return positions }
        for adjudicated in [false, true] {
            let current = currentDecisions(adjudicated: adjudicated).values
            let unknown = current.map { entries[$0] }.filter { positions[Int($0.label)] == -2 }
            if let first = unknown.min(by: { $0.line < $1.line }) {
                throw .unknownLabel(
                    path: path, line: Int(first.line), label: labelNames[Int(first.label)], known: labelSet.names)
            }
        }
        return positions
    }
}
