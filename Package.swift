// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sentag",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sentag", targets: ["sentag"]),
        .library(name: "SentagKit", targets: ["SentagKit"]),
        .library(name: "PostgresStore", targets: ["PostgresStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // libedit, reached through fixed-arity wrappers of its variadic calls.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The only target that touches libedit: prompt, history, completion.
        .target(name: "LineEditing", dependencies: ["CLibEdit"]),
        // libpq, PostgreSQL's C client (synchronous, like the labeling loop).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // The system's libcrypto (OpenSSL), for SHA-256.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // The only target that touches libcrypto: the export's SHA256Digest.
        .target(name: "Checksums", dependencies: ["SentagKit", "CLibCrypto"]),
        // Pure Swift core: documents, segmenter, label store, sessions, agreement, export.
        .target(name: "SentagKit"),
        // The PostgreSQL store: client, schema and migrations, journal tables. The only target
        // that imports CLibPQ, so the core links no C library.
        .target(name: "PostgresStore", dependencies: ["SentagKit", "CLibPQ"]),
        // @main and one file per subcommand; wiring only.
        .executableTarget(
            name: "sentag",
            dependencies: [
                "SentagKit",
                "LineEditing",
                "PostgresStore",
                "Checksums",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: prints figures and ratios; never asserts timings.
        .executableTarget(name: "sentag-bench", dependencies: ["SentagKit", "PostgresStore"]),
        // Fixtures are read through #filePath, not bundled as resources.
        .testTarget(name: "SentagKitTests", dependencies: ["SentagKit", "Checksums"], exclude: ["Fixtures"]),
        .testTarget(name: "ChecksumsTests", dependencies: ["Checksums"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        .testTarget(name: "SentagCLITests", dependencies: ["SentagKit", "PostgresStore", "PostgresTestSupport"]),
        // Against a real server: `make test` starts a throwaway cluster (SENTAG_TEST_POSTGRES).
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "SentagKit", "PostgresTestSupport"]),
        // A cluster of a test's own, for the tests that stop the server (both test targets).
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
    ]
)
