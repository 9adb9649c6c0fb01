import SentagKit

extension OptionValue {
    /// A fraction from 0 to 1 (`--overlap`).
    @Sendable static func fraction(_ text: String) throws -> Double {
        guard let value = Double(text), value >= 0, value <= 1 else {
            throw Refusal(description: "give a fraction from 0 to 1 (0.2 for 20%)")
        }
        return value
    }

    /// A fraction from 0 up to, not including, 1 (`--gold-rate`).
    @Sendable static func rate(_ text: String) throws -> Double {
        guard let value = Double(text), value >= 0, value < 1 else {
            throw Refusal(description: "give a fraction from 0 up to (not including) 1 (0.05 for 5% of each queue)")
        }
        return value
    }

    /// A number of seconds from 0 (`--unread-seconds`).
    @Sendable static func seconds(_ text: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw Refusal(description: "give a number of seconds from 0")
        }
        return value
    }
}
