#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates or replaces a folder so that it always holds either the complete old content or the
/// complete new content, never a mix, whatever moment the process is killed.
///
/// The sequence (`DIR` is the target, `P` its parent folder, `NAME` its last component):
///
/// 1. `recoverAbandoned()`: leftovers of a killed run are named `P/.NAME.sentag-export-new-PID`
///    (a staging folder) or `P/.NAME.sentag-export-old-PID` (a previous `DIR` moved aside by the
///    fallback below). Those whose process is gone are cleaned up: when `DIR` is missing, an
///    `-old-` folder is renamed back to `DIR` (the previous export is restored); everything else
///    is deleted.
/// 2. `createStaging()` makes `P/.NAME.sentag-export-new-PID`: next to `DIR`, so on the same file
///    system, where `rename(2)` is atomic.
/// 3. The caller writes every file into the staging folder and `fsync`s each; `install()`
///    `fsync`s the staging folder itself.
/// 4. `install()`:
///    - `DIR` missing: `rename(staging, DIR)`, then `fsync(P)`.
///    - `DIR` present: `renameat2(staging, DIR, RENAME_EXCHANGE)` swaps the two folders in one
///      atomic step, then `fsync(P)`; the staging name now holds the old export, which is deleted.
///    - Where the exchange is not supported (no `renameat2`, or a file system that refuses it),
///      `rename(DIR, P/.NAME.sentag-export-old-PID)` then `rename(staging, DIR)`, `fsync(P)`, and
///      the old folder is deleted. A kill between the two renames leaves `DIR` missing for a
///      moment, with the previous export intact under the `-old-` name; step 1 of the next run
///      puts it back.
///
/// Until the exchange (or the second rename) `DIR` is untouched, so a kill at any earlier point
/// leaves the previous export exactly as it was. A kill after it leaves the new export complete.
public struct AtomicDirectoryReplacement: Sendable {
    /// The target as the user gave it (for messages).
    public let target: String
    /// The target's parent folder, resolved (symbolic links followed).
    public let parent: String
    /// The target's last path component.
    public let name: String

    /// Resolves `target` (creating its missing parent folders).
    ///
    /// A target that is a symbolic link to a folder is resolved to that folder, which is then
    /// replaced.
    public init(target: String) throws(ExportError) {
        self.target = target
        var trimmed = target
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let resolved: String
        if FileSystem.exists(trimmed) {
            guard let real = Self.realPath(trimmed) else {
                throw .cannotWrite(path: target, reason: FileSystem.describe(errno: errno))
            }
            resolved = real
        } else {
            let slash = trimmed.lastIndex(of: "/")
            let parentPart = slash.map { $0 == trimmed.startIndex ? "/" : String(trimmed[..<$0]) } ?? "."
            let namePart = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
            do {
                try FileSystem.createDirectory(parentPart)
            } catch {
                throw .cannotWrite(path: error.path, reason: error.reason)
            }
            guard let realParent = Self.realPath(parentPart) else {
                throw .cannotWrite(path: parentPart, reason: FileSystem.describe(errno: errno))
            }
            resolved = FileSystem.join(realParent, namePart)
        }
        guard resolved != "/", let slash = resolved.lastIndex(of: "/") else {
            throw .cannotWrite(path: target, reason: "the root folder cannot be replaced")
        }
        parent = slash == resolved.startIndex ? "/" : String(resolved[..<slash])
        name = String(resolved[resolved.index(after: slash)...])
        if name.isEmpty || name == "." || name == ".." {
            throw .cannotWrite(path: target, reason: "give the folder's name, not '\(name)'")
        }
    }

    /// The resolved target.
    public var path: String { FileSystem.join(parent, name) }

    /// This process's staging folder.
    public var stagingPath: String { leftoverPath(kind: "new", pid: getpid()) }

    /// Where the fallback moves the previous export aside.
    var asidePath: String { leftoverPath(kind: "old", pid: getpid()) }

    private var leftoverPrefix: String { ".\(name).sentag-export-" }

    private func leftoverPath(kind: String, pid: pid_t) -> String {
        FileSystem.join(parent, "\(leftoverPrefix)\(kind)-\(pid)")
    }

    /// Cleans up after runs that were killed (step 1).
    ///
    /// Returns what was done, for warnings.
    @discardableResult
    public func recoverAbandoned() -> [String] {
        guard let entries = try? FileSystem.listDirectory(parent) else { return [] }
        var done: [String] = []
        // "old" before "new": restoring a previous export comes first.
        let leftovers = entries.compactMap { entry -> (path: String, kind: Substring)? in
            guard entry.hasPrefix(leftoverPrefix) else { return nil }
            let rest = entry.dropFirst(leftoverPrefix.count)
            let parts = rest.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, parts[0] == "new" || parts[0] == "old", let pid = pid_t(parts[1]), pid > 0 else {
                return nil
            }
            if pid != getpid() && Self.isRunning(pid) { return nil }
            return (FileSystem.join(parent, entry), parts[0])
        }.sorted { $0.kind > $1.kind }
        for leftover in leftovers {
            if leftover.kind == "old" && !FileSystem.exists(path) && rename(leftover.path, path) == 0 {
                Self.syncDirectory(parent)
                done.append("restored the previous export in \(target) from \(leftover.path) (left by a killed export)")
            } else if Self.removeTree(leftover.path) {
                done.append("removed \(leftover.path), left by a killed export")
            }
        }
        return done
    }

