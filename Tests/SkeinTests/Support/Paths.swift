import Foundation

/// Folders the tests read: the package root, its fixtures, and `../shared` beside it.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path
    static let fixtures = packageRoot + "/Tests/SkeinTests/Fixtures"
    static let shared = URL(fileURLWithPath: packageRoot + "/../shared").standardizedFileURL.path
    static let conformance = shared + "/conformance/twitter-text"
}
