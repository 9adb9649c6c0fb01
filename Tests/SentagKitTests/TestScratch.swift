import Foundation

/// Fresh folders for tests, all under `<tmp>/sentag-kit-<pid>`, which is removed when the test
/// process exits: a run leaves nothing in the temporary directory, even when a test fails before
/// its own clean-up.
enum TestScratch {
    /// A new empty folder whose name starts with `prefix`.
    static func folder(_ prefix: String) -> URL {
        let url = URL(fileURLWithPath: root).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let root: String = {
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.rootPath) }
        return rootPath
    }()

    private static var rootPath: String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sentag-kit-\(getpid())").path
    }
}
