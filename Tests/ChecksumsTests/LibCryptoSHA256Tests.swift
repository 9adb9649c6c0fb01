import Checksums
import Foundation
import SentagKit
import Testing

/// SHA-256 from libcrypto as the exporter uses it: the same vectors the pure-Swift code it
/// replaced was tested on, so the manifest's checksums stay what they were.
@Suite struct LibCryptoSHA256Tests {
    typealias SHA256 = LibCryptoSHA256

    /// The example messages of FIPS 180-2 / NIST's "Example Algorithms" for SHA-256.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func nistExampleVectors(message: String, digest: String) {
        let actual = SHA256.hexDigest(of: Array(message.utf8))
        #expect(actual == digest, "SHA-256 of '\(message)' was \(actual)")
    }

    @Test func oneMillionTimesA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        let actual = SHA256.hex(hasher.finalize())
        #expect(actual == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "got \(actual)")
    }

    /// Pieces of every size across block boundaries give the same digest as one update.
    @Test func incrementalUpdatesMatchOneShot() {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<1000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let whole = SHA256.hexDigest(of: bytes)
        for step in [1, 3, 55, 56, 63, 64, 65, 127, 999] {
            var hasher = SHA256()
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + step, bytes.count)
                hasher.update(Array(bytes[offset..<end]))
                offset = end
            }
            let actual = SHA256.hex(hasher.finalize())
            #expect(actual == whole, "step \(step): \(actual) != \(whole)")
        }
    }

    /// The padding boundaries: 55, 56 and 64 bytes, against coreutils' `sha256sum` on a file.
    @Test(arguments: [55, 56, 64, 1, 1_048_577])
    func matchesSha256sumOfAFile(size: Int) throws {
        var generator = SplitMix64(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sentag-sha-\(UUID().uuidString)")
        try Data(bytes).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = String(output.prefix(64))
        let actual = SHA256.hexDigest(of: bytes)
        #expect(actual == expected, "size \(size): sha256sum says \(output)")
    }
}