    /// Throws unless the target is missing, an empty folder, or a previous sentag export: a folder
    /// holding only the files an export writes, with a `manifest.json` whose `generator` is
    /// `sentag`.
    ///
    /// Anything else would be lost when the folder is replaced.
    public func checkReplaceable() throws(ExportError) {
        switch FileSystem.kind(of: path) {
        case nil: return
        case .file?, .other?: throw .outputNotADirectory(path: target)
        case .directory?: break
        }
        let entries: [String]
        do {
            entries = try FileSystem.listDirectory(path)
        } catch {
            throw .cannotWrite(path: target, reason: error.reason)
        }
        if entries.isEmpty { return }
        var allowed: Set<String> = [
            "manifest.json", "README.md", SpacyTrainingFiles.configName, SpacyTrainingFiles.converterName,
        ]
        allowed.formUnion(SpacyTrainingFiles.converterOutputs)
        for format in ExportFormat.allCases {
            for split in DatasetSplit.allCases { allowed.insert(format.fileName(split)) }
        }
        if let foreign = entries.first(where: { !allowed.contains($0) }) {
            throw .outputNotAnExport(path: target, entry: foreign)
        }
        let manifest = FileSystem.join(path, "manifest.json")
        guard let bytes = try? FileSystem.readFile(manifest), let json = try? JSONParser.parse(bytes),
            json["generator"]?.stringValue == "sentag"
        else {
            throw .outputNotAnExport(
                path: target, entry: entries.contains("manifest.json") ? "manifest.json" : entries[0])
        }
    }

    /// Makes this process's empty staging folder (step 2) and returns its path.
    public func createStaging() throws(ExportError) -> String {
        let staging = stagingPath
        if FileSystem.exists(staging) { _ = Self.removeTree(staging) }
        guard mkdir(staging, 0o755) == 0 else {
            throw .cannotWrite(path: staging, reason: FileSystem.describe(errno: errno))
        }
        return staging
    }

    /// Deletes the staging folder (after a failure).
    public func discardStaging() {
        _ = Self.removeTree(stagingPath)
    }

    /// Moves the finished staging folder into place (step 4).
    ///
    /// `useExchange: false` forces the two-rename fallback (for tests). On failure the staging
    /// folder is deleted and the target is as it was.
    public func install(useExchange: Bool = true) throws(ExportError) {
        let staging = stagingPath
        Self.syncDirectory(staging)
        if !FileSystem.exists(path) {
            guard rename(staging, path) == 0 else {
                let reason = FileSystem.describe(errno: errno)
                discardStaging()
                throw .cannotReplace(path: target, reason: reason, kept: "nothing was written there")
            }
            Self.syncDirectory(parent)
            return
        }
        if useExchange, let exchange = Self.renameExchange {
            if exchange(AT_FDCWD, staging, AT_FDCWD, path, Self.renameExchangeFlag) == 0 {
                Self.syncDirectory(parent)
                _ = Self.removeTree(staging)
                return
            }
            let code = errno
            if code != EINVAL && code != ENOSYS && code != EOPNOTSUPP && code != ENOTSUP {
                discardStaging()
                throw .cannotReplace(
                    path: target, reason: FileSystem.describe(errno: code), kept: "the previous export is unchanged")
            }
        }
        let aside = asidePath
        guard rename(path, aside) == 0 else {
            let reason = FileSystem.describe(errno: errno)
            discardStaging()
            throw .cannotReplace(path: target, reason: reason, kept: "the previous export is unchanged")
        }
        guard rename(staging, path) == 0 else {
            let reason = FileSystem.describe(errno: errno)
            let restored = rename(aside, path) == 0
            discardStaging()
            throw .cannotReplace(
                path: target, reason: reason,
                kept: restored ? "the previous export is unchanged" : "the previous export is in \(aside)")
        }
        Self.syncDirectory(parent)
        _ = Self.removeTree(aside)
    }

    // MARK: - POSIX helpers

    private typealias RenameAt2 =
        @convention(c) (
            Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
        ) -> Int32

    /// glibc's `renameat2`, looked up at run time: Swift's Glibc module leaves it out (it is
    /// declared only under `_GNU_SOURCE`), and an old C library may not have it at all.
    private static var renameExchange: RenameAt2? {
        #if os(Linux)
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
            return nil
        #endif
    }

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchangeFlag: UInt32 = 1 << 1

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Makes a folder's entries (names created, renamed or removed in it) durable.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        FileSystem.closeDescriptor(fd)
    }

    /// Deletes a file or a folder with everything in it, without following symbolic links.
    ///
    /// Returns false when something could not be deleted.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        if info.st_mode & S_IFMT != S_IFDIR { return unlink(path) == 0 }
        var ok = true
        if let entries = try? FileSystem.listDirectory(path) {
            for entry in entries where !removeTree(FileSystem.join(path, entry)) { ok = false }
        }
        return rmdir(path) == 0 && ok
    }
}
