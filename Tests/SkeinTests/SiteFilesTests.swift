import Foundation
import Testing

@testable import SkeinPreview

/// Which request paths the preview server answers with a file; nothing outside the built site, links included.
@Suite struct SiteFilesTests {
    @Test func mapsPathsToFilesAndRefusesTheRest() throws {
        let folder = try TemporaryArchive(site: nil)
        try folder.write("site/index.html", "home")
        try folder.write("site/threads/a/index.html", "a")
        try folder.write("outside/secret.txt", "secret")
        try FileManager.default.createSymbolicLink(
            atPath: folder.root + "/site/escape", withDestinationPath: folder.root + "/outside")
        try FileManager.default.createSymbolicLink(
            atPath: folder.root + "/site/secret.txt", withDestinationPath: folder.root + "/outside/secret.txt")
        let site = SiteFiles(root: folder.root + "/site")
        let root = site.root
        #expect(site.lookup("/") == .file(root + "/index.html"))
        #expect(site.lookup("/threads/a/") == .file(root + "/threads/a/index.html"))
        #expect(site.lookup("/threads/a") == .redirect("/threads/a/"))
        #expect(site.lookup("/threads/b/") == .notFound)
        #expect(site.lookup("/index.html/") == .notFound)
        for path in [
            "/escape/secret.txt", "/secret.txt", "/../outside/secret.txt", "/%2e%2e/outside/secret.txt",
            "/threads%2fa", "/a\\b", "/x%00", "//etc/passwd", "/threads/./a/", "/threads//a/",
        ] {
            guard case .refused = site.lookup(path) else {
                Issue.record("\(path) was not refused: \(site.lookup(path))")
                continue
            }
        }
    }
}
