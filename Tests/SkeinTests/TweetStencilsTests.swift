import Foundation
import Mustache
import Testing

@testable import Skein

/// Thread pages print each tweet from a stencil of the theme's tweet partial (``TweetStencils``); pages must be what
/// rendering the partial for every tweet gives, and a partial that reads more than its tweet must be rendered in place.
@Suite struct TweetStencilsTests {
    /// An archive with a tweet of every shape (a time or not, an original post or not) whose texts need escaping.
    /// (Content cannot hold the markers' U+0001: thread files with control characters are errors.)
    static func archive() throws -> TemporaryArchive {
        var files = ExampleArchive.files
        files["Content/threads/shapes.md"] = threadFile(
            author: "bob", date: "2024-03-05",
            tweets: [
                "{time=2024-03-05T10:00:00Z url=https://x.example/1?a=1&b='2'}\nBoth, with an original post.",
                "{time=2024-03-05T10:05:00Z}\nA time only, and what a marker would hold: 3& 4&amp;.",
                "{url=https://x.example/3}\nAn original post only.",
                "Neither.",
            ])
        return try TemporaryArchive(files)
    }

    /// Writes the built-in theme into `Templates/`, with `replaced` templates and without `removed` ones.
    static func theme(_ archive: TemporaryArchive, replacing replaced: [String: String] = [:], removing: [String] = [])
        throws -> String
    {
        let templates = Theme.builtIn.templates.merging(replaced) { $1 }.filter { !removing.contains($0.key) }
        for (name, text) in templates { try archive.write("Templates/\(name).mustache", text) }
        for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
        return archive.root + "/Templates"
    }

    /// Whether a theme with `replaced` templates prints tweets from stencils.
    static func stencilled(replacing replaced: [String: String]) -> Bool {
        var diagnostics: [Diagnostic] = []
        let theme = Theme(
            templates: Theme.builtIn.templates.merging(replaced) { $1 }, assets: [:], origin: "(test)")
        guard let library = theme.compile(diagnostics: &diagnostics) else { return false }
        return TweetStencils.installed(in: library) != nil
    }

    static let partial = Theme.builtIn.templates[TweetStencils.partial]!

    @Test func theBuiltInThemesTweetsAreStencilled() {
        #expect(Self.stencilled(replacing: [:]))
    }

    @Test func stencilledTweetsAreTheBytesOfTweetsRenderedInPlace() throws {
        let archive = try Self.archive()
        try archive.build()
        let stencilled = archive.outputTree()
        try FileManager.default.removeItem(atPath: archive.output)
        // The same partial under another name, which is never stencilled: every tweet rendered in place.
        let thread = Theme.builtIn.templates["thread"]!.replacingOccurrences(
            of: "{{> partials/tweet}}", with: "{{> partials/post}}")
        try archive.build(
            templates: try Self.theme(
                archive, replacing: ["thread": thread, "partials/post": Self.partial], removing: [TweetStencils.partial]
            ))
        let inPlace = archive.outputTree()
        #expect(stencilled.keys.sorted() == inPlace.keys.sorted())
        for (path, data) in inPlace where stencilled[path] != data {
            Issue.record("\(path) differs from the page with every tweet rendered in place")
        }
        // Every shape is on the page, with its texts escaped.
        let page = String(decoding: try #require(stencilled["threads/shapes/index.html"]), as: UTF8.self)
        #expect(page.components(separatedBy: "<li class=\"tweet\"").count == 5)
        #expect(page.components(separatedBy: "<time datetime=\"2024-03-05T10:").count == 3)
        #expect(page.components(separatedBy: "class=\"tweet-original\"").count == 3)
        #expect(page.contains("href=\"https://x.example/1?a=1&amp;b=&#39;2&#39;\""))
        #expect(page.contains("<p>A time only, and what a marker would hold: 3&amp; 4&amp;.</p>"))
    }

    @Test func aPartialThatReadsMoreThanItsTweetIsRenderedInPlace() throws {
        let archive = try Self.archive()
        let partial = Self.partial.replacingOccurrences(
            of: "<li class=\"tweet\"", with: "<li class=\"tweet\" data-thread=\"{{title}}\"")
        #expect(!Self.stencilled(replacing: [TweetStencils.partial: partial]))
        try archive.build(templates: try Self.theme(archive, replacing: [TweetStencils.partial: partial]))
        let page = try #require(archive.read("Output/threads/shapes/index.html"))
        // Each tweet shows its thread's title, as the lookup down the context finds it.
        let title = try #require(page.firstMatch(of: #/<h1 class="page-title">([^<]*)</h1>/#)?.output.1)
        #expect(page.components(separatedBy: "data-thread=\"\(title)\"").count == 5)
    }

    @Test func themesWhoseTweetDependsOnMoreThanItsFieldsAreNotStencilled() {
        let thread = Theme.builtIn.templates["thread"]!
        // Reads beyond the tweet only when it has a time: every shape is tried.
        #expect(
            !Self.stencilled(replacing: [TweetStencils.partial: "{{#timeText}}{{title}}{{/timeText}}" + Self.partial]))
        // Prints the tweet itself.
        #expect(!Self.stencilled(replacing: [TweetStencils.partial: "{{#html}}{{/html}}{{.}}" + Self.partial]))
        // A transform, which may read the list's place.
        #expect(!Self.stencilled(replacing: [TweetStencils.partial: "{{#first()}}first{{/first()}}" + Self.partial]))
        // The partial included over something else than a tweet.
        #expect(!Self.stencilled(replacing: ["thread": thread + "{{#thread}}{{> partials/tweet}}{{/thread}}"]))
        // Indented, its lines would be too.
        #expect(
            !Self.stencilled(replacing: [
                "thread": thread.replacingOccurrences(of: "{{> partials/tweet}}", with: "  {{> partials/tweet}}")
            ]))
    }

    @Test func fieldsAreEveryFieldATweetShows() {
        let tweet = TweetView(
            number: 3, position: "3/4", anchor: "t3", html: "<p>x</p>", timeText: "10:00", timeISO: "2024",
            originalURL: "https://x.example/")
        let children = Mirror(reflecting: tweet).children.filter { !TemplateVariables.isSkeinsOwn($0.value) }
        #expect(children.map(\.label) == TweetView.fieldNames)
        #expect(tweet.fields == ["3", "3/4", "t3", "<p>x</p>", "10:00", "2024", "https://x.example/"])
        let optional = children.enumerated().filter { Mirror(reflecting: $0.element.value).displayStyle == .optional }
        #expect(optional.map(\.offset) == TweetView.optionalFields)
    }
}
