#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opening files inside a folder without following links: the folder store's only way to open
/// anything, so a journal, a lock or `labels.json` planted as a symbolic link (to another
/// journal, to `/dev/zero`, to a file outside the folder), a FIFO or a hard link to a file
/// elsewhere is refused instead of read, written or truncated.
///
/// Every open is `openat` relative to a folder descriptor with `O_NOFOLLOW` and `O_NONBLOCK`
/// (a FIFO cannot hang the open), then `fstat` must show a regular file with exactly one link.
enum SafeFile {
    /// What stands at a name in a folder, without following links.
    enum Entry: Equatable {
        case missing, regular, directory, other
    }

    static func entry(_ name: String, in folder: Int32) -> Entry {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Opens `name` in `folder`; nil when nothing is there (and `flags` does not create it).
    ///
    /// `path` names the file in errors.
    static func open(_ name: String, in folder: Int32, flags: Int32, path: String) throws(StoreError) -> Int32? {
        let fd = openat(folder, name, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP || code == EMLINK {
                throw .unsafeFile(path: path, reason: "is a symbolic link")
            }
            if code == ENXIO {
                throw .unsafeFile(path: path, reason: "is a FIFO or socket with nobody at the other end")
            }
            throw .cannotOpen(path: path, reason: FileSystem.describe(errno: code))
        }
        do {
            try checkRegular(fd, path: path)
        } catch {
            FileSystem.closeDescriptor(fd)
            throw error
        }
        // Regular files ignore O_NONBLOCK, but clear it so nothing downstream is surprised.
        let status = fcntl(fd, F_GETFL)
        if status >= 0 { _ = fcntl(fd, F_SETFL, status & ~O_NONBLOCK) }
        return fd
    }

    /// Throws unless `fd` is a regular file with one link.
    static func checkRegular(_ fd: Int32, path: String) throws(StoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .cannotOpen(path: path, reason: FileSystem.describe(errno: errno))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unsafeFile(path: path, reason: "is a folder")
        case S_IFIFO: throw .unsafeFile(path: path, reason: "is a FIFO")
        case S_IFCHR, S_IFBLK: throw .unsafeFile(path: path, reason: "is a device")
        case S_IFSOCK: throw .unsafeFile(path: path, reason: "is a socket")
        default: throw .unsafeFile(path: path, reason: "is not a regular file")
        }
        if info.st_nlink != 1 {
            throw .unsafeFile(path: path, reason: "has \(info.st_nlink) links (a hard link to another file)")
        }
    }

    /// Opens (creating when asked) the folder `name` inside `folder`, refusing a link.
    static func openFolder(_ name: String, in folder: Int32, create: Bool, path: String) throws(StoreError) -> Int32? {
        if create && mkdirat(folder, name, 0o755) != 0 && errno != EEXIST {
            throw .cannotOpen(path: path, reason: FileSystem.describe(errno: errno))
        }
        let fd = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP || code == ENOTDIR {
                throw .unsafeFile(path: path, reason: code == ELOOP ? "is a symbolic link" : "is not a folder")
            }
            throw .cannotOpen(path: path, reason: FileSystem.describe(errno: code))
        }
        return fd
    }

    /// The size of an open file.
    static func size(_ fd: Int32) -> Int64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return 0 }
        return Int64(info.st_size)
    }

    /// Reads exactly `count` bytes at `offset` into a new array (fewer at the end of the file).
    static func read(_ fd: Int32, count: Int, at offset: Int64) -> [UInt8] {
        guard count > 0 else { return [] }
        // Not zero-filled first: caches of tens of MB are read at every start.
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let start = buffer.baseAddress else { preconditionFailure("count > 0 was checked above") }
            var done = 0
            while done < count {
                let n = pread(fd, start + done, count - done, off_t(offset) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            initialized = done
        }
    }

    /// The whole content of an open regular file, refusing more than `limit` bytes.
    static func readAll(_ fd: Int32, limit: Int, path: String) throws(StoreError) -> [UInt8] {
        let size = Self.size(fd)
        if size > Int64(limit) {
            throw .unreadable(path: path, reason: "it is \(size) bytes; at most \(limit) are expected here")
        }
        return read(fd, count: Int(size), at: 0)
    }

    /// A cache file's bytes, mapped (`CacheBytes`), or read when it cannot be mapped; nil when
    /// neither works.
    static func readCache(_ fd: Int32, path: String) -> CacheBytes? {
        let size = Self.size(fd)
        guard size >= 0, size <= Int64(Int.max) else { return nil }
        if let mapped = CacheBytes(mapping: fd, count: Int(size)) { return mapped }
        return (try? readAll(fd, limit: Int.max, path: path)).map(CacheBytes.init)
    }

    /// Writes `bytes` to `name` in `folder` by way of a temporary file and a rename, so readers
    /// see the old file or the new one, never a mix; a link at `name` is replaced, not followed.
    ///
    /// With `sync`, the file and the rename are on disk when it returns (caches skip that: a
    /// cache cut short by a crash fails its checksum and is rebuilt).
    static func replace(_ name: String, in folder: Int32, with bytes: [UInt8], path: String, sync: Bool = true)
        throws(StoreError)
    {
        let temporary = ".\(name).\(getpid()).tmp"
        let fd = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: FileSystem.describe(errno: errno)) }
        do {
            try FileSystem.writeAll(fd, bytes, path: path)
        } catch {
            FileSystem.closeDescriptor(fd)
            unlinkat(folder, temporary, 0)
            throw .writeFailed(path: path, reason: error.reason)
        }
        let synced = !sync || fsync(fd) == 0
        let code = errno
        FileSystem.closeDescriptor(fd)
        guard synced, renameat(folder, temporary, folder, name) == 0 else {
            let reason = FileSystem.describe(errno: synced ? errno : code)
            unlinkat(folder, temporary, 0)
            throw .writeFailed(path: path, reason: reason)
        }
        if sync { _ = fsync(folder) }
    }
}
