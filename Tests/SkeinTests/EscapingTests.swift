import Foundation
import Mustache
import Testing

@testable import Skein

/// Everything that comes from content is escaped, wherever it appears.
@Suite struct EscapingTests {
    static let hostile = #"<script>alert("x")</script> & 'quotes'"#

    @Test func hostileTextNeverBecomesMarkup() throws {
        let archive = try TemporaryArchive(
            [
                "Content/authors/eve.yml": """
                name: '\(Self.hostile.replacingOccurrences(of: "'", with: "''"))'
                bio: 'Bio <script>alert(1)</script> "q"'
                url: https://eve.example/?a="><script>
                """,
                "Content/threads/hostile.md": """
                ---
                author: eve
                date: 2024-03-01
                title: '\(Self.hostile.replacingOccurrences(of: "'", with: "''"))'
                summary: '"><script>alert(2)</script>'
                topics: ['<b>bold</b>', "x\\" onmouseover=\\"alert(3)"]
                ---
                Tweet <script>alert(4)</script> "and" <img src=x onerror=alert(5)>
                """,
            ],
            site: "title: '<script>alert(6)</script>'\ndescription: '\"><script>alert(7)</script>'\n")
        try archive.build()
        let tree = archive.outputTree()
        #expect(!tree.isEmpty)
        for (path, data) in tree where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = InjectionTests.withoutThemeElements(String(decoding: data, as: UTF8.self))
            #expect(!text.contains("<script"), "\(path) contains a script tag")
            #expect(!text.contains("onerror="), "\(path) contains an event handler")
            #expect(!text.contains("\" onmouseover"), "\(path) lets a quote end an attribute")
            #expect(!text.contains("<b>bold"), "\(path) contains markup from a topic")
        }
        let page = try #require(archive.read("Output/threads/hostile/index.html"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
    }
}

/// Skein's fast escaping gives exactly what swift-mustache's own escaping gives.
@Suite struct FastEscapingTests {
    @Test(arguments: [
        EscapingTests.hostile, "", "plain text with nothing to escape", "café ñ 𝐁 🧵 — “quotes”",
        "<<>>&&\"\"''", "a&amp;b", "e\u{301}<x>", String(repeating: "<p class='x'>Ünïcode & more</p>", count: 200),
    ])
    func escapesAsMustacheDoes(_ text: String) throws {
        let template = try MustacheTemplate(string: "{{text}}")
        let mustache = template.render(["text": text])
        #expect(FastHTMLEscaping.escape(text) == mustache)
    }
}
