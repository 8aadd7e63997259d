// swift-tools-version: 6.1
// The libFuzzer target, kept out of the main package: it only builds with -sanitize=fuzzer. Run it with `make fuzz`.
import Foundation
import PackageDescription

/// A path dependency is known by its folder's name, which is whatever the clone is called.
let skeinPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "SkeinFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "SkeinFuzz",
            dependencies: [.product(name: "Skein", package: skeinPackage)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
