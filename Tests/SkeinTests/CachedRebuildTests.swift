import Foundation
import Skein
import Testing

/// Rebuilds that reuse a ``BuildCache`` (as `skein serve` does) must give exactly the bytes of a clean build.
@Suite struct CachedRebuildTests {
    @Test func everyCachedRebuildEqualsACleanBuild() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        for (name, text) in Theme.builtIn.templates { try archive.write("Templates/\(name).mustache", text) }
        for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
        let cache = BuildCache()
        let cached = BuildOptions(content: archive.content, output: archive.root + "/Cached", cache: cache)
        try SiteBuilder.build(cached)

        let edits: [(String, () throws -> Void)] = [
            (
                "edit a tweet",
                {
                    try archive.write(
                        "Content/threads/first.md",
                        threadFile(author: "ada", date: "2024-01-05T10:00:00Z", tweets: ["Changed #engines", "Two."]))
                }
            ),
            (
                "add a thread",
                {
                    try archive.write(
                        "Content/threads/fourth.md",
                        threadFile(author: "bob", date: "2024-04-01", tweets: ["New #knitting"]))
                }
            ),
            ("rename an author", { try archive.write("Content/authors/bob.yml", "name: Robert\n") }),
            ("delete a thread", { try FileManager.default.removeItem(atPath: archive.content + "/threads/third.md") }),
            (
                "change a template",
                {
                    let footer = Theme.builtIn.templates["partials/footer"]!.replacingOccurrences(
                        of: "Made with Skein", with: "Kept with Skein")
                    try archive.write("Templates/partials/footer.mustache", footer)
                }
            ),
            ("change nothing", {}),
        ]
        for (label, edit) in edits {
            try edit()
            // File modification times have a resolution the cache relies on; make each edit a new instant.
            Thread.sleep(forTimeInterval: 0.01)
            let summary = try SiteBuilder.build(cached)
            let clean = try TemporaryArchive(site: nil)
            try SiteBuilder.build(BuildOptions(content: archive.content, output: clean.output))
            let cachedTree = tree(archive.root + "/Cached")
            #expect(cachedTree == tree(clean.output), "\(label): a cached rebuild differs from a clean build")
            if label == "change nothing" { #expect(summary.filesWritten == 0) }
        }
    }

    func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)
            ?? FileManager.DirectoryEnumerator()
        {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }
}
