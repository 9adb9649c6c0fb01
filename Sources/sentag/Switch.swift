import ArgumentParser

/// `on` or `off`, for options such as `--suggest`.
enum Switch: String, ExpressibleByArgument, CaseIterable {
    case on
    case off
}
