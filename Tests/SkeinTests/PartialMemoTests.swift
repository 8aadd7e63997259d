import Foundation
import Testing

@testable import Skein

/// Partials are remembered by what they read (``PartialMemo``); pages must be what rendering every partial in place
/// gives.
@Suite struct PartialMemoTests {
    /// An archive with pages at several depths, more thread pages and cards than a partial is tried on before it may
    /// be given up (the byline's text differs on every page), authors with and without names, avatars and bios, and
    /// content that holds what a memo's keys are made of.
    static func archive() throws -> TemporaryArchive {
        var files = ExampleArchive.files
        files["Content/site.yml"] = "title: Test Site\nbase_url: https://example.org/blog/\npage_size: 3\n"
        files["Content/authors/cy.yml"] = "bio: \"A bio with <b>markup</b> & \\u0001skein\\u0001 in it.\"\n"
        for index in 0..<70 {
            let author = ["ada", "bob", "cy", "dee"][index % 4]
            files["Content/threads/t\(index).md"] = threadFile(
                author: author, date: "2024-0\(index % 9 + 1)-1\(index % 10)",
                extra: index % 3 == 0 ? "summary: \"Summary {{site.title}} \(index)\"\n" : "",
                tweets: [
                    "Thread \(index) about #topic\(index % 5) and @bob.", "A second tweet, [a link](/threads/t0/).",
                ])
        }
        return try TemporaryArchive(files)
    }

    /// Every page of `archive`, rendered with the memo as prepared and with every partial in place.
    static func pages(of archive: TemporaryArchive, templates: String? = nil) throws
        -> (remembered: [String: String], inPlace: [String: String], memo: PartialMemo?)
    {
        let options = BuildOptions(
            content: archive.content, templates: templates, output: archive.output,
            selection: .init(drafts: false, future: false, now: Date(timeIntervalSince1970: 2_000_000_000)))
        let site = try SiteBuilder.prepare(options)
        var inPlace = site
        inPlace.partials = nil
        var remembered: [String: String] = [:]
        var rendered: [String: String] = [:]
        for page in site.pages {
            remembered[page.route.filePath] = site.render(page)
            rendered[page.route.filePath] = inPlace.render(page)
        }
        return (remembered, rendered, site.partials)
    }

    @Test func theBuiltInThemesHeaderFooterAndAuthorCardAreRemembered() {
        let remembered = Theme.builtIn.rememberedPartials
        #expect(remembered.contains("partials/header"))
        #expect(remembered.contains("partials/footer"))
        #expect(remembered.contains("partials/author-card"))
        // The card and the tweet have memos of their own; the avatar looks up too few names to be worth it.
        #expect(!remembered.contains(CardMemo.partial) && !remembered.contains(TweetStencils.partial))
        #expect(!remembered.contains("partials/avatar"))
    }

    @Test func rememberedPartialsAreTheBytesOfPartialsRenderedInPlace() throws {
        let archive = try Self.archive()
        let (remembered, inPlace, memo) = try Self.pages(of: archive)
        #expect(remembered.count > 100 && remembered.keys.sorted() == inPlace.keys.sorted())
        for (path, text) in inPlace where remembered[path] != text {
            Issue.record("\(path) differs from the page with every partial rendered in place")
        }
        let uses = try #require(memo).uses
        // The header is found on most pages, at every depth; the byline, different on every page, was given up.
        let header = try #require(uses["partials/header"])
        #expect(header.remembered && header.found > header.uses * 9 / 10)
        #expect(try #require(uses["partials/author-card"]).found > 50)
        #expect(try #require(uses["partials/byline"]).remembered == false)
        // Pages at several depths, and the header's current section, differ: the memo kept them apart.
        #expect(inPlace["index.html"]!.contains("href=\"./\" aria-current=\"page\""))
        #expect(inPlace["page/2/index.html"]!.contains("href=\"../../\" aria-current=\"page\""))
        #expect(inPlace["topics/index.html"]!.contains("href=\"../topics/\" aria-current=\"page\""))
    }

    @Test func aPartialThatReadsBeyondItsObjectIsRenderedInPlace() throws {
        let archive = try Self.archive()
        // The author's card, inside `{{#author}}`, prints the thread's title, which only the page around it holds.
        var templates = Theme.builtIn.templates
        templates["partials/author-card"] = "<p class=\"in\">{{title}}</p>\n" + templates["partials/author-card"]!
        for (name, text) in templates { try archive.write("Templates/\(name).mustache", text) }
        for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
        let (remembered, inPlace, memo) = try Self.pages(of: archive, templates: archive.root + "/Templates")
        #expect(remembered.keys.sorted() == inPlace.keys.sorted())
        for (path, text) in inPlace where remembered[path] != text {
            Issue.record("\(path) differs from the page with every partial rendered in place")
        }
        #expect(remembered["threads/t1/index.html"]!.contains("<p class=\"in\">Thread 1 about"))
        #expect(remembered["threads/t2/index.html"]!.contains("<p class=\"in\">Thread 2 about"))
        #expect(try #require(memo?.uses["partials/author-card"]).remembered == false)
    }

    @Test func aPartialAnsweredWithWhatTheMemoCannotKeyIsRenderedInPlace() throws {
        let archive = try Self.archive()
        // The cards partial reads each card's reused text, which the memo has no key for.
        let (remembered, inPlace, memo) = try Self.pages(of: archive)
        #expect(remembered["index.html"] == inPlace["index.html"])
        #expect(try #require(memo?.uses["partials/cards"]).remembered == false)
    }
}
