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
        /// A reason no `errno` says (a FIFO where a file was expected); else `strerror`'s text.
        public var detail: String? = nil
        public var reason: String { detail ?? FileSystem.describe(errno: errno) }
    }

    /// What identifies a file system object whatever the path to it: device and inode.
    public struct Identity: Hashable, Sendable {
        public var device: UInt64
        public var inode: UInt64
    }

    public static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }

    /// The kind of the object at `path` (following symbolic links); nil when nothing is there.
    public static func kind(of path: String) -> Kind? {
        status(of: path)?.kind
    }

    /// The kind and identity of the object at `path` (following symbolic links); nil when
    /// nothing is there.
    public static func status(of path: String) -> (kind: Kind, identity: Identity)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        return (kind(ofMode: info.st_mode), identity)
    }

    private static func kind(ofMode mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        default: .other
        }
    }

    public static func exists(_ path: String) -> Bool { kind(of: path) != nil }

    /// The whole content of a regular file; anything else (a FIFO, a device, a socket) is a
    /// failure, not a wait or an endless read.
    ///
    /// Opened non-blocking, so a FIFO put in the file's place after a check cannot hang the
    /// open; the type is checked on the open descriptor (no race), and regular files ignore
    /// `O_NONBLOCK` when read.
    public static func readFile(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw Failure(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, errno: errno) }
        guard kind(ofMode: info.st_mode) == .file else {
            throw Failure(path: path, errno: EINVAL, detail: notRegularFile)
        }
        var capacity = 1 << 16
        if info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { raw in
                guard let start = raw.baseAddress else { preconditionFailure("the buffer holds at least 64 KiB") }
                return read(fd, start + count, raw.count - count)
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

    /// Why a FIFO, a device or a socket is refused where a file was expected.
    public static let notRegularFile = "not a regular file (a FIFO, a device or a socket)"

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
        // Only an empty buffer has no start, and then there is nothing to write.
        guard let start = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let n = write(fd, start + written, bytes.count - written)
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
