/// The annotations folder: one `<annotator>.jsonl` per annotator, and optionally `labels.json`.
public struct AnnotationsDirectory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var exists: Bool { FileSystem.kind(of: path) == .directory }

    /// The path of an annotator's label file.
    public func labelFilePath(for annotator: String) -> String {
        FileSystem.join(path, annotator + ".jsonl")
    }

    /// Annotators with a label file, sorted. Files whose stem is not a valid annotator name are
    /// left out (they cannot have been written by sentag).
    public func annotators() throws(AnnotationError) -> [String] {
        guard exists else { return [] }
        let names: [String]
        do {
            names = try FileSystem.listDirectory(path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        return names.compactMap { name in
            guard name.hasSuffix(".jsonl"), FileSystem.kind(of: FileSystem.join(path, name)) == .file else {
                return nil
            }
            let stem = String(name.dropLast(6))
            return AnnotatorName.isValid(stem) ? stem : nil
        }.sorted()
    }

    /// The label set: `labels.json` when present, else the default four.
    public func labelSet() throws(LabelSetError) -> LabelSet {
        try LabelSet.load(annotationsDirectory: path)
    }

    /// Reads the label files of the given annotators (all when nil), in name order, several at a
    /// time.
    public func readIndexes(annotators selected: [String]? = nil) throws(AnnotationError) -> [LabelFileIndex] {
        let available = try annotators()
        var chosen = available
        if let selected {
            for name in selected where !available.contains(name) {
                throw .unknownAnnotator(name: name, known: available)
            }
            chosen = selected
        }
        return try LabelFileIndex.read(paths: chosen.map(labelFilePath(for:)))
    }
}
