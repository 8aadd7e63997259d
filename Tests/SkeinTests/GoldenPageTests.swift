import Foundation
import Skein
import Testing

/// Key pages of a small archive, byte for byte. After an intended change to the theme or the pages, rewrite the
/// golden files with `SKEIN_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests` and review their diff.
@Suite struct GoldenPageTests {
    static let goldenFolder = Paths.fixtures + "/golden"

    @Test(arguments: [
        "index.html", "threads/first/index.html", "authors/ada/index.html", "topics/engines/index.html",
        "archive/index.html",
        "feed.xml", "404.html",
    ])
    func pageMatchesItsGoldenFile(path: String) throws {
        let archive = try TemporaryArchive(
            ExampleArchive.files, site: "title: Golden\nbase_url: https://example.org/sub/\ntimezone: Europe/Berlin\n")
        try archive.build()
        let actual = try #require(archive.read("Output/" + path))
        let golden = Self.goldenFolder + "/" + path
        if ProcessInfo.processInfo.environment["SKEIN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (golden as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: golden))
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from its golden file")
    }
}
