#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `<folder>/.sentag/`: the folder store's caches (checkpoints, segmentations) and session locks.
///
/// Opened like everything else in the folder (`SafeFile`: no link followed). Created with a
/// `.gitignore` of `*`, so a project that keeps its annotations in git never commits it.
/// Deleting it loses nothing: every cache is rebuilt from the journals and sources.
final class FolderCache: StoreCache {
    static let name = ".sentag"
    let store: FolderStore

    init(store: FolderStore) {
        self.store = store
    }

    var path: String { FileSystem.join(store.path, Self.name) }

    /// Opens `.sentag/<subfolder>` (creating it when asked); nil when it is missing or unsafe.
    func openFolder(_ subfolder: String?, create: Bool) throws(StoreError) -> Int32? {
        guard let root = try store.openFolder() else { return nil }
        defer { FileSystem.closeDescriptor(root) }
        let existed = SafeFile.entry(Self.name, in: root) != .missing
        guard let cache = try SafeFile.openFolder(Self.name, in: root, create: create, path: path) else { return nil }
        if !existed { try? SafeFile.replace(".gitignore", in: cache, with: Array("*\n".utf8), path: path) }
        guard let subfolder else { return cache }
        defer { FileSystem.closeDescriptor(cache) }
        return try SafeFile.openFolder(subfolder, in: cache, create: create, path: FileSystem.join(path, subfolder))
    }

    /// `checkpoints/alice` → ("checkpoints", "alice").
    private func split(_ key: String) -> (folder: String?, name: String) {
        guard let slash = key.lastIndex(of: "/") else { return (nil, key) }
        return (String(key[..<slash]), String(key[key.index(after: slash)...]))
    }

    func read(_ key: String) -> CacheBytes? {
        let (subfolder, name) = split(key)
        guard let folder = try? openFolder(subfolder, create: false) else { return nil }
        defer { FileSystem.closeDescriptor(folder) }
        let location = FileSystem.join(path, key)
        guard let fd = try? SafeFile.open(name, in: folder, flags: O_RDONLY, path: location)
        else { return nil }
        defer { FileSystem.closeDescriptor(fd) }
        return SafeFile.readCache(fd, path: location)
    }

    func write(_ key: String, _ bytes: [UInt8]) {
        let (subfolder, name) = split(key)
        guard let folder = try? openFolder(subfolder, create: true) else { return }
        defer { FileSystem.closeDescriptor(folder) }
        try? SafeFile.replace(name, in: folder, with: bytes, path: FileSystem.join(path, key), sync: false)
    }
}
