/// One of the three parts of an exported dataset.
public enum DatasetSplit: Int, CaseIterable, Sendable, CustomStringConvertible {
    case train = 0
    case dev = 1
    case test = 2

    /// `train`, `dev`, `test`: the file stem and the `split` value of each example.
    public var name: String {
        switch self {
        case .train: "train"
        case .dev: "dev"
        case .test: "test"
        }
    }

    public var description: String { name }
}
