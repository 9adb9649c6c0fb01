/// How the documents are shared out between train, dev and test, as fractions summing to 1.
///
/// Written on the command line as three numbers separated by `/`: percentages summing to 100
/// (`80/10/10`) or fractions summing to 1 (`0.8/0.1/0.1`). A part may be 0 (`90/10/0`).
public struct SplitRatios: Equatable, Sendable, CustomStringConvertible {
    /// Fractions for train, dev and test, in that order; non-negative, summing to 1.
    public let fractions: [Double]

    public static let `default`: SplitRatios = {
        do {
            return try SplitRatios(parsing: "80/10/10")
        } catch {
            preconditionFailure("80/10/10 is three percentages summing to 100: \(error)")
        }
    }()

    public init(train: Double, dev: Double, test: Double) throws(ExportError) {
        try self.init(values: [train, dev, test], text: "\(train)/\(dev)/\(test)")
    }

    /// Parses `80/10/10` or `0.8/0.1/0.1`.
    public init(parsing text: String) throws(ExportError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .badSplit(text, reason: "give three numbers for train/dev/test, like 80/10/10")
        }
        var values: [Double] = []
        for part in parts {
            let trimmed = part.trimmingSpaces
            guard let value = Double(trimmed), value.isFinite, trimmed.first != "+" else {
                throw .badSplit(text, reason: "'\(trimmed)' is not a number")
            }
            if value < 0 { throw .badSplit(text, reason: "'\(trimmed)' is negative") }
            values.append(value)
        }
        try self.init(values: values, text: text)
    }

    private init(values: [Double], text: String) throws(ExportError) {
        if let negative = values.first(where: { $0 < 0 || !$0.isFinite }) {
            throw .badSplit(text, reason: "\(negative) is negative")
        }
        let sum = values.reduce(0, +)
        if abs(sum - 100) <= 1e-6 {
            fractions = values.map { $0 / 100 }
        } else if abs(sum - 1) <= 1e-9 {
            fractions = values
        } else {
            let shown = sum == sum.rounded() && abs(sum) < 1e15 ? String(Int(sum)) : String(sum)
            throw .badSplit(text, reason: "the parts add up to \(shown), not 100 (percentages) or 1 (fractions)")
        }
    }

    public func fraction(_ split: DatasetSplit) -> Double { fractions[split.rawValue] }

    /// `80/10/10` (percentages, shortest form).
    public var description: String {
        fractions.map { value in
            let percent = (value * 100 * 1e6).rounded() / 1e6
            return percent == percent.rounded() ? String(Int(percent)) : String(percent)
        }.joined(separator: "/")
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        var view = self
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}
