import Foundation
import Skein
import Testing

/// An incremental build must give exactly the bytes of a clean build. A seeded random walk of edits (threads added,
/// changed, lengthened, retitled, redated, timed, deleted and renamed; authors renamed, given bios or removed;
/// templates changed, cards made to show their authors' counts or not; settings changed) is applied to an archive, and after each step the incremental output is compared with a clean build.
@Suite struct IncrementalBuildTests {
    /// A generator that gives the same sequence on every machine (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let now = Date(timeIntervalSince1970: 2_000_000_000)
    static let authors = ["ada", "bob", "cy", "dee"]
    static let topics = ["engines", "knitting", "Knitting", "rust", "tea"]

    /// The archive the walk edits, and what it knows of it.
    final class Walk {
        let archive: TemporaryArchive
        var random: SeededGenerator
        var threads: [String: (author: String, date: String, title: String?, tweets: [String])] = [:]
        var counter = 0

        init(seed: UInt64) throws {
            archive = try TemporaryArchive(site: "title: Walk\nbase_url: https://example.org/walk/\npage_size: 3\n")
            random = SeededGenerator(state: seed)
            for (name, text) in Theme.builtIn.templates {
                try archive.write("Templates/\(name).mustache", text)
            }
            for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
            for _ in 0..<8 { try addThread() }
        }

        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

        func tweet() -> String {
            let words = ["A tweet", "more words here", "*emphasis*", "`code`", "https://example.com/x", "- a list"]
            return (0..<Int.random(in: 1...3, using: &random)).map { _ in pick(words) }.joined(separator: " ")
                + " #\(pick(IncrementalBuildTests.topics)) @\(pick(IncrementalBuildTests.authors))"
        }

        func date() -> String {
            String(
                format: "2024-%02d-%02dT%02d:00:00Z", Int.random(in: 1...12, using: &random),
                Int.random(in: 1...28, using: &random), Int.random(in: 0...23, using: &random))
        }

        func save(_ path: String) throws {
            let thread = threads[path]!
            try archive.write(
                "Content/threads/\(path)",
                threadFile(
                    author: thread.author, date: thread.date, extra: thread.title.map { "title: \($0)\n" } ?? "",
                    tweets: thread.tweets))
        }

        func addThread() throws {
            counter += 1
            let path = "t\(counter).md"
            threads[path] = (
                pick(IncrementalBuildTests.authors + ["new\(counter)"]), date(), nil,
                (0..<Int.random(in: 1...4, using: &random)).map { _ in tweet() }
            )
            try save(path)
        }

        /// Applies one random edit and says what it was.
        func step() throws -> String {
            let paths = threads.keys.sorted()
            let path = pick(paths)
            switch Int.random(in: 0..<14, using: &random) {
            case 0:
                try addThread()
                return "add a thread"
            case 1:
                threads[path]!.tweets[0] = tweet()
                try save(path)
                return "change a tweet of \(path)"
            case 2:
                threads[path]!.title = "Title \(counter) \(Int.random(in: 0...9, using: &random))"
                try save(path)
                return "retitle \(path)"
            case 3:
                threads[path]!.date = date()
                try save(path)
                return "redate \(path)"
            case 4 where paths.count > 3:
                threads[path] = nil
                try FileManager.default.removeItem(atPath: archive.content + "/threads/" + path)
                return "delete \(path)"
            case 5:
                counter += 1
                let renamed = "renamed\(counter).md"
                threads[renamed] = threads.removeValue(forKey: path)
                try FileManager.default.removeItem(atPath: archive.content + "/threads/" + path)
                try save(renamed)
                return "rename \(path) to \(renamed)"
            case 6:
                let author = pick(IncrementalBuildTests.authors)
                try archive.write(
                    "Content/authors/\(author).yml",
                    "name: \(author.capitalized) \(counter)\nbio: Writes about #\(pick(IncrementalBuildTests.topics))\n"
                )
                return "profile of \(author)"
            case 7:
                let author = pick(IncrementalBuildTests.authors)
                try? FileManager.default.removeItem(atPath: archive.content + "/authors/\(author).yml")
                return "remove the profile of \(author)"
            case 8:
                let footer = Theme.builtIn.templates["partials/footer"]! + "<!-- \(counter) -->\n"
                counter += 1
                try archive.write("Templates/partials/footer.mustache", footer)
                return "change a template"
            case 9:
                try archive.write(
                    "Content/site.yml",
                    "title: Walk \(counter)\nbase_url: https://example.org/walk/\npage_size: \(pick([2, 3, 4]))\n")
                counter += 1
                return "change site.yml"
            case 10:
                // A time later than any thread's date moves the thread's last change (feeds, the sitemap).
                let last = threads[path]!.tweets.count - 1
                threads[path]!.tweets[last] =
                    "{time=2025-01-\(String(format: "%02d", counter % 28 + 1))T10:00:00Z}\n" + tweet()
                counter += 1
                try save(path)
                return "give the last tweet of \(path) a time"
            case 11:
                // The author's tweet count changes, which every card of the author carries.
                threads[path]!.tweets.append(tweet())
                try save(path)
                return "add a tweet to \(path)"
            case 12:
                let card = archive.root + "/Templates/partials/card.mustache"
                let shown = try String(contentsOfFile: card, encoding: .utf8).contains("countsLabel")
                try archive.write(
                    "Templates/partials/card.mustache",
                    Theme.builtIn.templates["partials/card"]! + (shown ? "" : "{{#author}}{{countsLabel}}{{/author}}\n")
                )
                return shown ? "cards without counts" : "cards with their authors' counts"
            default:
                try save(path)
                return "save \(path) unchanged"
            }
        }
    }

