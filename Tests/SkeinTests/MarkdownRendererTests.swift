import Foundation
import Skein
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(
        mentions: .init(knownHandles: ["ada"], baseURL: URL(string: "https://x.com/")!))

    @Test func linksHashtagsMentionsAndBareURLs() {
        let html = renderer.render(
            "Hi @ada and @bob, see #Swift at https://www.example.org/a/very/long/path/that/goes/on"
        ).html
        #expect(html.contains(#"<a href="skein:authors/ada/">@ada</a>"#))
        #expect(html.contains(#"<a href="https://x.com/bob">@bob</a>"#))
        #expect(html.contains(#"<a href="skein:topics/swift/">#Swift</a>"#))
        #expect(
            html.contains(
                #"<a href="https://www.example.org/a/very/long/path/that/goes/on">example.org/a/very/long/path/th…</a>"#
            ))
    }

    @Test func aURLWithoutSchemeLinksOverHTTPS() {
        #expect(
            renderer.render("Read example.com/path now").html.contains(
                #"<a href="https://example.com/path">example.com/path</a>"#))
    }

    @Test func leavesCodeLinksAndImagesAlone() {
        let html = renderer.render(
            "`#notatag @nobody` [#tag @ada](https://e.org) ![#alt @ada](/media/a.png)\n\n    #code @ada\n"
        ).html
        #expect(!html.contains("skein:topics"))
        #expect(!html.contains("skein:authors"))
        #expect(html.contains("<code>#notatag @nobody</code>"))
        #expect(html.contains(##"<img src="skein:media/a.png" alt="#alt @ada" />"##))
    }

    @Test func collectsHashtagsAsWritten() {
        #expect(renderer.render("#Serverless and #serverless, not `#code`").hashtags == ["Serverless", "serverless"])
    }

    @Test func keepsLineBreaksAndUsesSmartPunctuation() {
        let html = renderer.render("\"Quoted\" -- and...\nnext line").html
        #expect(html.contains("“Quoted” – and…<br />"))
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](javascript:alert(1))",
    ])
    func neverPassesScriptThrough(markdown: String) {
        let html = renderer.render(markdown).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror="))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text"))
    }

    @Test func escapesTextAndQuotes() {
        let html = renderer.render("5 < 6 & \"a\" > 'b'").html
        #expect(html.contains("5 &lt; 6 &amp; “a” &gt; ‘b’"))
    }

    @Test func plainTextDropsMarkup() {
        #expect(renderer.render("**Bold** and `code`.\n\nSecond").plainText == "Bold and code.\nSecond")
    }

    @Test func survivesAHundredThousandNestedBlockQuotes() {
        let started = Date()
        let rendered = renderer.render(String(repeating: "> ", count: 100_000) + "deep")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(rendered.plainText == "deep")
    }
}
