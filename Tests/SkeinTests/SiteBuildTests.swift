import Foundation
import Skein
import Testing

@Suite struct SiteBuildTests {
    @Test func buildsEveryPageType() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        let summary = try archive.build()
        #expect(summary.threads == 3)
        let tree = archive.outputTree()
        for path in [
            "index.html", "threads/first/index.html", "threads/second/index.html", "threads/third/index.html",
            "authors/index.html", "authors/ada/index.html", "authors/bob/index.html", "authors/carol/index.html",
            "authors/ada/feed.xml", "topics/index.html", "topics/engines/index.html", "topics/engines/feed.xml",
            "topics/knitting/index.html", "archive/index.html", "archive/2024/01/index.html",
            "archive/2024/02/index.html",
            "feed.xml", "sitemap.xml", "robots.txt", "404.html", "assets/skein.css",
        ] {
            #expect(tree[path] != nil, "missing \(path)")
        }
        #expect(tree["threads/draft/index.html"] == nil, "drafts are left out")
    }

    @Test func threadPageNumbersTweetsAndLinksEntities() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try archive.build()
        let page = try #require(archive.read("Output/threads/first/index.html"))
        #expect(page.contains(#"<li class="tweet" id="t2">"#))
        #expect(page.contains(">2/3</a>"))
        #expect(page.contains(#"<a href="../../authors/bob/">@bob</a>"#))
        #expect(page.contains(#"<a href="../../topics/engines/">#Engines</a>"#))
        #expect(page.contains("More from @ada") == false, "ada has no other thread")
        #expect(page.contains(#"<link rel="canonical" href="https://example.org/threads/first/">"#))
        let carol = try #require(archive.read("Output/threads/second/index.html"))
        #expect(
            carol.contains(#"<a href="../../authors/carol/">@carol</a>"#), "authors without a profile still have a page"
        )
        #expect(carol.contains("Related"), "bob's thread shares #engines with ada's")
    }

    /// "Related": up to four threads by other authors, most shared topics first, then newest.
    @Test func relatedThreadsShareTheMostTopicsThenAreNewest() throws {
        let threads: [(slug: String, author: String, date: String, topics: String)] = [
            ("start", "ada", "2024-01-10", "[x, y]"), ("own", "ada", "2024-01-09", "[x, y]"),
            ("both", "bob", "2024-01-01", "[x, y]"), ("x-new", "bob", "2024-01-08", "[x]"),
            ("y-mid", "cy", "2024-01-07", "[y]"), ("x-old", "cy", "2024-01-02", "[x]"),
            ("x-older", "bob", "2023-12-01", "[x]"), ("none", "bob", "2024-01-05", "[z]"),
        ]
        var files: [String: String] = [:]
        for thread in threads {
            files["Content/threads/\(thread.slug).md"] = threadFile(
                author: thread.author, date: thread.date, extra: "title: T \(thread.slug)\ntopics: \(thread.topics)\n",
                tweets: ["Text."])
        }
        let archive = try TemporaryArchive(files)
        try archive.build()
        let page = try #require(archive.read("Output/threads/start/index.html"))
        let related = try #require(page.components(separatedBy: "id=\"related-threads\"").last)
        let shown = threads.map(\.slug).filter { related.contains("threads/\($0)/") }
            .sorted {
                related.range(of: "threads/\($0)/")!.lowerBound < related.range(of: "threads/\($1)/")!.lowerBound
            }
        #expect(shown == ["both", "x-new", "y-mid", "x-old"])
    }

    @Test func topicsMergeCaseInsensitivelyWithTheMostUsedSpelling() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(tweets: ["#Serverless one"]),
            "Content/threads/b.md": threadFile(extra: "topics: [Serverless]\n", tweets: ["#serverless two"]),
            "Content/threads/c.md": threadFile(tweets: ["#Serverless three"]),
        ])
        try archive.build()
        let topics = try #require(archive.read("Output/topics/index.html"))
        #expect(topics.contains("#Serverless <span class=\"count\">3 threads</span>"))
        #expect(archive.read("Output/topics/serverless/index.html") != nil)
    }

    @Test func aTopicsNameIsTheSpellingThatSortsFirstWhenTwoAreUsedAlike() throws {
        for (first, second) in [("#beta", "#Beta"), ("#Beta", "#beta")] {
            let archive = try TemporaryArchive([
                "Content/threads/a.md": threadFile(tweets: ["\(first) one", "#gamma"]),
                "Content/threads/b.md": threadFile(tweets: ["\(second) two"]),
            ])
            try archive.build()
            let topics = try #require(archive.read("Output/topics/index.html"))
            #expect(topics.contains("#Beta <span class=\"count\">2 threads</span>"), "\(first) before \(second)")
            #expect(topics.contains("#gamma <span class=\"count\">1 thread</span>"))
        }
    }

    @Test func aSubPathBaseURLGoesIntoAbsoluteURLsAndRelativeLinksStayRelative() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try archive.build(baseURL: "https://example.org/archive/")
        let page = try #require(archive.read("Output/threads/first/index.html"))
        #expect(page.contains(#"href="https://example.org/archive/threads/first/""#))
        #expect(page.contains(#"href="../../assets/skein.css""#))
        let feed = try #require(archive.read("Output/feed.xml"))
        #expect(feed.contains("<id>https://example.org/archive/threads/first/</id>"))
        #expect(feed.contains("https://example.org/archive/authors/bob/"), "links inside feed content are absolute")
        let notFound = try #require(archive.read("Output/404.html"))
        #expect(notFound.contains(#"href="/archive/assets/skein.css""#), "the 404 page works at any depth")
        #expect(
            archive.read("Output/sitemap.xml")?.contains("<loc>https://example.org/archive/threads/first/</loc>")
                == true)
        #expect(archive.read("Output/robots.txt")?.contains("Sitemap: https://example.org/archive/sitemap.xml") == true)
    }

    @Test(arguments: [(0, 1), (1, 1), (2, 1), (3, 2), (4, 2)])
    func paginatesListings(threads: Int, expectedPages: Int) throws {
        var files: [String: String] = [:]
        for number in 0..<threads {
            files["Content/threads/t\(number).md"] = threadFile(
                date: "2024-03-0\(number + 1)", tweets: ["Thread \(number)."])
        }
        let archive = try TemporaryArchive(files, site: "title: T\npage_size: 2\n")
        try archive.build()
        let tree = archive.outputTree()
        #expect(tree["index.html"] != nil)
        #expect((tree["page/2/index.html"] != nil) == (expectedPages >= 2))
        #expect(tree["page/3/index.html"] == nil)
        let home = try #require(archive.read("Output/index.html"))
        #expect(home.contains("Page 1 of 2") == (expectedPages == 2))
        if expectedPages == 2 {
            let second = try #require(archive.read("Output/page/2/index.html"))
            #expect(second.contains(#"<a rel="prev" href="../../">"#))
            #expect(!second.contains(#"rel="next""#))
            #expect(second.contains("Thread 0."), "the oldest thread is on the last page")
        }
    }

    @Test func twoThreadsWithOneSlugIsAnErrorNamingBoth() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a/hello.md": threadFile(tweets: ["One."]),
            "Content/threads/b/hello.md": threadFile(tweets: ["Two."]),
            "Content/threads/other.md": threadFile(extra: "slug: hello\n", tweets: ["Three."]),
        ])
        let errors = archive.failingBuild()
        #expect(errors.count == 3)
        let slugError = try #require(errors.first { $0.location.file.hasSuffix("other.md") })
        #expect(slugError.location.line == 4)
        #expect(slugError.message.contains("a/hello.md") && slugError.message.contains("b/hello.md"))
    }

    @Test func reportsEveryErrorOfTheRunAndLeavesTheOutputUntouched() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try archive.build()
        let before = archive.outputTree()
        try archive.write("Content/threads/broken.md", "---\nauthor: ada\n---\nNo date.\n")
        try archive.write("Content/threads/broken2.md", "---\nauthor: ada\ndate: 2024-13-01\n---\nBad month.\n")
        let errors = archive.failingBuild()
        #expect(errors.map { ($0.location.file as NSString).lastPathComponent } == ["broken.md", "broken2.md"])
        #expect(archive.outputTree() == before)
        #expect(!FileManager.default.fileExists(atPath: archive.root + "/.Output.skein-staging"))
    }

    @Test func buildingTwiceGivesIdenticalBytesAndRewritesNothing() throws {
        let first = try TemporaryArchive(ExampleArchive.files)
        let second = try TemporaryArchive(ExampleArchive.files)
        let firstBuild = try first.build()
        try second.build()
        let tree = first.outputTree()
        #expect(tree == second.outputTree())
        // A first build names every file it wrote as new, once.
        #expect(firstBuild.filesWritten == tree.count)
        #expect(firstBuild.changes.map(\.path) == tree.keys.sorted())
        #expect(firstBuild.changes.allSatisfy { $0.reason == .new })
        let page = first.output + "/threads/first/index.html"
        let modified = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        let again = try first.build()
        #expect(again.filesWritten == 0)
        #expect(again.filesUnchanged == tree.count)
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date == modified)
        #expect(first.outputTree() == tree)
    }

    /// A rebuild names each file it touched, with why, and replaces a changed file whole: the old file, still open,
    /// keeps its old bytes (a reader sees one page or the other, never half of one).
    @Test func aRebuildReplacesChangedFilesWholeAndNamesEachChange() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try archive.build()
        let before = archive.outputTree()
        let page = archive.output + "/threads/first/index.html"
        let open = try FileHandle(forReadingFrom: URL(fileURLWithPath: page))
        defer { try? open.close() }
        try archive.write(
            "Content/threads/first.md",
            try #require(ExampleArchive.files["Content/threads/first.md"]).replacingOccurrences(
                of: "Third.", with: "Third, edited."))
        try archive.write("Content/threads/fourth.md", threadFile(author: "ada", date: "2024-04-01", tweets: ["New."]))
        try FileManager.default.removeItem(atPath: archive.content + "/threads/third.md")
        let summary = try archive.build()
        let after = archive.outputTree()

        #expect(try open.readToEnd() == before["threads/first/index.html"])
        #expect(after["threads/first/index.html"]?.contains(Data("Third, edited.".utf8)) == true)
        let touched = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(summary.changes.map(\.path).sorted() == touched.sorted())
        for change in summary.changes {
            switch change.reason {
            case .changed: #expect(before[change.path] != nil && after[change.path] != nil, "\(change.path)")
            case .new: #expect(before[change.path] == nil && after[change.path] != nil, "\(change.path)")
            case .removed: #expect(before[change.path] != nil && after[change.path] == nil, "\(change.path)")
            }
        }
        #expect(summary.changes.contains { $0.reason == .changed } && summary.changes.contains { $0.reason == .new })
        #expect(summary.filesWritten == summary.changes.filter { $0.reason != .removed }.count)
        #expect(!FileManager.default.fileExists(atPath: archive.root + "/.Output.skein-staging"))

        let clean = try TemporaryArchive(site: nil)
        try SiteBuilder.build(
            BuildOptions(
                content: archive.content, output: clean.output,
                selection: .init(drafts: false, future: false, now: Date(timeIntervalSince1970: 2_000_000_000))))
        #expect(clean.outputTree() == after)
    }

    @Test func removesFilesOfDeletedThreadsButKeepsDotFiles() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try archive.write("Output/.gitkeep", "")
        try archive.build()
        try FileManager.default.removeItem(atPath: archive.content + "/threads/third.md")
        let summary = try archive.build()
        #expect(summary.filesRemoved > 0)
        let tree = archive.outputTree()
        #expect(tree["threads/third/index.html"] == nil)
        #expect(tree["authors/carol/index.html"] == nil)
        #expect(tree[".gitkeep"] != nil)
    }

    @Test func draftsAppearWhenAskedFor() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try archive.build(drafts: true)
        #expect(archive.read("Output/threads/draft/index.html") != nil)
    }

    @Test func aMissingMediaFileIsAnError() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(tweets: ["Look:", "![A cat](/media/cat.jpg)"])
        ])
        let errors = archive.failingBuild()
        #expect(errors.first?.message.contains("/media/cat.jpg") == true)
        #expect(errors.first?.location.line == 7)
        try archive.write("Content/media/cat.jpg", "not really a jpeg")
        try archive.build()
        #expect(
            archive.read("Output/threads/a/index.html")?.contains(#"<img src="../../media/cat.jpg" alt="A cat" />"#)
                == true)
        #expect(archive.read("Output/media/cat.jpg") == "not really a jpeg")
    }
}

@Suite struct DateDisplayTests {
    @Test(arguments: ["America/Los_Angeles", "UTC", "Pacific/Auckland"])
    func aDateWithoutTimeIsThatDayInTheSitesTimeZone(zone: String) throws {
        let archive = try TemporaryArchive(
            ["Content/threads/a.md": threadFile(date: "2024-02-11", tweets: ["Hello."])],
            site: "title: T\ntimezone: \(zone)\n")
        try archive.build()
        let page = try #require(archive.read("Output/threads/a/index.html"))
        #expect(page.contains(">February 11, 2024</time>"), "\(zone)")
        #expect(archive.read("Output/archive/2024/02/index.html") != nil)
    }

    @Test func aTimeWithAnOffsetIsShownInTheSitesTimeZone() throws {
        let archive = try TemporaryArchive(
            ["Content/threads/a.md": threadFile(date: "2024-02-11T23:30:00-05:00", tweets: ["Hello."])],
            site: "title: T\ntimezone: Europe/Berlin\n")
        try archive.build()
        let page = try #require(archive.read("Output/threads/a/index.html"))
        #expect(page.contains(#"<time datetime="2024-02-12T05:30:00+01:00">February 12, 2024</time>"#))
    }
}