    /// Every file of `folder` with its bytes and modification time.
    static func files(in folder: String) -> [String: (data: Data, modified: Date)] {
        var files: [String: (Data, Date)] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)
            ?? FileManager.DirectoryEnumerator()
        {
            let full = folder + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: full),
                let modified = try? FileManager.default.attributesOfItem(atPath: full)[.modificationDate] as? Date
            else { continue }
            files[path] = (data, modified)
        }
        return files
    }

    /// Where the cache lives between builds: in memory, as `skein serve` keeps it, or in `.skein-cache/`, as
    /// `skein build` does (each build then reads what the last one saved).
    enum Cache: CaseIterable {
        case memory, disk
    }

    @Test(arguments: Cache.allCases, [1 as UInt64, 2])
    func aRandomWalkOfEditsBuildsWhatACleanBuildBuilds(cache: Cache, seed: UInt64) throws {
        let walk = try Walk(seed: seed)
        var options = BuildOptions(
            content: walk.archive.content, output: walk.archive.output, selection: .init(now: Self.now))
        switch cache {
        case .memory: options.cache = BuildCache()
        case .disk: options.recordFolder = walk.archive.root + "/.skein-cache"
        }
        try SiteBuilder.build(options)
        for number in 1...25 {
            let before = Self.files(in: walk.archive.output)
            let edit = try walk.step()
            let summary = try SiteBuilder.build(options)
            let clean = try TemporaryArchive(site: nil)
            try SiteBuilder.build(
                BuildOptions(content: walk.archive.content, output: clean.output, selection: .init(now: Self.now)))
            let incremental = Self.files(in: walk.archive.output)
            let expected = Self.files(in: clean.output)
            #expect(
                incremental.keys.sorted() == expected.keys.sorted(),
                "step \(number) (\(edit)): the same files as a clean build")
            for (path, file) in expected where incremental[path]?.data != file.data {
                Issue.record("step \(number) (\(edit)): \(path) differs from a clean build")
            }
            for (path, file) in incremental where before[path]?.data == file.data {
                #expect(before[path]?.modified == file.modified, "step \(number) (\(edit)): \(path) was rewritten")
            }
            #expect(summary.filesWritten == incremental.filter { before[$0.key]?.data != $0.value.data }.count)
            if cache == .disk && edit.hasPrefix("change a tweet") {
                #expect(summary.pagesRendered < summary.pages, "step \(number) (\(edit)): unchanged pages were skipped")
            }
            if edit.hasSuffix("unchanged") {
                // Only the three pages without a fingerprint (search, 404, robots.txt) are rendered again (none when
                // up to date): the authors, topics and archive indexes are not.
                #expect(summary.pagesRendered <= 3, "step \(number) (\(edit)): unchanged pages were skipped")
            }
        }
    }

    /// A tweet added to a thread changes its author's counts, which every card of the author's threads carries. With
    /// a theme whose cards do not show them (the default), the pages that show only other threads of that author as
    /// cards are not rendered again; with one whose cards show them, they are. Both give a clean build's bytes.
    @Test func pagesThatReadNoCountsAreNotRenderedWhenCountsChange() throws {
        var rendered: [Int] = []
        for card in [Theme.builtIn.templates["partials/card"]!, "{{author.countsLabel}}\n"] {
            let archive = try TemporaryArchive(site: "title: Counts\nbase_url: https://example.org/\npage_size: 2\n")
            for (name, text) in Theme.builtIn.templates { try archive.write("Templates/\(name).mustache", text) }
            for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
            try archive.write("Templates/partials/card.mustache", card)
            for number in 1...6 {
                try archive.write(
                    "Content/threads/t\(number).md",
                    threadFile(
                        author: number.isMultiple(of: 2) ? "ada" : "bob", date: "2024-0\(number)-01",
                        tweets: ["Thread \(number) #topic\(number)", "More."]))
            }
            var options = BuildOptions(
                content: archive.content, output: archive.output, selection: .init(now: Self.now))
            options.recordFolder = archive.root + "/.skein-cache"
            try SiteBuilder.build(options)
            try archive.write(
                "Content/threads/t2.md",
                threadFile(author: "ada", date: "2024-02-01", tweets: ["Thread 2 #topic2", "More.", "And more."]))
            rendered.append(try SiteBuilder.build(options).pagesRendered)
            let clean = try TemporaryArchive(site: nil)
            try SiteBuilder.build(
                BuildOptions(content: archive.content, output: clean.output, selection: .init(now: Self.now)))
            #expect(archive.outputTree() == clean.outputTree(), "card: \(card.prefix(30))")
        }
        // #topic4 and #topic6 list only ada's other threads, and so do their feeds.
        #expect(rendered[0] + 4 <= rendered[1], "pages rendered, without counts on cards and with: \(rendered)")
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let walk = try Walk(seed: 7)
        var options = BuildOptions(
            content: walk.archive.content, output: walk.archive.output, selection: .init(now: Self.now))
        options.recordFolder = walk.archive.root + "/.skein-cache"
        try SiteBuilder.build(options)
        let folder = options.recordFolder!
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".bin") }
        #expect(cacheFiles.count > 2)
        for damage in [{ (data: Data) in data.prefix(data.count / 2) }, { Data($0.reversed()) }, { _ in Data() }] {
            for file in cacheFiles {
                let data = try #require(FileManager.default.contents(atPath: folder + "/" + file))
                try damage(data).write(to: URL(fileURLWithPath: folder + "/" + file))
            }
            let edit = try walk.step()
            try SiteBuilder.build(options)
            let clean = try TemporaryArchive(site: nil)
            try SiteBuilder.build(
                BuildOptions(content: walk.archive.content, output: clean.output, selection: .init(now: Self.now)))
            #expect(walk.archive.outputTree() == clean.outputTree(), "\(edit) after the cache was damaged")
        }
    }

    @Test func checkReusesWhatABuildStoredAndReportsTheSame() throws {
        let walk = try Walk(seed: 11)
        try walk.archive.write(
            "Content/threads/odd.md",
            threadFile(author: "ada", extra: "colour: blue\n", tweets: ["See [this](../../threads/nowhere/)"]))
        var options = BuildOptions(
            content: walk.archive.content, output: walk.archive.output, selection: .init(now: Self.now))
        options.recordFolder = walk.archive.root + "/.skein-cache"
        try SiteBuilder.build(options)
        let check = { (cache: BuildCache?) in
            try SiteChecker.check(
                CheckOptions(
                    build: BuildOptions(
                        content: walk.archive.content, selection: .init(drafts: true, future: true), cache: cache)))
        }
        let stored = BuildCache.threads(storedIn: options.recordFolder!)
        #expect(stored.threadCount > 8, "the build stored its threads")
        let cached = try check(stored)
        let fresh = try check(nil)
        #expect(cached.diagnostics == fresh.diagnostics)
        #expect(cached.diagnostics.contains { $0.message.contains("colour") }, "warnings of cached files are repeated")
        #expect(cached.diagnostics.contains { $0.severity == .error }, "and the broken link is found")
        _ = try walk.step()
        try SiteBuilder.build(options)
        let clean = try TemporaryArchive(site: nil)
        try SiteBuilder.build(
            BuildOptions(content: walk.archive.content, output: clean.output, selection: .init(now: Self.now)))
        #expect(walk.archive.outputTree() == clean.outputTree(), "a build after a check equals a clean build")
    }
}
