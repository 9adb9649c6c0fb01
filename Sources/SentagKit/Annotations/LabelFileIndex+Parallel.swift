#if canImport(Dispatch)
    import Dispatch
#endif

extension LabelFileIndex {
    /// Reads several label files, one thread per file up to the number of processors; the
    /// result is in the order of `paths`, and the first failure in that order is thrown.
    public static func read(paths: [String]) throws(AnnotationError) -> [LabelFileIndex] {
        var results = [Result<LabelFileIndex, AnnotationError>?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = ResultSlots(buffer: buffer)
            let workers = min(paths.count, ProcessorCount.active)
            guard workers > 0 else { return }
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < paths.count {
                    let path = paths[index]
                    slots.buffer[index] = Result { () throws(AnnotationError) in try LabelFileIndex(path: path) }
                    index += workers
                }
            }
        }
        var files: [LabelFileIndex] = []
        for result in results { files.append(try result!.get()) }
        return files
    }
}

/// Per-file result slots the reading threads fill; each index is written by exactly one thread.
private struct ResultSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result<LabelFileIndex, AnnotationError>?>
}
