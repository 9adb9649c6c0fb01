import ArgumentParser
import SentagKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Parsers of option values that say what is accepted when a value is not.
///
/// Each is the `transform:` of an `@Option` declared with `parsing: .unconditional`, so a value
/// that starts with `-` (`--seed -1`, `--split -10/60/50`) is read as the value it is, not taken
/// for the next flag (which made argument-parser say `Missing value for '--seed <seed>'`).
/// A refused value is a usage error (exit 64) that quotes it:
/// `The value '-1' is invalid for '--seed <seed>': a seed is a whole number from 0 to …`.
///
/// Options with free text (`--out`, `--annotations`, `--drop`) keep the default parsing: there a
/// forgotten value must not swallow the next flag as a folder name.
enum OptionValue {
    /// Why a value was refused: what the option accepts.
    struct Refusal: Error, CustomStringConvertible, LocalizedError {
        var description: String
        var errorDescription: String? { description }
    }

    /// A seed: a whole number from 0 to `maximum`.
    static func seed(upTo maximum: UInt64 = .max) -> @Sendable (String) throws -> UInt64 {
        { text in
            guard let value = UInt64(text), value <= maximum else {
                throw Refusal(description: "a seed is a whole number from 0 to \(maximum)")
            }
            return value
        }
    }

    /// A count in `range` (an upper bound of `Int.max` is left unsaid); `noun` names what is
    /// counted: "votes".
    static func count(_ range: ClosedRange<Int>, of noun: String) -> @Sendable (String) throws -> Int {
        { text in
            guard let value = Int(text), range.contains(value) else {
                let bounds =
                    range.upperBound == .max
                    ? ", \(range.lowerBound) or more" : " from \(range.lowerBound) to \(range.upperBound)"
                throw Refusal(description: "give a whole number of \(noun)\(bounds)")
            }
            return value
        }
    }

    /// A number of minutes greater than 0.
    @Sendable static func minutes(_ text: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value > 0 else {
            throw Refusal(description: "give a number of minutes greater than 0")
        }
        return value
    }

    /// `adjudicated-majority`, `majority`, `unanimous` or `annotator:NAME`.
    @Sendable static func policy(_ text: String) throws -> ExportPolicy {
        do {
            return try ExportPolicy(parsing: text)
        } catch {
            throw Refusal(description: "use adjudicated-majority, majority, unanimous or annotator:NAME")
        }
    }

    /// Train/dev/test shares: `80/10/10` or `0.8/0.1/0.1`.
    @Sendable static func split(_ text: String) throws -> SplitRatios {
        do {
            return try SplitRatios(parsing: text)
        } catch {
            guard case .badSplit(_, let reason) = error else { throw error }
            throw Refusal(
                description: "\(reason); give train/dev/test as percentages (80/10/10) or fractions (0.8/0.1/0.1)")
        }
    }
}
