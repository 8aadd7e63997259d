import Foundation
import Testing

@testable import Skein

/// The sitemap protocol allows 50,000 URLs in one file, and search engines ignore a longer one: past that, `sitemap.xml`
/// is a sitemap index of parts that list the pages in turn. The limit is lowered here to keep the archive small.
@Suite struct SitemapTests {
    /// The `<loc>` values of a sitemap or sitemap index, in order.
    static func locations(_ text: String) -> [String] {
        text.matches(of: #/<loc>([^<]*)</loc>/#).map { String($0.output.1) }
    }

    @Test func aSiteWithMorePagesThanOneSitemapAllowsGetsASitemapIndex() throws {
        let archive = try TemporaryArchive(
            ExampleArchive.files, site: "title: Test Site\nbase_url: https://example.org/archive/\n")
        try archive.build()
        let whole = Self.locations(try #require(archive.read("Output/sitemap.xml")))
        #expect(whole.count > 10)
        try FileManager.default.removeItem(atPath: archive.output)

        try PagePlanner.$urlsPerSitemap.withValue(4) { try archive.build() }
        let index = try #require(archive.read("Output/sitemap.xml"))
        #expect(index.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns="))
        #expect(index.hasSuffix("</sitemapindex>\n"))
        let parts = Self.locations(index)
        #expect(parts == (1...((whole.count + 3) / 4)).map { "https://example.org/archive/sitemap-\($0).xml" })
        var listed: [String] = []
        for number in parts.indices {
            let part = try #require(archive.read("Output/sitemap-\(number + 1).xml"))
            #expect(part.contains("<urlset") && part.hasSuffix("</urlset>\n"))
            let urls = Self.locations(part)
            #expect(urls.count <= 4 && !urls.isEmpty)
            listed += urls
        }
        // The parts list every page of the one sitemap, in its order; a thread's part says when it last changed.
        #expect(listed == whole)
        #expect(index.contains("<lastmod>2024-"))
        #expect(archive.read("Output/robots.txt")?.contains("Sitemap: https://example.org/archive/sitemap.xml") == true)

        // Back under the limit, the parts are gone and the one sitemap is as before.
        try archive.build()
        #expect(Self.locations(try #require(archive.read("Output/sitemap.xml"))) == whole)
        #expect(archive.read("Output/sitemap-1.xml") == nil)
    }
}
