#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cache in a folder of this machine's own, for a store that has no folder to keep one
/// beside its journals: a database store keeps its checkpoints and segmentations in
/// `$XDG_CACHE_HOME/sentag/<kind>/<key>/` (else `~/.cache/sentag/…`).
///
/// Like the folder store's `.sentag/`: every file is opened without following links inside it,
/// replaced atomically, never needed for correctness (each is verified before use and rebuilt
/// when stale), and deleting the folder loses nothing. It is created on the first write, readable
/// by its owner only (decisions and notes are in the checkpoints).
public final class CacheFolder: StoreCache {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The folder for the store `key` of `kind` under the user's cache folder
    /// (`$XDG_CACHE_HOME/sentag`, else `$HOME/.cache/sentag`); nil when neither is set.
    public static func forStore(kind: String, key: String, environment: [String: String]) -> CacheFolder? {
        let root: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            root = FileSystem.join(xdg, "sentag")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            root = FileSystem.join(home, ".cache/sentag")
        } else {
            return nil
        }
        return CacheFolder(path: FileSystem.join(FileSystem.join(root, kind), key))
    }

    /// Opens the cache folder (creating it, and its parents, when asked), then `subfolder` in it;
    /// nil when missing or unsafe.
    func openFolder(_ subfolder: String?, create: Bool) -> Int32? {
        if create, FileSystem.kind(of: path) == nil {
            guard (try? FileSystem.createDirectory(path)) != nil else { return nil }
            _ = chmod(path, 0o700)
        }
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        guard let subfolder else { return root }
        defer { FileSystem.closeDescriptor(root) }
        return try? SafeFile.openFolder(subfolder, in: root, create: create, path: FileSystem.join(path, subfolder))
    }

    /// `checkpoints/alice` → ("checkpoints", "alice").
    private func split(_ key: String) -> (folder: String?, name: String) {
        guard let slash = key.lastIndex(of: "/") else { return (nil, key) }
        return (String(key[..<slash]), String(key[key.index(after: slash)...]))
    }

    public func read(_ key: String) -> CacheBytes? {
        let (subfolder, name) = split(key)
        guard let folder = openFolder(subfolder, create: false) else { return nil }
        defer { FileSystem.closeDescriptor(folder) }
        let location = FileSystem.join(path, key)
        guard let fd = try? SafeFile.open(name, in: folder, flags: O_RDONLY, path: location) else { return nil }
        defer { FileSystem.closeDescriptor(fd) }
        return SafeFile.readCache(fd, path: location)
    }

    public func write(_ key: String, _ bytes: [UInt8]) {
        let (subfolder, name) = split(key)
        guard let folder = openFolder(subfolder, create: true) else { return }
        defer { FileSystem.closeDescriptor(folder) }
        try? SafeFile.replace(name, in: folder, with: bytes, path: FileSystem.join(path, key), sync: false)
    }
}
