import Foundation
import Skein
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The example archive in `Content/`, built with the theme in `Templates/`, checked as a reader and a validator would.
@Suite struct ExampleSiteTests {
    let output: String

    init() throws {
        output =
            FileManager.default.temporaryDirectory.appendingPathComponent("skein-example-\(UUID().uuidString)").path
        try SiteBuilder.build(
            BuildOptions(
                content: Paths.packageRoot + "/Content", templates: Paths.packageRoot + "/Templates", output: output))
    }

    @Test func theExampleHasWhatANewcomerShouldSee() throws {
        defer { try? FileManager.default.removeItem(atPath: output) }
        var diagnostics: [Diagnostic] = []
        let inventory = try ContentInventory.discover(in: Paths.packageRoot + "/Content", diagnostics: &diagnostics)
        let parsed = ContentParser.parse(inventory, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let published = parsed.threads.filter { !$0.isDraft }
        #expect(Set(published.map(\.author)).count >= 3)
        #expect(published.count >= 12)
        #expect(published.contains { $0.tweets.count >= 30 })
        #expect(published.contains { $0.tweets.contains { $0.markdown.contains("![") } })
        let topicPages = try FileManager.default.contentsOfDirectory(atPath: output + "/topics").filter {
            !$0.contains(".")
        }
        #expect(topicPages.count >= 8)
    }

    @Test func everyInternalLinkAndImageResolves() throws {
        defer { try? FileManager.default.removeItem(atPath: output) }
        let links = SiteLinks(output: output, baseURL: "https://example.org/threads/")
        #expect(links.files().count > 50)
        let broken = links.broken()
        #expect(broken.isEmpty, "\(broken.prefix(20))")
    }

    @Test(.enabled(if: ExampleSiteTests.tidyIsInstalled, "tidy is not installed (make test installs it)"))
    func everyPageIsValidHTMLUnderTidy() throws {
        defer { try? FileManager.default.removeItem(atPath: output) }
        // tidy 5.6 predates two valid attributes; anything else it says counts.
        let outdated = ["proprietary attribute \"aria-current\"", "proprietary attribute \"loading\""]
        let pages = SiteLinks(output: output, baseURL: "").files().filter { $0.hasSuffix(".html") }
        #expect(pages.count > 40)
        for page in pages {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tidy", "-errors", "-quiet", output + "/" + page]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let problems = text.split(separator: "\n").filter { line in !outdated.contains { line.contains($0) } }
            #expect(process.terminationStatus < 2 && problems.isEmpty, "\(page): \(problems)")
        }
    }

    @Test func feedsAndSitemapAreWellFormedXML() throws {
        defer { try? FileManager.default.removeItem(atPath: output) }
        let feeds = SiteLinks(output: output, baseURL: "").files().filter { $0.hasSuffix(".xml") }
        #expect(feeds.contains("feed.xml") && feeds.contains("sitemap.xml"))
        for feed in feeds {
            let document = try XMLDocument(contentsOf: URL(fileURLWithPath: output + "/" + feed))
            #expect(document.rootElement() != nil, "\(feed)")
        }
        let feed = try XMLDocument(contentsOf: URL(fileURLWithPath: output + "/feed.xml"))
        #expect(try feed.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']").count == 13)
    }

    static var tidyIsInstalled: Bool {
        ["/usr/bin/tidy", "/usr/local/bin/tidy"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
