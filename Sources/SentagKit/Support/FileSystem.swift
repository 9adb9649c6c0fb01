#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations the core needs, with errors as values rather than traps.
///
/// Kept on POSIX calls (not FileManager) so reading a corpus or a label file costs one `open`
/// and a few large `read`s, and so error texts come straight from `strerror`.
public enum FileSystem {
    public enum Kind: Equatable, Sendable { case file, directory, other }

    public struct Failure: Error, Equatable, Sendable {
        public var path: String
        public var errno: Int32
        public var reason: String { FileSystem.describe(errno: errno) }
    }

    public static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }

    /// The kind of the object at `path` (following symbolic links); nil when nothing is there.
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool { kind(of: path) != nil }

    /// The whole content of a regular file.
    public static func readFile(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        var capacity = 1 << 16
        if fstat(fd, &info) == 0, info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, errno: errno)
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Names in a directory, without `.` and `..`, sorted bytewise.
    public static func listDirectory(_ path: String) throws(Failure) -> [String] {
        guard let dir = opendir(path) else { throw Failure(path: path, errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Creates a directory and its missing parents.
    public static func createDirectory(_ path: String) throws(Failure) {
        if kind(of: path) == .directory { return }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if let slash = trimmed.lastIndex(of: "/"), slash != trimmed.startIndex {
            try createDirectory(String(trimmed[..<slash]))
        }
        if mkdir(trimmed, 0o755) != 0 && errno != EEXIST { throw Failure(path: trimmed, errno: errno) }
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and `EINTR`; `path` names the file in
    /// the error.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, errno: errno)
            }
            written += n
        }
    }

    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(Failure) in try writeAll(fd, raw, path: path) } }
        try result.get()
    }

    public static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }

    /// `a/b` joined without doubling the slash.
    public static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty || base == "." { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// The last path component without its extension: `seeds/a.b.txt` → `a.b`.
    public static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The extension of the last path component, lowercased, without the dot.
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
