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

/// Reads what `BinaryWriter` wrote; every read is bounds-checked and fails (nil) rather than trap
/// on a short or damaged file.
public struct BinaryReader {
    private let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func read<T: BitwiseCopyable>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, size <= bytes.count - offset else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
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
        let text = bytes.withUnsafeBufferPointer { String(validating: $0[offset..<(offset + count)], as: UTF8.self) }
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
        let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count * stride)]))
            }
            initialized = count
        }
        offset += count * stride
        return array
    }
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
        var header = BinaryReader(bytes)
        guard header.read(UInt64.self) == magic, header.read(UInt64.self) == signature,
            let hash = header.read(UInt64.self)
        else { return nil }
        let start = header.offset
        let actual = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        return actual == hash ? BinaryReader(bytes, from: start) : nil
    }
}
