import Foundation
import Testing

@testable import Skein

/// Listings render each thread's card once and reuse it (``CardMemo``); pages must be what rendering every card in
/// place gives.
@Suite struct CardMemoTests {
    static let markers = CardMemo.markers

    /// An archive whose listings paginate (cards at several depths) and whose content holds the memo's markers.
    static func archive() throws -> TemporaryArchive {
        var files = ExampleArchive.files
        files["Content/site.yml"] = "title: Test Site\nbase_url: https://example.org/blog/\npage_size: 2\n"
        files["Content/authors/bob.yml"] = "name: \"Bob \\u0001skein-root-b\\u0001\"\n"
        files["Content/threads/marked.md"] = threadFile(
            author: "bob", date: "2024-03-05", extra: "summary: \"Goes \\u0001skein-root-a\\u0001 here\"\n",
            tweets: ["A thread about #swift with a [link](/threads/marked/)."])
        // A marker only below the card's top level: in its author's name.
        files["Content/authors/dan.yml"] = "name: \"Dan \\u0001skein-root-a\\u0001\"\n"
        files["Content/threads/dans.md"] = threadFile(
            author: "dan", date: "2024-03-06", tweets: ["A thread about #swift by Dan, [linked](/threads/marked/)."])
        return try TemporaryArchive(files)
    }

    /// Writes the built-in theme into `Templates/` with `replaced` templates; returns the folder.
    static func theme(_ archive: TemporaryArchive, replacing replaced: [String: String] = [:], renaming: Bool = false)
        throws -> String
    {
        var templates = Theme.builtIn.templates.merging(replaced) { $1 }
        if renaming {
            // The same card under another name, which is never reused: every card rendered in place.
            templates["partials/listed-card"] = templates.removeValue(forKey: CardMemo.partial)
            templates["partials/cards"] = templates["partials/cards"]!.replacingOccurrences(
                of: "{{> partials/card}}", with: "{{> partials/listed-card}}")
        }
        for (name, text) in templates { try archive.write("Templates/\(name).mustache", text) }
        for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
        return archive.root + "/Templates"
    }

    /// A card is rendered once when none of its texts holds the markers' first character; `texts` must list every
    /// text the card holds, those of its author and links included.
    @Test func aCardsTextsAreAllTheStringsItHolds() {
        var next = 0
        func text() -> String {
            next += 1
            return "text \(next)"
        }
        let author = AuthorView(
            handle: text(), name: text(), hasName: true, url: text(), avatarURL: text(), initial: text(),
            bioHTML: text(), homepage: LinkView(name: text(), url: text()),
            links: [LinkView(name: text(), url: text()), LinkView(name: text(), url: text())], threadCount: 1,
            tweetCount: 2, countsLabel: text(), feedURL: text())
        let card = ThreadCardView(
            title: text(), url: text(), dateText: text(), dateISO: text(), author: author, excerptHTML: text(),
            summary: text(), tweetCount: 3, tweetCountLabel: text(), readingLabel: text(), readLabel: text(),
            topics: [LinkView(name: text(), url: text())], hasTopics: true)
        func strings(in value: Any) -> [String] {
            if let text = value as? String { return [text] }
            return Mirror(reflecting: value).children.flatMap { strings(in: $0.value) }
        }
        #expect(card.texts.sorted() == strings(in: card).sorted())
        #expect(card.texts.count == next)
    }

    @Test func theBuiltInThemesCardIsReused() {
        #expect(Theme.partialIsReusable(CardMemo.partial, in: Theme.builtIn.templates))
    }

    @Test func reusedCardsAreTheBytesOfCardsRenderedInPlace() throws {
        let archive = try Self.archive()
        try archive.build()
        let reused = archive.outputTree()
        try FileManager.default.removeItem(atPath: archive.output)
        try archive.build(templates: try Self.theme(archive, renaming: true))
        let inPlace = archive.outputTree()
        #expect(reused.keys.sorted() == inPlace.keys.sorted())
        for (path, data) in inPlace where reused[path] != data {
            Issue.record("\(path) differs from the page with every card rendered in place")
        }
        // The content really holds the markers, and pages at several depths list cards.
        let home = String(decoding: try #require(reused["index.html"]), as: UTF8.self)
        #expect(home.contains(Self.markers[0]) && home.contains(Self.markers[1]))
        #expect(reused["page/2/index.html"] != nil && reused["authors/bob/index.html"] != nil)
    }

    @Test func aCardThatReadsItsPageIsRenderedOnEachPage() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        let card = Theme.builtIn.templates[CardMemo.partial]!.replacingOccurrences(
            of: "<article class=\"card\">", with: "<article class=\"card\" data-in=\"{{heading}}\">")
        try archive.build(templates: try Self.theme(archive, replacing: [CardMemo.partial: card]))
        let home = try #require(archive.read("Output/index.html"))
        let topic = try #require(archive.read("Output/topics/engines/index.html"))
        // The same threads' cards, each showing the heading of the page it is on.
        #expect(home.components(separatedBy: "data-in=").count > 2)
        #expect(home.components(separatedBy: "data-in=").dropFirst().allSatisfy { $0.hasPrefix("\"Test Site") })
        #expect(topic.components(separatedBy: "data-in=").count > 2)
        #expect(topic.components(separatedBy: "data-in=").dropFirst().allSatisfy { $0.hasPrefix("\"#") })
    }

    @Test func themesWhoseCardDependsOnWhereItStandsAreNotReused() {
        let builtIn = Theme.builtIn.templates
        func with(_ name: String, _ text: String) -> [String: String] { builtIn.merging([name: text]) { $1 } }
        let card = builtIn[CardMemo.partial]!
        #expect(
            !Theme.partialIsReusable(
                CardMemo.partial, in: with(CardMemo.partial, "{{#first()}}first{{/first()}}" + card)))
        #expect(
            !Theme.partialIsReusable(
                CardMemo.partial, in: with("partials/topics", "{{$list}}{{/list}}" + builtIn["partials/topics"]!)))
        #expect(
            !Theme.partialIsReusable(
                CardMemo.partial, in: with("home", builtIn["home"]!.replacingOccurrences(of: "{{> ", with: "  {{> "))))
        #expect(!Theme.partialIsReusable(CardMemo.partial, in: builtIn.filter { $0.key != CardMemo.partial }))
    }
}
