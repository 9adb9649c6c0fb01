import Foundation

/// Whether `condition` becomes true within `seconds`, polling: the server ends a closed
/// session (and drops its locks) a moment after the client has gone.
func eventually(within seconds: Double = 5, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
        if try condition() { return true }
        if Date() > deadline { return false }
        usleep(10_000)
    }
}
