extension LabelFileWarning {
    /// The warnings as stderr lines, at most `perFile` for each file and then one line saying how
    /// many more that file has, so a file that is not a label file at all does not flood the
    /// terminal.
    public static func summaryLines(_ warnings: [LabelFileWarning], perFile: Int = 20) -> [String] {
        var lines: [String] = []
        var shown: [String: Int] = [:]
        var hidden: [(path: String, count: Int)] = []
        for warning in warnings {
            let count = shown[warning.path, default: 0]
            if count < perFile {
                lines.append(warning.description)
            } else if let last = hidden.indices.last, hidden[last].path == warning.path {
                hidden[last].count += 1
            } else {
                hidden.append((warning.path, 1))
            }
            shown[warning.path] = count + 1
        }
        for (path, count) in hidden {
            lines.append("\(path): warning: \(count) more unreadable line\(count == 1 ? "" : "s") skipped")
        }
        return lines
    }
}
