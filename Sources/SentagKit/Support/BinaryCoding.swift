#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends fixed-layout values to bytes: the format of sentag's cache files (checkpoints,
/// segmentations), which are read back by `BinaryReader` in the same build only.
///
/// Arrays of plain values are copied as memory, so a million-entry table is written and read
/// at memory speed; the files carry the layout sizes they were written with and are rebuilt
/// when anything differs.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func write<T: BitwiseCopyable>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: Int) { write(Int64(value)) }

    public mutating func write(_ text: String) {
        var copy = text
        copy.withUTF8 { utf8 in
            write(Int64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ texts: [String]) {
        write(Int64(texts.count))
        for text in texts { write(text) }
    }

    /// A count, then the elements' memory.
    public mutating func write<T: BitwiseCopyable>(array: [T]) {
        write(Int64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// The bytes of a cache file: mapped from the file when read from a cache folder, or a copy of
/// an array.
///
/// Mapping instead of reading saves a copy and its page faults: the 82 MB segmentation of 1M
/// sentences, or a team's checkpoints, are read where they lie in the page cache. Cache files
/// are only ever replaced by a rename, never truncated in place, so a mapping stays whole.
public final class CacheBytes: @unchecked Sendable {
    /// Valid as long as this object lives.
    public let buffer: UnsafeRawBufferPointer
    private let mapped: Bool

    public init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        buffer = UnsafeRawBufferPointer(copy)
        mapped = false
    }

    /// The first `count` bytes of the open file `fd`, mapped read-only; nil when it cannot be.
    public init?(mapping fd: Int32, count: Int) {
        guard count > 0 else {
            buffer = UnsafeRawBufferPointer(UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 16))
            mapped = false
            return
        }
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        buffer = UnsafeRawBufferPointer(start: base, count: count)
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            buffer.deallocate()
        }
    }

    public var count: Int { buffer.count }

    /// A copy of the bytes.
    public var array: [UInt8] { Array(buffer) }
}

/// Reads what `BinaryWriter` wrote; every read is bounds-checked and fails (nil) rather than trap
/// on a short or damaged file.
public struct BinaryReader {
    private let owner: CacheBytes
    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], from offset: Int = 0) {
        self.init(CacheBytes(bytes), from: offset)
    }

    public init(_ bytes: CacheBytes, from offset: Int = 0) {
        self.owner = bytes
        self.bytes = bytes.buffer
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func read<T: BitwiseCopyable>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, size <= bytes.count - offset else { return nil }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return value
    }

    public mutating func readInt() -> Int? { read(Int64.self).map { Int($0) } }

    /// A count that must be between 0 and `limit`.
    mutating func readCount(limit: Int) -> Int? {
        guard let count = readInt(), count >= 0, count <= limit else { return nil }
        return count
    }

    public mutating func readString() -> String? {
        guard let count = readCount(limit: bytes.count - offset) else { return nil }
        let text = String(
            validating: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]).bindMemory(to: UInt8.self),
            as: UTF8.self)
        offset += count
        return text
    }

    public mutating func readStrings() -> [String]? {
        guard let count = readCount(limit: bytes.count - offset) else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = readString() else { return nil }
            texts.append(text)
        }
        return texts
    }

    public mutating func readArray<T: BitwiseCopyable>(of type: T.Type) -> [T]? {
        let stride = MemoryLayout<T>.stride
        guard let count = readCount(limit: (bytes.count - offset) / max(stride, 1)) else { return nil }
        let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count * stride)])
        let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = count
        }
        offset += count * stride
        return array
    }

    /// The bytes from the offset to the end.
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[offset...]) }
}

/// The envelope of every cache file (checkpoints, segmentations, models): a magic, a signature
/// (whatever makes a file unreadable by this build: format version, layout sizes, the build),
/// an `XXHash64` of the payload, then the payload.
///
/// The one place a cache file is sealed and checked; a file that fails any check is no cache.
public enum CacheEnvelope {
    /// The file's bytes for `payload`.
    public static func seal(_ payload: BinaryWriter, magic: UInt64, signature: UInt64) -> [UInt8] {
        var file = BinaryWriter(capacity: payload.bytes.count + 24)
        file.write(magic)
        file.write(signature)
        file.write(XXHash64.hash(payload.bytes))
        return file.bytes + payload.bytes
    }

    /// A reader at the start of the payload; nil when the magic, the signature or the checksum
    /// differ.
    public static func open(_ bytes: [UInt8], magic: UInt64, signature: UInt64) -> BinaryReader? {
        open(CacheBytes(bytes), magic: magic, signature: signature)
    }

    public static func open(_ bytes: CacheBytes, magic: UInt64, signature: UInt64) -> BinaryReader? {
        var reader = BinaryReader(bytes)
        guard reader.read(UInt64.self) == magic, reader.read(UInt64.self) == signature,
            let hash = reader.read(UInt64.self)
        else { return nil }
        return XXHash64.hash(reader.rest) == hash ? reader : nil
    }
}
