/// Small text-layout helpers shared by the agreement and stats reports.
enum ReportText {
    /// `value` with exactly `digits` decimals ("0.743", "-0.050"), without Foundation's formatter.
    static func fixed(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return "n/a" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled != 0
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var text = String(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return negative ? "-" + text : text
    }

    /// "n/a" for nil.
    static func fixed(_ value: Double?, digits: Int = 3) -> String {
        value.map { fixed($0, digits: digits) } ?? "n/a"
    }

    /// A count with a comma between thousands: `12,345`.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// Pads on the right to `width` characters (counting Characters).
    static func left(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    /// Pads on the left to `width` characters.
    static func right(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }

    /// Rows of cells as aligned columns: the first column left-aligned, the others right-aligned,
    /// two spaces apart, each line indented by `indent`.
    static func table(_ rows: [[String]], indent: String = "  ", leftAligned: Set<Int> = [0]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return rows.map { row in
            var line = indent
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                let isLast = column == row.count - 1
                if leftAligned.contains(column) {
                    line += isLast ? cell : left(cell, widths[column])
                } else {
                    line += right(cell, widths[column])
                }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The items joined as in prose: `a, b and c`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
