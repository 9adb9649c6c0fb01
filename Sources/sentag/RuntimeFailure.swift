import PostgresStore
import SentagKit

/// The message for a runtime error of the core, or nil for argument-parser's own errors.
enum RuntimeFailure {
    static func message(for error: any Error) -> String? {
        switch error {
        case let error as SourceError: error.description
        case let error as StoreError: error.description
        case let error as LabelSetError: error.description
        case let error as ExportError: error.description
        case let error as ModelError: error.description
        case let error as PlanError: error.description
        case let error as PostgresError: error.description
        case let error as any CustomStringConvertible & Error where error is SentagFailure: error.description
        default: nil
        }
    }
}
