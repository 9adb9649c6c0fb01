#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells one build of sentag from another, for caches whose meaning depends on the code that
/// wrote them (a checkpoint depends on the record rules, a segmentation on the segmenter): the
/// size and modification time of the running executable.
///
/// A new build ignores the old caches and rebuilds them, so a rule change can never be hidden
/// by a stale cache.
public enum BuildIdentity {
    public static let current: UInt64 = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return 0 }
        var hash = UInt64(bitPattern: Int64(info.st_size)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= UInt64(bitPattern: Int64(info.st_mtim.tv_sec)) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= UInt64(bitPattern: Int64(info.st_mtim.tv_nsec))
        return hash
    }()
}
