import Foundation
import Skein
import Testing

/// A build whose inputs and output are as the last build left them stops at once, and any change, however small,
/// builds again (`.skein-cache/`, see BuildRecord).
@Suite struct BuildRecordTests {
    func build(_ archive: TemporaryArchive, now: Double = 2_000_000_000, baseURL: String? = nil) throws
        -> BuildSummary
    {
        var options = BuildOptions(
            content: archive.content, output: archive.output,
            baseURL: baseURL.flatMap(SiteConfigurationParser.baseURL),
            selection: .init(now: Date(timeIntervalSince1970: now)))
        options.recordFolder = archive.root + "/.skein-cache"
        return try SiteBuilder.build(options)
    }

    @Test func aBuildWithNothingChangedStopsAtOnceAndAnyChangeBuildsAgain() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(tweets: ["First #one", "Second"]),
            "Content/threads/b.md": threadFile(date: "2024-03-02", extra: "colour: blue\n", tweets: ["Other"]),
            "Content/media/x.txt": "a media file",
        ])
        let first = try build(archive)
        #expect(!first.upToDate && first.filesWritten > 10)
        let tree = archive.outputTree()

        let again = try build(archive)
        #expect(again.upToDate && again.filesWritten == 0 && again.filesUnchanged == first.filesWritten)
        #expect(again.threads == 2 && again.pages == first.pages)
        #expect(again.warnings.map(\.message) == first.warnings.map(\.message), "warnings are repeated")
        #expect(archive.outputTree() == tree)

        // Each of these must build again, and give what a clean build gives.
        let changes: [(String, () throws -> Void)] = [
            ("a thread", { try archive.write("Content/threads/a.md", threadFile(tweets: ["Changed", "Second"])) }),
            ("a media file", { try archive.write("Content/media/x.txt", "other bytes") }),
            (
                "an output file deleted",
                { try FileManager.default.removeItem(atPath: archive.output + "/threads/a/index.html") }
            ),
            ("an output file edited", { try archive.write("Output/index.html", "defaced") }),
            (
                "a theme",
                {
                    for (name, text) in Theme.builtIn.templates {
                        try archive.write(
                            "Templates/\(name).mustache", text.replacingOccurrences(of: "Skein", with: "Skein!"))
                    }
                    for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
                }
            ),
        ]
        for (label, change) in changes {
            try change()
            let summary = try build(archive)
            #expect(!summary.upToDate, "\(label)")
            let clean = try TemporaryArchive(site: nil)
            try SiteBuilder.build(
                BuildOptions(
                    content: archive.content, output: clean.output,
                    selection: .init(now: Date(timeIntervalSince1970: 2_000_000_000))))
            #expect(archive.outputTree() == clean.outputTree(), "\(label): the rebuild equals a clean build")
            #expect(try build(archive).upToDate, "\(label): and the next build has nothing to do")
        }
        #expect(!(try build(archive, baseURL: "https://elsewhere.example/")).upToDate, "other options")
    }

    @Test func theRecordsOfAnOutputThatIsGoneAreDeletedByTheNextBuild() throws {
        let archive = try TemporaryArchive(["Content/threads/a.md": threadFile(tweets: ["First"])])
        let cache = archive.root + "/.skein-cache"
        let elsewhere = archive.root + "/elsewhere"
        func build(into output: String) throws {
            var options = BuildOptions(
                content: archive.content, output: output, selection: .init(now: Date(timeIntervalSince1970: 2e9)))
            options.recordFolder = cache
            try SiteBuilder.build(options)
        }
        func records() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cache)
                .filter { $0.hasPrefix("pages-") || $0.hasPrefix("build-") }.sorted()
        }
        try build(into: archive.output)
        let own = try records()
        #expect(own.count == 2, "a build record and the pages' fingerprints")
        try build(into: elsewhere)
        #expect(try records().count == 4)

        try archive.write("Content/threads/a.md", threadFile(tweets: ["Changed"]))
        try build(into: archive.output)
        #expect(try records().count == 4, "an output that is still there keeps its records")

        try FileManager.default.removeItem(atPath: elsewhere)
        try archive.write("Content/threads/a.md", threadFile(tweets: ["Changed again"]))
        try build(into: archive.output)
        let left = try records()
        #expect(left == own, "the gone output's records are deleted, the current output's stay")
    }

    @Test func aThreadDatedInTheFutureIsPublishedByTheFirstBuildAfterItsDate() throws {
        let now = 2_000_000_000.0  // 2033-05-18
        let archive = try TemporaryArchive([
            "Content/threads/now.md": threadFile(date: "2030-01-01", tweets: ["Already out"]),
            "Content/threads/later.md": threadFile(date: "2034-01-01", tweets: ["Not yet"]),
        ])
        #expect(try build(archive, now: now).threads == 1)
        #expect(try build(archive, now: now + 86_400).upToDate)
        let published = try build(archive, now: now + 365 * 86_400)
        #expect(!published.upToDate && published.threads == 2)
        #expect(FileManager.default.fileExists(atPath: archive.output + "/threads/later/index.html"))
    }
}
