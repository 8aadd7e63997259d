import Foundation
import Testing

@testable import Skein

/// How templates find names: a view model's field that holds nothing is found, as empty, and the lookup stops there.
@Suite struct TemplateLookupTests {
    /// The built-in theme with some templates replaced, written into the archive's `Templates/`.
    static func theme(in archive: TemporaryArchive, replacing replaced: [String: String]) throws {
        for (name, text) in Theme.builtIn.templates.merging(replaced, uniquingKeysWith: { $1 }) {
            try archive.write("Templates/\(name).mustache", text)
        }
        for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
    }

    /// Thread A's page, built with the built-in theme but for `replaced`.
    static func threadPage(of archive: TemporaryArchive, replacing replaced: [String: String]) throws -> String {
        try theme(in: archive, replacing: replaced)
        try archive.build(templates: archive.root + "/Templates")
        return try #require(archive.read("Output/threads/a/index.html"))
    }

    @Test func aFieldWithoutValueDoesNotShowTheSameNameFromTheContextAround() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(
                author: "ada", date: "2024-03-02", extra: "title: Thread A\nsummary: The summary of A\n",
                tweets: ["About #swift."]),
            "Content/threads/b.md": threadFile(
                author: "bob", date: "2024-03-01", extra: "title: Thread B\n", tweets: ["Also #swift."]),
        ])
        let page = try Self.threadPage(
            of: archive,
            replacing: [
                "thread": "{{#thread}}<p>{{summary}}</p>{{#related}}[{{title}}:{{summary}}{{^summary}}none{{/summary}}]"
                    + "{{/related}}{{/thread}}\n"
            ])
        #expect(page.contains("<p>The summary of A</p>"))
        // Thread B has no summary: its card says so, rather than showing thread A's from further down the stack.
        #expect(page.contains("[Thread B:none]"), "\(page)")
    }

    /// Fields reach templates as texts that swift-mustache renders at once (``MustacheText``); they still take
    /// transforms, hold sections, and print as `{{.}}` inside them, and a theme that names a partial by a field gets
    /// a plain string it can look the partial up by.
    @Test func textFieldsTakeTransformsSectionsAndNamePartials() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(
                author: "ada", date: "2024-03-02", extra: "title: Thread A\nsummary: Short\n", tweets: ["About #swift."]
            )
        ])
        let page = try Self.threadPage(
            of: archive,
            replacing: [
                "thread": "{{#thread}}<p>{{uppercased(title)}}|{{#summary}}[{{.}}]{{/summary}}|{{^summary}}none"
                    + "{{/summary}}|{{{reversed(summary)}}}</p>{{/thread}}\n"
            ])
        #expect(page.contains("<p>THREAD A|[Short]||trohS</p>"), "\(page)")

        let named = try Self.threadPage(
            of: archive,
            replacing: ["thread": "{{#thread}}<p>{{>*summary}}</p>{{/thread}}\n", "Short": "the partial named Short"])
        #expect(named.contains("<p>the partial named Short</p>"), "\(named)")
    }
}
