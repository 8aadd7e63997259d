import Foundation
import Skein
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Script-injection attempts in every field that reaches a page; nothing from content may run in `Output/`.
@Suite struct InjectionTests {
    static let attacks = [
        #"<script>alert(1)</script>"#, #"<img src=x onerror=alert(2)>"#, #""><svg onload=alert(3)>"#,
        #"'><iframe src=javascript:alert(4)>"#, #"</textarea><script>alert(5)</script>"#,
        #"</script><script>alert(6)</script>"#,
        "{{site.title}} {{{meta.title}}} {{> partials/card}}", #"<a href="javascript:alert(7)">x</a>"#,
    ]
    static let markdownLinks = [
        "[a](javascript:alert(8))", "[b](JaVaScRiPt:alert(9))", "[c](jav&#x61;script:alert(10))",
        "[d](&#106;avascript:alert(11))", "[e](vbscript:msgbox(12))", "[f](data:text/html;base64,PHNjcmlwdD4=)",
        "[g]( javascript:alert(13))", "![h](javascript:alert(14))", "[i](java\tscript:alert(15))",
        "<javascript:alert(16)>", "[j](javascript&colon;alert(17))", "[k](DATA:text/html,<script>alert(18)</script>)",
    ]

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static var archiveFiles: [String: String] {
        let attack = attacks.joined(separator: " ")
        return [
            "Content/authors/eve.yml": """
            name: \(quoted(attacks[2] + attacks[6]))
            bio: \(quoted(attack + " " + markdownLinks.joined(separator: " ")))
            url: https://eve.example/"><script>alert(19)</script>
            links: ['https://eve.example/?q=<svg/onload=alert(20)>']
            """,
            "Content/threads/attack.md": """
            ---
            author: eve
            date: 2024-03-01
            title: \(quoted(attack))
            summary: \(quoted(attacks[2] + attacks[4]))
            topics: [\(quoted(attacks[2])), \(quoted(attacks[0])), \(quoted("{{site}}"))]
            source: https://example.org/"onmouseover="alert(21)
            ---
            {id=1"onclick="alert(23) url=https://example.org/'onfocus='alert(24)}
            \(attack)
            ---
            \(markdownLinks.joined(separator: "\n\n"))
            ---
            #"><svg/onload=alert(25)> @"><img/src/onerror=alert(26)> https://example.org/"><script>alert(27)</script>
            """,
        ]
    }

    @Test func nothingFromContentRunsAnywhereInTheOutput() throws {
        let archive = try TemporaryArchive(
            Self.archiveFiles,
            site: """
                title: \(Self.quoted(Self.attacks[2]))
                description: \(Self.quoted(Self.attacks[0] + Self.attacks[4]))
                language: en
                base_url: https://example.org/
                """)
        try archive.build()
        let tree = archive.outputTree()
        #expect(tree.keys.contains("threads/attack/index.html"))
        var checked = 0
        for (path, data) in tree.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") {
                let fromContent = Self.withoutThemeElements(text)
                #expect(
                    ScriptScanner.problems(in: fromContent).isEmpty,
                    "\(path): \(ScriptScanner.problems(in: fromContent))")
                checked += 1
            } else if path.hasSuffix(".js") && path.hasPrefix("search/") {
                // The index is data in a script: no `<` may reach it unescaped, so `</script>` in a tweet stays text.
                #expect(!text.contains("<"), "\(path) holds a raw <")
                checked += 1
            } else if path.hasSuffix(".xml") {
                // Feeds and the sitemap: well-formed XML whatever the input, and the HTML they carry is safe too.
                // Titles and summaries are Atom text constructs (no `type`), which readers never treat as markup.
                let document = try XMLDocument(data: data)
                #expect(
                    try document.nodes(forXPath: "//*[local-name()='title' or local-name()='summary']/@type").isEmpty)
                for node in try document.nodes(forXPath: "//*[local-name()='content']") {
                    let html = node.stringValue ?? ""
                    #expect(ScriptScanner.problems(in: html).isEmpty, "\(path): \(ScriptScanner.problems(in: html))")
                }
                for node in try document.nodes(
                    forXPath: "//@href | //*[local-name()='loc'] | //*[local-name()='id'] | //*[local-name()='uri']")
                {
                    #expect(!ScriptScanner.normalisedURL(node.stringValue ?? "").hasPrefix("javascript:"), "\(path)")
                }
                checked += 1
            } else if path.hasSuffix(".json") || path.hasSuffix(".txt") {
                #expect(!text.lowercased().contains("<script"), "\(path)")
            }
        }
        #expect(checked > 10)
        let page = try #require(archive.read("Output/threads/attack/index.html"))
        #expect(page.contains("{{site.title}}"), "Mustache tags in content are text, never evaluated")
    }

    /// The page without the theme's own search forms and scripts, which are the same on every site.
    static func withoutThemeElements(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<script src="../assets/search.js"></script>"#, with: "")
            .replacingOccurrences(of: #"<script src="manifest.js"></script>"#, with: "")
            .replacingOccurrences(of: #"<form class="search-form" role="search" action="./" method="get">"#, with: "")
        text = text.replacingOccurrences(
            of: #"<form class="site-search" role="search" action="[^"<>]*search/" method="get">"#, with: "",
            options: .regularExpression)
        return text
    }

    @Test func theScannerFindsWhatItLooksFor() {
        #expect(!ScriptScanner.problems(in: #"<p><a href="jav&#x61;script:alert(1)">x</a></p>"#).isEmpty)
        #expect(!ScriptScanner.problems(in: #"<img src="x" ONERROR="alert(1)">"#).isEmpty)
        #expect(!ScriptScanner.problems(in: "<svg><script>alert(1)</script></svg>").isEmpty)
        #expect(
            ScriptScanner.problems(in: #"<p>&lt;script&gt; <a href="https://e.org/?a=javascript:">x</a></p>"#).isEmpty)
    }

    @Test(arguments: [
        "url: javascript:alert(1)", "links: ['vbscript:msgbox(1)']", "avatar: 'javascript:alert(1)'",
        "url: 'data:text/html,<script>alert(1)</script>'",
    ])
    func dangerousURLsInProfilesAreRefused(line: String) throws {
        let archive = try TemporaryArchive([
            "Content/authors/eve.yml": line + "\n", "Content/threads/a.md": threadFile(author: "eve", tweets: ["Hi."]),
        ])
        let errors = archive.failingBuild()
        #expect(errors.first?.location.file.hasSuffix("eve.yml") == true, "\(errors)")
    }
}
