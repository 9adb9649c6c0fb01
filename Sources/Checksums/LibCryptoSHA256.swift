import CLibCrypto
import SentagKit

/// SHA-256 from the system's libcrypto (OpenSSL's EVP interface, which uses the CPU's SHA
/// instructions where there are some): the exporter's `SHA256Digest`.
///
/// Measured against swift-crypto's `Crypto` (BoringSSL) on the project's 2-core machines: the
/// same speed (1.2–1.9 GB/s each, in debug and release builds alike), but swift-crypto adds
/// about 90 s to every clean build, and CI builds clean; libcrypto adds nothing, and Debian's
/// `libssl-dev` is installed by `Scripts/setup.sh` when missing.
public struct LibCryptoSHA256: SHA256Digest {
    /// The EVP context, freed when the last copy goes (a copy shares it: use one value).
    private final class Context {
        let pointer: OpaquePointer

        init() {
            guard let pointer = EVP_MD_CTX_new(), EVP_DigestInit_ex(pointer, EVP_sha256(), nil) == 1 else {
                fatalError("libcrypto cannot start a SHA-256 digest")
            }
            self.pointer = pointer
        }

        deinit { EVP_MD_CTX_free(pointer) }
    }

    private let context = Context()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = EVP_DigestUpdate(context.pointer, base, bytes.count)
    }

    public mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = EVP_DigestFinal_ex(context.pointer, &digest, &length)
        return digest
    }
}
