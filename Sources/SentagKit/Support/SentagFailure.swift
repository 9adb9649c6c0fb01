#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A runtime failure with a ready message, for problems that have no richer error type.
public struct SentagFailure: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    public var errorDescription: String? { description }
}
